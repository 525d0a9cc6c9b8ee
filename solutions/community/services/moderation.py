"""Moderation of what people write: reports, hiding, and approving a new account's first post.

Each decision is one function: it locks the post, then its queue item, with SELECT ... FOR UPDATE,
checks that the decision is still open, changes the state, closes the queue items, resolves the
reports and appends a ModerationDecision. A second coordinator deciding the same thing at the same
moment waits for the lock, then gets AlreadyDecided instead of a second decision.

Reports of one post share one open queue item of kind "report"; reporting again joins it.
"""

from datetime import timedelta
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import ngettext

from kuntajako.events import bus
from municipalities import permissions
from solutions.community.models import Answer, Comment, HelpRequest, PostState, Report
from solutions.community.services.discussion import RateLimit
from solutions.models import Decision, ItemKind, ItemState, ModerationDecision, ModerationItem
from solutions.moderation import registry
from solutions.services import publishing
from solutions.services.publishing import AlreadyDecided

REPORT_LIMIT = RateLimit(posts=10, minutes=60)


class ReportLimited(Exception):
    def __init__(self, message):
        self.message = message
        super().__init__(message)


def _target_filter(post):
    return {"content_type": ContentType.objects.get_for_model(post), "object_id": post.pk}


def _locked(post):
    return type(post).objects.select_for_update().get(pk=post.pk)


def _log(post, item, decision, by, reason, now):
    ModerationDecision.objects.create(
        item=item,
        decision=decision,
        reason=reason,
        decided_by=by,
        decided_at=now,
        organisation=post.organisation,
        solution=post.solution if isinstance(post, Comment) else None,
        **_target_filter(post),
    )


def _close_items(post, decision, by, now, kinds=(ItemKind.REPORT, ItemKind.HELD_POST)):
    items = list(
        ModerationItem.objects.select_for_update()
        .filter(state=ItemState.OPEN, kind__in=kinds, **_target_filter(post))
        .order_by("pk")
    )
    for item in items:
        item.state = ItemState.DECIDED
        item.decision = decision
        item.decided_by = by
        item.decided_at = now
        item.save(update_fields=["state", "decision", "decided_by", "decided_at"])
    return items


def _resolve_reports(post, now):
    Report.objects.filter(resolved_at__isnull=True, **_target_filter(post)).update(resolved_at=now)


def report(post, reporter, reason: str) -> Report:
    """Record a report and put the post in the queue (joining an open report item if there is one)."""
    permissions.require(reporter, "report", post)
    with transaction.atomic():
        # The reporter's row is locked so that parallel reports are counted one after the other.
        get_user_model().objects.select_for_update().filter(pk=reporter.pk).first()
        since = timezone.now() - timedelta(minutes=REPORT_LIMIT.minutes)
        if Report.objects.filter(reporter=reporter, created_at__gte=since).count() >= REPORT_LIMIT.posts:
            raise ReportLimited(
                ngettext(
                    "You have sent the most reports allowed in %(minutes)d minute. A moderator reads "
                    "them; please wait before sending more.",
                    "You have sent the most reports allowed in %(minutes)d minutes. A moderator reads "
                    "them; please wait before sending more.",
                    REPORT_LIMIT.minutes,
                )
                % {"minutes": REPORT_LIMIT.minutes}
            )
        created = Report.objects.create(reporter=reporter, reason=reason, **_target_filter(post))
        if not ModerationItem.objects.filter(
            kind=ItemKind.REPORT, state=ItemState.OPEN, **_target_filter(post)
        ).exists():
            try:
                with transaction.atomic():
                    publishing.enqueue(
                        post, ItemKind.REPORT, organisation=post.organisation, submitted_by=reporter
                    )
            except IntegrityError:
                pass  # Someone else's report opened the item a moment earlier: this one joins it.
    return created


def hide(post, by, reason: str, *, decision=Decision.HIDDEN):
    """Remove a post from view; its place in the thread says it was removed by moderation."""
    permissions.require(by, "hide", post)
    now = timezone.now()
    with transaction.atomic():
        post = _locked(post)
        if post.state == PostState.HIDDEN:
            latest = ModerationDecision.objects.filter(**_target_filter(post)).first()
            raise AlreadyDecided(
                latest or SimpleNamespace(decided_by=None, decided_at=post.hidden_at, decision="")
            )
        post.state = PostState.HIDDEN
        post.hidden_at = now
        post.save(update_fields=["state", "hidden_at"])
        items = _close_items(post, decision, by, now)
        _resolve_reports(post, now)
        _log(post, items[0] if items else None, decision, by, reason, now)
    return post


def _open_item(item_pk, kind):
    item = ModerationItem.objects.select_for_update().get(pk=item_pk, kind=kind)
    if item.state != ItemState.OPEN:
        raise AlreadyDecided(item)
    return item


def dismiss_reports(item, by, reason: str = ""):
    """The post stays: the reports about it are closed without action."""
    permissions.require(by, "hide", item.target)
    post = item.target
    now = timezone.now()
    with transaction.atomic():
        post = _locked(post)
        item = _open_item(item.pk, ItemKind.REPORT)
        _close_items(post, Decision.APPROVED, by, now, kinds=[ItemKind.REPORT])
        _resolve_reports(post, now)
        _log(post, item, Decision.APPROVED, by, reason, now)
    return post


def approve_held(item, by, reason: str = ""):
    """Publish a held first post; the author's later posts appear without waiting."""
    permissions.require(by, "hide", item.target)
    post = item.target
    now = timezone.now()
    with transaction.atomic():
        post = _locked(post)
        item = _open_item(item.pk, ItemKind.HELD_POST)
        if post.state == PostState.HELD:
            post.state = PostState.PUBLISHED
            post.save(update_fields=["state"])
            bus.record("post.published", target=post, actor=post.author)
        _close_items(post, Decision.APPROVED, by, now, kinds=[ItemKind.HELD_POST])
        _log(post, item, Decision.APPROVED, by, reason, now)
    return post


def reject_held(item, by, reason: str):
    """Keep a held post from ever appearing."""
    with transaction.atomic():
        post = _locked(item.target)
        _open_item(item.pk, ItemKind.HELD_POST)
        return hide(post, by, reason, decision=Decision.REJECTED)


def register_queue_kinds() -> None:
    """Tell the moderation queue how to fetch reported and held posts with what their rows show."""
    registry.register_target(Comment.objects.select_related("author", "organisation", "solution"))
    registry.register_target(HelpRequest.objects.select_related("author", "organisation"))
    registry.register_target(Answer.objects.select_related("author", "organisation", "help_request"))
