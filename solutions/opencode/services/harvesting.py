"""Harvesting: an organisation's registered repositories, read again and again.

`harvest(source)` reads the file (solutions.opencode.fetch, with its SSRF defences), validates it and,
when it is valid and changed, imports it as the person who registered the repository: a new
solution is created and submitted for review, a published one gets a revision in the moderation
queue. For an organisation a coordinator marked trusted the submission or revision is approved at
once through `publishing.approve_trusted`, which logs the decision like any other. Every reading
leaves a HarvestLog with the outcome and the exact messages; a file that stops validating records
"harvest.invalidated", from which the organisation's editors are told.

`manage.py harvest` (for cron) reads every repository not read within
OPENCODE_HARVEST_INTERVAL_HOURS; "Read now" on the status page runs the same task at once.
"""

import hashlib
import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from kuntajako.events import bus
from municipalities import permissions
from solutions.models import ItemKind, ItemState, ModerationItem, ModerationState
from solutions.opencode import fetch
from solutions.opencode.models import HarvestLog, HarvestSource, Outcome, TrustedPublisher
from solutions.opencode.publiccode.validator import ERROR, Message, validate
from solutions.opencode.services import importing
from solutions.services import publishing
from solutions.services.publishing import WorkflowError

logger = logging.getLogger(__name__)


def register(organisation, user, url: str) -> HarvestSource:
    permissions.require(user, "manage_harvest", organisation)
    try:
        raw_url = fetch.raw_file_url(url)
        fetch.check_url(raw_url)
    except fetch.FetchError as error:
        raise WorkflowError(str(error)) from error
    with transaction.atomic():
        if organisation.harvest_sources.filter(raw_url=raw_url).exists():
            raise WorkflowError(_("This repository is already registered."))
        source = HarvestSource.objects.create(
            organisation=organisation, url=url, raw_url=raw_url, added_by=user
        )
        bus.record("harvest.registered", target=source, actor=user)
        transaction.on_commit(lambda: harvest_task.enqueue(source.pk))
    return source


def remove(source: HarvestSource, user) -> None:
    permissions.require(user, "manage_harvest", source.organisation)
    with transaction.atomic():
        bus.record("harvest.removed", target=source.organisation, actor=user, url=source.url)
        source.delete()


def read_now(source: HarvestSource, user) -> None:
    permissions.require(user, "read_harvest_now", source.organisation)
    transaction.on_commit(lambda: harvest_task.enqueue(source.pk))


def set_trusted(organisation, user, *, trusted: bool) -> None:
    permissions.require(user, "mark_trusted_publisher", organisation)
    with transaction.atomic():
        if trusted:
            TrustedPublisher.objects.get_or_create(organisation=organisation, defaults={"marked_by": user})
        else:
            TrustedPublisher.objects.filter(organisation=organisation).delete()
        bus.record("harvest.trust_changed", target=organisation, actor=user, trusted=trusted)


def due_sources():
    limit = timezone.now() - timedelta(hours=settings.OPENCODE_HARVEST_INTERVAL_HOURS)
    return HarvestSource.objects.filter(Q(last_read_at__isnull=True) | Q(last_read_at__lt=limit))


@task()
def harvest_task(source_id: int) -> None:
    source = HarvestSource.objects.filter(pk=source_id).first()
    if source is not None:
        harvest(source)


def _as_dicts(messages) -> list[dict]:
    return [
        {"level": m.level, "key": m.key, "line": m.line, "column": m.column, "text": m.text} for m in messages
    ]


def harvest(source: HarvestSource) -> HarvestLog:
    """Read `source` once and record what happened."""
    was_valid = source.last_valid
    valid, messages, outcome = None, [], Outcome.FAILED
    digest = source.content_sha256
    try:
        body = fetch.fetch(source.raw_url)
    except fetch.FetchError as error:
        messages = [Message(ERROR, "(file)", 0, 0, str(error))]
    else:
        report = validate(body)
        valid, messages = report.valid, report.messages
        digest = hashlib.sha256(body).hexdigest()
        if not report.valid:
            outcome = Outcome.INVALID
        elif digest == source.content_sha256 and source.solution_id:
            outcome = Outcome.UNCHANGED
        else:
            outcome, problem = _bring_in(source, body.decode("utf-8"))
            if problem:
                messages = [*messages, Message(ERROR, "(import)", 0, 0, problem)]
    with transaction.atomic():
        source.last_read_at = timezone.now()
        source.last_outcome = outcome
        source.last_valid = valid
        source.last_messages = _as_dicts(messages)
        if outcome != Outcome.FAILED:
            source.content_sha256 = digest
        source.save(
            update_fields=[
                "last_read_at",
                "last_outcome",
                "last_valid",
                "last_messages",
                "content_sha256",
                "solution",
            ]
        )
        log = HarvestLog.objects.create(
            source=source, outcome=outcome, valid=valid, messages=source.last_messages
        )
        if outcome == Outcome.INVALID and was_valid is not False:
            bus.record("harvest.invalidated", target=log)
    return log


def _bring_in(source, text) -> tuple[str, str]:
    """Import a valid file as the person who registered the repository; (outcome, problem)."""
    user = source.added_by
    try:
        with transaction.atomic():
            result = importing.import_publiccode(source.organisation, user, text, solution=source.solution)
            source.solution = result.solution
            outcome = result.outcome
            if outcome == Outcome.CREATED or (
                outcome == Outcome.UPDATED
                and result.solution.moderation_state in publishing.SUBMITTABLE_STATES
            ):
                publishing.submit(result.solution, user)
                outcome = Outcome.CREATED if outcome == Outcome.CREATED else Outcome.UPDATED
            if outcome in (Outcome.CREATED, Outcome.UPDATED, Outcome.REVISION) and hasattr(
                source.organisation, "trusted_publisher"
            ):
                _publish_at_once(result, user)
                outcome = Outcome.PUBLISHED
    except importing.AwaitingReview as error:
        return Outcome.WAITING, error.message
    except WorkflowError as error:
        return Outcome.FAILED, error.message
    except PermissionDenied:
        return Outcome.FAILED, _(
            "The person who registered this repository may no longer edit the organisation's solutions."
        )
    return outcome, ""


def _publish_at_once(result, user) -> None:
    target_id, kind = (
        (result.revision.pk, ItemKind.REVISION)
        if result.revision
        else (result.solution.pk, ItemKind.SUBMISSION)
    )
    item = ModerationItem.objects.filter(kind=kind, object_id=target_id, state=ItemState.OPEN).first()
    if item is None:
        return
    if kind == ItemKind.SUBMISSION and result.solution.moderation_state != ModerationState.SUBMITTED:
        return
    publishing.approve_trusted(
        item, user, _("Published at once from a harvested publiccode.yml (trusted publisher).")
    )
