"""An experiment's way: submitted, reviewed in the queue, run, finished or stopped, and shared."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from solutions.experiments.models import ExperimentStatus, ReviewState
from solutions.experiments.services import experiments
from solutions.models import Decision, ItemState, ModerationItem, ModerationState, SolutionKind
from solutions.services.publishing import AlreadyDecided, InvalidTransition, ReasonRequired
from tests.experiments.conftest import experiment_data


def test_a_submitted_experiment_waits_in_the_moderation_queue(submitted, editor):
    item = ModerationItem.objects.get(object_id=submitted.pk, kind=experiments.QUEUE_KIND)
    assert item.state == ItemState.OPEN
    assert item.submitted_by == editor
    assert item.get_kind_display() == "Experiment"
    assert submitted.review_state == ReviewState.SUBMITTED
    assert submitted.status == ExperimentStatus.PLANNED


def test_no_submission_after_the_deadline(closed_call, organisation, editor):
    with pytest.raises(PermissionDenied):
        experiments.submit(closed_call, organisation, editor, experiment_data())


def test_approval_publishes_and_closes_the_item(submitted, coordinator):
    record = experiments.approve(submitted, coordinator)
    submitted.refresh_from_db()
    assert submitted.review_state == ReviewState.PUBLISHED
    assert submitted.published_at
    assert record.decision == Decision.APPROVED
    assert ModerationItem.objects.get(object_id=submitted.pk, kind="experiment").state == ItemState.DECIDED


def test_rejection_needs_a_reason(submitted, coordinator):
    with pytest.raises(ReasonRequired):
        experiments.reject(submitted, coordinator, "  ")
    experiments.reject(submitted, coordinator, "Ei kokeilu vaan hankinta.")
    submitted.refresh_from_db()
    assert submitted.review_state == ReviewState.REJECTED


def test_a_second_decision_is_refused_with_who_decided_first(submitted, coordinator):
    experiments.approve(submitted, coordinator)
    with pytest.raises(AlreadyDecided) as raised:
        experiments.reject(submitted, coordinator, "Myöhässä")
    assert "Kaisa Koordinaattori" in raised.value.message


def test_planned_running_finished(submitted, coordinator, editor):
    experiments.approve(submitted, coordinator)
    experiments.start(submitted, editor, expected_version=submitted.version)
    assert submitted.status == ExperimentStatus.RUNNING
    with pytest.raises(InvalidTransition):
        experiments.start(submitted, editor)
    experiments.finish(
        submitted,
        editor,
        {
            "measured_result": Decimal("30"),
            "savings_euros_per_year": Decimal("12000"),
            "savings_hours_per_year": 400,
        },
    )
    submitted.refresh_from_db()
    assert submitted.status == ExperimentStatus.FINISHED
    assert submitted.change_percent == Decimal(-25)
    assert submitted.savings_euros_per_year == Decimal("12000")


def test_stopping_needs_the_lesson(submitted, coordinator, editor):
    experiments.approve(submitted, coordinator)
    with pytest.raises(InvalidTransition):
        experiments.stop(submitted, editor, "")
    experiments.stop(submitted, editor, "Järjestelmätoimittaja ei ehtinyt.")
    submitted.refresh_from_db()
    assert submitted.status == ExperimentStatus.STOPPED
    assert submitted.lesson


def test_an_old_form_does_not_overwrite_a_newer_change(submitted, coordinator, editor):
    experiments.approve(submitted, coordinator)
    old = submitted.version
    experiments.stop(submitted, editor, "Lopetettiin.", expected_version=old)
    with pytest.raises(experiments.StaleExperiment):
        experiments.start(submitted, editor, expected_version=old)


def test_a_finished_experiment_becomes_a_draft_solution_linked_both_ways(
    submitted, coordinator, editor, service_class
):
    experiments.approve(submitted, coordinator)
    experiments.start(submitted, editor)
    with pytest.raises(InvalidTransition):
        experiments.make_solution(submitted, editor, SolutionKind.EXPERIENCE)
    experiments.finish(submitted, editor, {"measured_result": Decimal("30"), "lesson": "Neuvonta ratkaisee."})
    solution = experiments.make_solution(
        submitted, editor, SolutionKind.EXPERIENCE, experiment_url="https://x/e/"
    )
    submitted.refresh_from_db()
    assert submitted.solution == solution
    assert solution.moderation_state == ModerationState.DRAFT
    assert solution.kind == SolutionKind.EXPERIENCE
    assert "https://x/e/" in solution.description
    assert list(solution.service_classes.all()) == [service_class]
    assert solution.lessons_learned == "Neuvonta ratkaisee."
    assert "40 → 30" in solution.results
    assert list(solution.experiments.all()) == [submitted]
    with pytest.raises(InvalidTransition):
        experiments.make_solution(submitted, editor, SolutionKind.EXPERIENCE)


def test_only_the_organisations_editors_run_it(submitted, coordinator, member, outsider_admin):
    experiments.approve(submitted, coordinator)
    for user in (member, outsider_admin, coordinator):
        with pytest.raises(PermissionDenied):
            experiments.start(submitted, user)
