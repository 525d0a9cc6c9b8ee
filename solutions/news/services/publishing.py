"""Every change to news, blog posts and events: writing, submitting, deciding, files.

draft --submit--> submitted --approve--> published
                      `--reject (reason required)--> rejected --edit, submit--> submitted

An editor's submission waits in the moderation queue as an item of kind "news"; a coordinator's own
item is published at once (there is nobody above to review it). Each function asks
`municipalities.permissions`, locks the row it changes, checks the current state, writes only the
fields it changes, logs decisions in ModerationDecision and records an event in the same
transaction: "news.decided" (approved or rejected) and "news.published" (an item appears, which
tells the followers of its organisation and service classes after the commit).

Saving carries the version the editor opened; a save over someone else's newer one raises
StaleVersion, and the editor's text stays in the form.
"""

import secrets

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kuntajako.events import bus
from municipalities import permissions
from solutions import cache
from solutions.attachments import prepare_upload
from solutions.models import Decision, ItemState, ModerationDecision, ModerationItem
from solutions.moderation import registry
from solutions.news.models import QUEUE_KIND, Attachment, Event, Post, State
from solutions.services import publishing
from solutions.services.publishing import (
    AlreadyClaimed,
    AlreadyDecided,
    InvalidTransition,
    ReasonRequired,
    WorkflowError,
)

__all__ = [
    "AlreadyClaimed",
    "AlreadyDecided",
    "InvalidTransition",
    "ReasonRequired",
    "StaleVersion",
    "WorkflowError",
]

POST_FIELDS = ("title", "summary", "body", "kind")
EVENT_FIELDS = (
    "title",
    "summary",
    "body",
    "starts_at",
    "ends_at",
    "time_zone",
    "place",
    "online_url",
    "registration_url",
)
MAX_ATTACHMENTS = 20


class StaleVersion(WorkflowError):
    def __init__(self, item):
        self.current = item
        super().__init__()

    def default_message(self):
        return _(
            "Someone else saved this while you were editing it. Your text is shown below and has not "
            "been saved: compare it with the current version and save again."
        )


def _fields(item) -> tuple:
    return POST_FIELDS if isinstance(item, Post) else EVENT_FIELDS


def _unique_slug(model, title: str) -> str:
    base = slugify(title)[:200] or "item"
    slug = base
    while model.objects.filter(slug=slug).exists():
        slug = f"{base}-{secrets.token_hex(3)}"
    return slug


def _apply(item, data: dict) -> list[str]:
    changed = []
    for name in _fields(item):
        if name in data and getattr(item, name) != data[name]:
            setattr(item, name, data[name])
            changed.append(name)
    return changed


def _locked(item):
    return type(item).objects.select_for_update().get(pk=item.pk)


def create(model, organisation, user, data: dict):
    """A new draft of `model` (Post or Event) for `organisation`."""
    permissions.require(user, "write_news", organisation)
    with transaction.atomic():
        item = model(organisation=organisation, author=user, slug=_unique_slug(model, data["title"]))
        _apply(item, data)
        item.full_clean(exclude=["slug", "author", "organisation"])
        item.save()
        if "service_classes" in data:
            item.service_classes.set(data["service_classes"])
    return item


def save(item, user, data: dict, *, expected_version: int | None = None):
    """Change the text of an item the user may edit; StaleVersion if someone saved in between."""
    permissions.require(user, "edit_news", item)
    with transaction.atomic():
        locked = _locked(item)
        if not permissions.may(user, "edit_news", locked):
            raise InvalidTransition(_("This can no longer be edited: it was submitted for review."))
        if expected_version is not None and locked.version != expected_version:
            raise StaleVersion(locked)
        changed = _apply(locked, data)
        locked.full_clean(exclude=["slug", "author", "organisation"])
        locked.version = F("version") + 1
        locked.save(update_fields=[*changed, "version", "updated_at"])
        if "service_classes" in data:
            locked.service_classes.set(data["service_classes"])
        locked.refresh_from_db(fields=["version"])
        if locked.is_published:
            cache.bump_after_commit()
    return locked


def submit(item, user):
    """Send a draft (or a rejected item) for review; a coordinator's goes online at once."""
    permissions.require(user, "submit_news", item)
    with transaction.atomic():
        locked = _locked(item)
        if locked.state not in (State.DRAFT, State.REJECTED):
            raise InvalidTransition(_("This is already waiting for review or published."))
        if permissions.may(user, "publish_news", locked):
            _publish(locked, user, None, "", timezone.now())
            return locked
        locked.state = State.SUBMITTED
        locked.save(update_fields=["state", "updated_at"])
        publishing.enqueue(locked, QUEUE_KIND, organisation=locked.organisation, submitted_by=user)
    return locked


def _publish(locked, user, queue_item, reason, now):
    locked.state = State.PUBLISHED
    fields = ["state", "updated_at"]
    if locked.published_at is None:
        locked.published_at = now
        fields.append("published_at")
    locked.save(update_fields=fields)
    record = _log(queue_item, locked, Decision.APPROVED, reason, user, now)
    bus.record("news.decided", target=record, actor=user, kind=QUEUE_KIND)
    bus.record("news.published", target=locked, actor=user)
    cache.bump_after_commit()
    return record


def _log(queue_item, target, decision, reason, user, now):
    return ModerationDecision.objects.create(
        item=queue_item,
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        organisation_id=target.organisation_id,
        decision=decision,
        reason=reason,
        decided_by=user,
        decided_at=now,
    )


def _decide(queue_item, coordinator, decision, reason):
    permissions.require(coordinator, "publish_news", queue_item)
    reason = (reason or "").strip()
    if decision == Decision.REJECTED and not reason:
        raise ReasonRequired()
    now = timezone.now()
    with transaction.atomic():
        locked_item = ModerationItem.objects.select_for_update().get(pk=queue_item.pk, kind=QUEUE_KIND)
        if locked_item.state != ItemState.OPEN:
            raise AlreadyDecided(locked_item)
        if locked_item.claimed_by_id and locked_item.claimed_by_id != coordinator.pk:
            raise AlreadyClaimed(locked_item)
        target = locked_item.target
        if target is None:
            raise InvalidTransition(_("The item no longer exists."))
        locked = _locked(target)
        if locked.state != State.SUBMITTED:
            raise InvalidTransition(_("This is no longer waiting for review."))
        if decision == Decision.APPROVED:
            record = _publish(locked, coordinator, locked_item, reason, now)
        else:
            locked.state = State.REJECTED
            locked.save(update_fields=["state", "updated_at"])
            record = _log(locked_item, locked, decision, reason, coordinator, now)
            bus.record("news.decided", target=record, actor=coordinator, kind=QUEUE_KIND)
        locked_item.state = ItemState.DECIDED
        locked_item.decision = decision
        locked_item.decided_by = coordinator
        locked_item.decided_at = now
        locked_item.save(update_fields=["state", "decision", "decided_by", "decided_at"])
    return record


def approve(queue_item, coordinator, reason: str = ""):
    return _decide(queue_item, coordinator, Decision.APPROVED, reason)


def reject(queue_item, coordinator, reason: str):
    return _decide(queue_item, coordinator, Decision.REJECTED, reason)


def open_item(target):
    """The open queue item of a post or an event, if it waits for review."""
    return (
        ModerationItem.objects.filter(
            kind=QUEUE_KIND,
            state=ItemState.OPEN,
            content_type=ContentType.objects.get_for_model(target),
            object_id=target.pk,
        )
        .select_related("submitted_by", "claimed_by")
        .first()
    )


def decisions(target):
    return (
        ModerationDecision.objects.filter(
            content_type=ContentType.objects.get_for_model(target), object_id=target.pk
        )
        .select_related("decided_by")
        .order_by("-decided_at", "-pk")
    )


# Files


def add_attachment(item, user, *, title: str, file) -> Attachment:
    """An image of a post or material of an event; the type is read from the content."""
    rule = "add_event_material" if isinstance(item, Event) else "edit_news"
    permissions.require(user, rule, item)
    file, content_type = prepare_upload(file)
    with transaction.atomic():
        locked = _locked(item)
        if not permissions.may(user, rule, locked):
            raise InvalidTransition(_("Files can no longer be added: it was submitted for review."))
        if locked.attachments.count() >= MAX_ATTACHMENTS:
            raise InvalidTransition(
                _("At most %(count)d files may be attached.") % {"count": MAX_ATTACHMENTS}
            )
        parent = {"event": locked} if isinstance(item, Event) else {"post": locked}
        attachment = Attachment.objects.create(
            title=title, file=file, content_type=content_type, size=file.size, **parent
        )
        if locked.is_published:
            cache.bump_after_commit()
    return attachment


def remove_attachment(item, user, attachment_id: int) -> str:
    rule = "add_event_material" if isinstance(item, Event) else "edit_news"
    permissions.require(user, rule, item)
    with transaction.atomic():
        locked = _locked(item)
        if not permissions.may(user, rule, locked):
            raise InvalidTransition(_("Files can no longer be removed: it was submitted for review."))
        attachment = locked.attachments.filter(pk=attachment_id).first()
        if attachment is None:
            raise InvalidTransition(_("The file was already removed."))
        storage, name = attachment.file.storage, attachment.file.name
        attachment.delete()
        transaction.on_commit(lambda: storage.delete(name))
    return attachment.title


def register_queue_kinds() -> None:
    """Tell the moderation queue how to fetch queued posts and events with what their rows show."""
    registry.register_target(Post.objects.select_related("organisation", "author"))
    registry.register_target(Event.objects.select_related("organisation", "author"))
