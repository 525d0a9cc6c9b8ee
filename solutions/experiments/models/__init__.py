"""Calls for experiments, the experiments organisations run in them, and how savings are described.

A coordinator opens a Call (theme, service classes, life events, deadline, the support offered). An
organisation's editor submits an Experiment to an open call; a coordinator approves it in the
moderation queue before anyone outside the organisation sees it. Its status then moves planned →
running → finished (with the measured result and savings) or stopped (with the lesson). A finished
experiment may become a solution or an experience report of the catalogue in one step.

Savings come from two places: the savings an Adoption reports (described further by an
AdoptionSaving: method, period, currency) and the measured savings of finished experiments.
solutions.experiments.services.savings adds them up.
"""

from solutions.experiments.models.calls import Call
from solutions.experiments.models.experiments import Experiment, ExperimentStatus, ReviewState
from solutions.experiments.models.savings import AdoptionSaving, SavingMethod

__all__ = ["AdoptionSaving", "Call", "Experiment", "ExperimentStatus", "ReviewState", "SavingMethod"]
