"""Two people acting on the same experiment at the same moment: one change, one clear message."""

import time

import pytest

from solutions.experiments.models import Experiment, ExperimentStatus, ReviewState
from solutions.experiments.services import experiments
from solutions.models import ModerationDecision
from solutions.services.publishing import AlreadyDecided, InvalidTransition
from tests.concurrency import run_at_once
from tests.conftest import member_of


@pytest.mark.postgres_only
def test_two_coordinators_deciding_at_once_record_one_decision(
    transactional_db, submitted, coordinator, coordinating_organisation, monkeypatch
):
    other = member_of(coordinating_organisation, "coordinator", display_name="Toinen Koordinaattori")
    slow = experiments._bump

    def bump_slowly(*args):
        # Hold the rows long enough that the other thread is certainly waiting meanwhile.
        time.sleep(0.3)
        return slow(*args)

    monkeypatch.setattr(experiments, "_bump", bump_slowly)
    results = run_at_once(
        lambda: experiments.approve(Experiment.objects.get(pk=submitted.pk), coordinator),
        lambda: experiments.reject(Experiment.objects.get(pk=submitted.pk), other, "Ei sovi hakuun."),
    )
    decided = [r for r in results if isinstance(r, ModerationDecision)]
    refused = [r for r in results if isinstance(r, AlreadyDecided)]
    assert (len(decided), len(refused)) == (1, 1), results
    assert ModerationDecision.objects.count() == 1
    assert decided[0].decided_by.public_name in refused[0].message
    expected = ReviewState.PUBLISHED if decided[0].decision == "approved" else ReviewState.REJECTED
    assert Experiment.objects.get(pk=submitted.pk).review_state == expected


@pytest.mark.postgres_only
def test_start_and_stop_at_once_make_one_change(transactional_db, submitted, coordinator, editor, org_admin):
    experiments.approve(submitted, coordinator)
    version = Experiment.objects.get(pk=submitted.pk).version
    results = run_at_once(
        lambda: experiments.start(Experiment.objects.get(pk=submitted.pk), editor, expected_version=version),
        lambda: experiments.stop(
            Experiment.objects.get(pk=submitted.pk), org_admin, "Ei resursseja.", expected_version=version
        ),
    )
    changed = [r for r in results if isinstance(r, Experiment)]
    refused = [r for r in results if isinstance(r, InvalidTransition | experiments.StaleExperiment)]
    assert (len(changed), len(refused)) == (1, 1), results
    assert Experiment.objects.get(pk=submitted.pk).status in (
        ExperimentStatus.RUNNING,
        ExperimentStatus.STOPPED,
    )
