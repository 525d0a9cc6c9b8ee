"""What happens when someone posts: rate limits and holding a new account's first post.

Limits count the author's own rows in the database, so they hold across processes and servers.
A person's first post (comment, help request or answer) waits in the moderation queue; once a
coordinator has approved one, the rest appear at once. Coordinators are trusted from the start.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kuntajako.events import bus
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


def save_post(post, *, after_save=None):
    """Save a new post as published, or held in the moderation queue if it is the author's first.

    `after_save(post)` runs inside the same transaction (for many-to-many fields and tags).
    Returns True when the post was held.
    """
    held = must_hold(post.author)
    post.state = PostState.HELD if held else PostState.PUBLISHED
    with transaction.atomic():
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
