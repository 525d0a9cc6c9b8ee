"""An experiment's life: submitted → approved (published) or rejected in the moderation queue; then
planned → running → finished (with the measured result and savings) or stopped (with the lesson);
a finished one may become a solution or an experience report of the catalogue.

Every change is one function that checks permission, locks the experiment row, checks the current
state, writes only the fields it changes, raises the version and records an event. Two people
acting at once get one change and one clear message, never two changes.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kuntajako.events import bus
from municipalities import permissions
from solutions.experiments.models import Experiment, ExperimentStatus, ReviewState
from solutions.experiments.services.calls import unique_slug
from solutions.models import Decision, ItemState, ModerationDecision, ModerationItem, SolutionKind
from solutions.moderation import registry
from solutions.services import publishing
from solutions.services.publishing import AlreadyDecided, InvalidTransition, ReasonRequired, WorkflowError

# The moderation queue's kind for experiments waiting for review.
QUEUE_KIND = "experiment"

DESCRIPTION_FIELDS = (
    "title",
    "hypothesis",
    "service_changed",
    "measure",
    "unit",
    "baseline",
    "target",
    "period_start",
    "period_end",
)


class StaleExperiment(WorkflowError):
    def default_message(self):
        return _(
            "Someone else changed this experiment while you were editing it. What you wrote is shown "
            "below and has not been saved: check the current state and save again."
        )


def _locked(experiment) -> Experiment:
    return Experiment.objects.select_for_update().get(pk=experiment.pk)


def _bump(locked, fields, experiment=None):
    locked.version = F("version") + 1
    locked.save(update_fields=[*fields, "version", "updated_at"])
    locked.refresh_from_db(fields=["version"])
    if experiment is not None:
        for name in (*fields, "version"):
            setattr(experiment, name, getattr(locked, name))
    return locked


# Submitting and reviewing


def submit(call, organisation, user, data: dict) -> Experiment:
    """Send `organisation`'s experiment to `call`; it waits in the moderation queue for a coordinator."""
    experiment = Experiment(call=call, organisation=organisation)
    permissions.require(user, "submit_experiment", experiment)
    if data["period_end"] < data["period_start"]:
        raise InvalidTransition(_("The period must end on or after the day it starts."))
    now = timezone.now()
    for _attempt in range(3):
        try:
            with transaction.atomic():
                experiment = Experiment.objects.create(
                    call=call,
                    organisation=organisation,
                    slug=unique_slug(Experiment, data["title"]),
                    created_by=user,
                    submitted_at=now,
                    **{name: data[name] for name in DESCRIPTION_FIELDS},
                )
                experiment.service_classes.set(data.get("service_classes", []))
                experiment.partners.set([p for p in data.get("partners", []) if p.pk != organisation.pk])
                publishing.enqueue(
                    experiment, QUEUE_KIND, organisation=organisation, submitted_by=user, at=now
                )
                bus.record("experiment.submitted", target=experiment, actor=user)
            return experiment
        except IntegrityError:
            continue  # the slug was taken at the same moment
    raise InvalidTransition(_("The experiment could not be saved. Please try again."))


def open_item(experiment):
    return ModerationItem.objects.filter(
        content_type=ContentType.objects.get_for_model(Experiment),
        object_id=experiment.pk,
        kind=QUEUE_KIND,
        state=ItemState.OPEN,
    ).first()


def approve(experiment, coordinator, reason: str = "") -> ModerationDecision:
    """Publish the experiment: it appears in its call, the lists and the feed."""
    return _decide(experiment, coordinator, Decision.APPROVED, reason)


def reject(experiment, coordinator, reason: str) -> ModerationDecision:
    """Refuse the experiment; the organisation sees the reason (required)."""
    return _decide(experiment, coordinator, Decision.REJECTED, reason)


def _decide(experiment, coordinator, decision, reason):
    permissions.require(coordinator, "review_experiment", experiment)
    reason = (reason or "").strip()
    if decision == Decision.REJECTED and not reason:
        raise ReasonRequired()
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(Experiment)
    with transaction.atomic():
        locked = _locked(experiment)
        item = (
            ModerationItem.objects.select_for_update()
            .filter(content_type=content_type, object_id=locked.pk, kind=QUEUE_KIND)
            .order_by("-submitted_at", "-pk")
            .first()
        )
        if item is None:
            raise InvalidTransition(_("The experiment is not waiting for review."))
        if item.state != ItemState.OPEN:
            raise AlreadyDecided(item)
        if item.claimed_by_id and item.claimed_by_id != coordinator.pk:
            raise publishing.AlreadyClaimed(item)
        if locked.review_state != ReviewState.SUBMITTED:
            raise InvalidTransition(_("The experiment is not waiting for review."))
        locked.review_state = ReviewState.PUBLISHED if decision == Decision.APPROVED else ReviewState.REJECTED
        fields = ["review_state"]
        if decision == Decision.APPROVED:
            locked.published_at = now
            fields.append("published_at")
        _bump(locked, fields, experiment)
        item.state, item.decision, item.decided_by, item.decided_at = (
            ItemState.DECIDED,
            decision,
            coordinator,
            now,
        )
        item.save(update_fields=["state", "decision", "decided_by", "decided_at"])
        record = ModerationDecision.objects.create(
            item=item,
            content_type=content_type,
            object_id=locked.pk,
            organisation_id=locked.organisation_id,
            decision=decision,
            reason=reason,
            decided_by=coordinator,
            decided_at=now,
        )
        bus.record("experiment.decided", target=locked, actor=coordinator, decision=decision)
    return record


def register_queue_kinds() -> None:
    """Tell the moderation queue how experiments are fetched and what their kind is called."""
    registry.register_target(Experiment.objects.select_related("organisation", "call"))
    registry.register_kind(QUEUE_KIND, gettext_lazy("Experiment"))


# Running


TRANSITIONS = {
    ExperimentStatus.RUNNING: (ExperimentStatus.PLANNED,),
    ExperimentStatus.FINISHED: (ExperimentStatus.RUNNING,),
    ExperimentStatus.STOPPED: (ExperimentStatus.PLANNED, ExperimentStatus.RUNNING),
}


def _move(experiment, user, status, expected_version, **fields):
    permissions.require(user, "run_experiment", experiment)
    with transaction.atomic():
        locked = _locked(experiment)
        if expected_version is not None and locked.version != expected_version:
            raise StaleExperiment()
        if locked.status not in TRANSITIONS[status]:
            raise InvalidTransition(
                _("The experiment is already %(status)s.") % {"status": locked.get_status_display().lower()}
            )
        locked.status = status
        for name, value in fields.items():
            setattr(locked, name, value)
        _bump(locked, ["status", *fields], experiment)
        bus.record("experiment.status_changed", target=locked, actor=user, status=status)
    return experiment


def start(experiment, user, *, expected_version=None) -> Experiment:
    """Planned → running."""
    return _move(experiment, user, ExperimentStatus.RUNNING, expected_version, started_at=timezone.now())


def stop(experiment, user, lesson: str, *, expected_version=None) -> Experiment:
    """Planned or running → stopped; what was learned is required, so that others learn it too."""
    lesson = (lesson or "").strip()
    if not lesson:
        raise InvalidTransition(_("Write what was learned: others planning the same want to know."))
    return _move(
        experiment, user, ExperimentStatus.STOPPED, expected_version, lesson=lesson, ended_at=timezone.now()
    )


def finish(experiment, user, result: dict, *, expected_version=None) -> Experiment:
    """Running → finished, with the measured result and the measured savings (euros and hours a year)."""
    if result.get("measured_result") is None:
        raise InvalidTransition(_("Give the measured result in the unit of the baseline."))
    return _move(
        experiment,
        user,
        ExperimentStatus.FINISHED,
        expected_version,
        ended_at=timezone.now(),
        measured_result=result["measured_result"],
        result_summary=(result.get("result_summary") or "").strip(),
        lesson=(result.get("lesson") or "").strip(),
        savings_euros_per_year=result.get("savings_euros_per_year"),
        savings_hours_per_year=result.get("savings_hours_per_year"),
    )


# Into the catalogue


def _number(value):
    """40.00 as "40", 12.50 as "12,5" in Finnish: the way people write a measure."""
    whole = value.to_integral_value()
    return formats.number_format(whole if value == whole else value.normalize())


def make_solution(experiment, user, kind: str, *, experiment_url: str = ""):
    """Turn a finished experiment into a draft solution (or experience report) of its organisation,
    through the catalogue's own creation service, and link the two both ways: the experiment points
    to the solution, the solution's text to the experiment. The draft goes through the normal review.
    """
    permissions.require(user, "run_experiment", experiment)
    if kind not in (
        SolutionKind.EXPERIENCE,
        SolutionKind.PRACTICE,
        SolutionKind.PROCESS,
        SolutionKind.SOFTWARE,
    ):
        raise InvalidTransition(_("Choose what the experiment becomes."))
    with transaction.atomic():
        locked = _locked(experiment)
        if locked.status != ExperimentStatus.FINISHED:
            raise InvalidTransition(_("Only a finished experiment can become a solution."))
        if locked.solution_id:
            raise InvalidTransition(_("This experiment has already become a solution."))
        url = experiment_url or reverse("experiments:experiment_detail", args=[locked.slug])
        change = locked.change_percent
        results = locked.result_summary
        if change is not None:
            results = _("%(measure)s: %(baseline)s → %(result)s %(unit)s (%(change)+.0f %%).") % {
                "measure": locked.measure,
                "baseline": _number(locked.baseline),
                "result": _number(locked.measured_result),
                "unit": locked.unit,
                "change": change,
            } + ("\n\n" + results if results else "")
        data = {
            "title": locked.title,
            "summary": locked.hypothesis[:300],
            "kind": kind,
            "description": _("This solution comes from the experiment [%(title)s](%(url)s).")
            % {"title": locked.title, "url": url},
            "context": locked.service_changed,
            "results": results,
            "lessons_learned": locked.lesson,
            "partners": list(locked.partners.values_list("pk", flat=True)),
            "service_classes": list(locked.service_classes.values_list("code", flat=True)),
            "life_events": list(locked.call.life_events.values_list("code", flat=True)),
        }
        solution = publishing.create_draft(locked.organisation, user, data)
        locked.solution = solution
        _bump(locked, ["solution"], experiment)
        bus.record("experiment.made_solution", target=locked, actor=user, solution=solution.pk)
    return solution
