"""What happens when someone posts: rate limits and holding a new account's first post.

Limits count the author's own rows in the database, so they hold across processes and servers.
A person's first post (comment, help request or answer) waits in the moderation queue; once a
coordinator has approved one, the rest appear at once. Coordinators are trusted from the start.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kuntajako.events import bus
from municipalities import permissions
from municipalities.permissions import is_coordinator
from solutions.community.models import Answer, Comment, HelpRequest, PostState
from solutions.models import ItemKind
from solutions.services import publishing


@dataclass(frozen=True)
class RateLimit:
    posts: int
    minutes: int


def _post_models():
    return {Comment: RateLimit(10, 10), HelpRequest: RateLimit(3, 60), Answer: RateLimit(10, 10)}


def limit_for(model) -> RateLimit:
    return _post_models()[model]


def rate_limit_message(model) -> str:
    """What to tell someone who has posted the most `model` rows the limit allows."""
    limit = limit_for(model)
    return ngettext(
        "You have posted the most allowed in %(minutes)d minute. Please wait a moment; your text is kept.",
        "You have posted the most allowed in %(minutes)d minutes. Please wait a while; your text is kept.",
        limit.minutes,
    ) % {"minutes": limit.minutes}


def is_rate_limited(user, model) -> bool:
    limit = limit_for(model)
    since = timezone.now() - timedelta(minutes=limit.minutes)
    return model.objects.filter(author=user, created_at__gte=since).count() >= limit.posts


def must_hold(user) -> bool:
    """True until one of the user's posts has been published (approved by a coordinator)."""

    if is_coordinator(user):
        return False
    # Only a post that is on show proves a coordinator let the person through: a rejected (hidden)
    # first post must not open the gate for the next ones.
    return not any(
        model.objects.filter(author=user, state=PostState.PUBLISHED).exists() for model in _post_models()
    )


HELD_MESSAGE = _(
    "Thank you. As this is your first post, it waits for a moderator before others see it. "
    "You see it marked as waiting for moderation."
)


class RateLimited(Exception):
    """The author has posted the most the limit allows; `message` says how long to wait."""

    def __init__(self, model):
        self.message = rate_limit_message(model)
        super().__init__(self.message)


def _permission(post):
    """The rule that allows writing `post`, and the object it is asked about."""
    if isinstance(post, Comment):
        return "comment", post.solution
    if isinstance(post, Answer):
        return "answer", post.help_request
    return "ask_help", post.organisation


def save_post(post, *, after_save=None):
    """Save a new post as published, or held in the moderation queue if it is the author's first.

    Checks that the author may write it and is within the rate limit: the author's row is locked
    first, so parallel requests of one person are counted one after the other (on every app
    server, since the lock is the database's). `after_save(post)` runs inside the same
    transaction (for many-to-many fields and tags). Returns True when the post was held; raises
    RateLimited past the limit.
    """
    action, target = _permission(post)
    permissions.require(post.author, action, target)
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=post.author_id).first()
        if is_rate_limited(post.author, type(post)):
            raise RateLimited(type(post))
        held = must_hold(post.author)
        post.state = PostState.HELD if held else PostState.PUBLISHED
        post.save()
        if after_save:
            after_save(post)
        if held:
            publishing.enqueue(
                post, ItemKind.HELD_POST, organisation=post.organisation, submitted_by=post.author
            )
        else:
            bus.record("post.published", target=post, actor=post.author)
    return held


HELD_AGAIN_MESSAGE = _(
    "Your changed comment waits for a moderator again, as your first post did. You see it marked as "
    "waiting for moderation."
)


def edit_comment(user, comment, body: str):
    """Correct one's own comment within the edit window.

    An author whose only published post is this one was let through by a coordinator for exactly
    that text: a changed text goes back to the moderation queue, so approval cannot be used to slip
    something else in later.
    """
    permissions.require(user, "edit_comment", comment)
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        locked.body = body
        locked.edited_at = timezone.now()
        fields = ["body", "edited_at"]
        if locked.state == PostState.PUBLISHED and not _has_other_published_post(locked):
            locked.state = PostState.HELD
            fields.append("state")
            publishing.enqueue(
                locked, ItemKind.HELD_POST, organisation=locked.organisation, submitted_by=locked.author
            )
        locked.save(update_fields=fields)
    return locked


def _has_other_published_post(post) -> bool:
    if is_coordinator(post.author):
        return True
    return any(
        model.objects.filter(author_id=post.author_id, state=PostState.PUBLISHED)
        .exclude(pk=post.pk if model is type(post) else None)
        .exists()
        for model in _post_models()
    )


def delete_comment(user, comment):
    """The author takes their comment back; its place in the thread says so."""
    permissions.require(user, "delete_comment", comment)
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        locked.deleted_at = timezone.now()
        locked.save(update_fields=["deleted_at"])
    return locked
