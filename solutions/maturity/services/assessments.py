"""Every state change of a maturity assessment: start, answer, submit, publish.

Each function checks permission itself, locks the assessment, checks its state, writes only what
changes and records an event in the same transaction.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kuntajako.events import bus
from municipalities.permissions import may, require
from solutions.maturity.dimensions import LEVELS, all_dimensions
from solutions.maturity.models import Answer, Assessment, AssessmentState


@dataclass(frozen=True)
class Given:
    """One answer as typed into the form: the level (None = not answered), a note, the version of
    the stored answer the person saw (0 when there was none), and whether they left it as it was
    shown (an untouched answer never overwrites, nor conflicts with, someone else's newer one)."""

    level: int | None
    note: str = ""
    seen_version: int = 0
    untouched: bool = False


def start(*, organisation, user) -> Assessment:
    """The organisation's draft: the open one if there is one, otherwise a new one that starts from
    the answers of its latest finished assessment (so a yearly update only changes what changed)."""
    require(user, "start_assessment", organisation)
    existing = organisation.maturity_assessments.filter(state=AssessmentState.DRAFT).first()
    if existing:
        return existing
    previous = organisation.maturity_assessments.finished().order_by("-submitted_at", "-pk").first()
    try:
        with transaction.atomic():
            draft = Assessment.objects.create(organisation=organisation, created_by=user)
            if previous:
                now = timezone.now()
                Answer.objects.bulk_create(
                    Answer(
                        assessment=draft,
                        dimension=answer.dimension,
                        level=answer.level,
                        note=answer.note,
                        answered_at=now,
                        answered_by=user,
                    )
                    for answer in previous.answers.all()
                )
            bus.record("maturity.assessment_started", target=draft, actor=user)
    except IntegrityError:
        # Someone else opened the draft at the same moment: there is one draft, theirs.
        return organisation.maturity_assessments.get(state=AssessmentState.DRAFT)
    return draft


def save_answers(*, assessment, user, given: dict[str, Given]) -> list[Answer]:
    """Store the answers that changed. Returns the stored answers another person changed after this
    person loaded the form: those are not overwritten, and the form shows both values."""
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        require(user, "answer_assessment", locked)
        stored = {answer.dimension: answer for answer in locked.answers.select_related("answered_by")}
        conflicts, changed = [], []
        now = timezone.now()
        known = {dimension.key for dimension in all_dimensions()}
        for key, typed in given.items():
            if key not in known or (typed.level is not None and typed.level not in LEVELS):
                raise ValidationError(_("Unknown dimension or level."))
            current = stored.get(key)
            same = (
                (current.level, current.note) == (typed.level, typed.note) if current else typed.level is None
            )
            if same or typed.untouched:
                continue
            if (current.version if current else 0) != typed.seen_version:
                conflicts.append(current)
                continue
            if typed.level is None:
                current.delete()
            elif current:
                current.level, current.note = typed.level, typed.note
                current.answered_at, current.answered_by = now, user
                current.version += 1
                current.save(update_fields=["level", "note", "answered_at", "answered_by", "version"])
            else:
                Answer.objects.create(
                    assessment=locked,
                    dimension=key,
                    level=typed.level,
                    note=typed.note,
                    answered_at=now,
                    answered_by=user,
                )
            changed.append(key)
        if changed:
            bus.record("maturity.answers_saved", target=locked, actor=user, dimensions=changed)
    return [conflict for conflict in conflicts if conflict is not None]


def submit(*, assessment, user) -> Assessment:
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        require(user, "answer_assessment", locked)
        if not locked.answers.exists():
            raise ValidationError(_("Answer at least one area before submitting."))
        locked.state = AssessmentState.SUBMITTED
        locked.submitted_at, locked.submitted_by = timezone.now(), user
        locked.save(update_fields=["state", "submitted_at", "submitted_by"])
        bus.record("maturity.assessment_submitted", target=locked, actor=user)
    return locked


def publish(*, assessment, user) -> Assessment:
    """Make a submitted assessment public. Only the organisation's admin decides it."""
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if not may(user, "publish_assessment", locked):
            raise PermissionDenied
        locked.state = AssessmentState.PUBLISHED
        locked.published_at, locked.published_by = timezone.now(), user
        locked.save(update_fields=["state", "published_at", "published_by"])
        bus.record("maturity.assessment_published", target=locked, actor=user)
    return locked
