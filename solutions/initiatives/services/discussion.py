"""What partners and everyone else write on an initiative: updates and discussion messages.

Updates are the partners' news of the work. Messages are either for everyone or for the partners
only. Messages have the same rate limit as comments on solutions, counted the same way by the
community's discussion service (the author's row is locked, so parallel requests count one after
the other); a coordinator removes a message that breaks the rules, and its place says so.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kuntajako.events import bus
from municipalities import permissions
from solutions.community.models import Comment, PostState
from solutions.community.services import discussion
from solutions.initiatives.models import InitiativeMessage, InitiativeUpdate
from solutions.initiatives.services.initiatives import InitiativeError


def _speaks_for(user, organisation, initiative=None, *, partner=False):
    """The organisation the author writes for: one of theirs (a confirmed partner when required)."""
    own = permissions.roles(user)
    if organisation is None or organisation.pk not in own:
        raise InitiativeError(_("Choose an organisation you belong to."))
    if partner and organisation.pk not in initiative.confirmed_organisation_ids:
        raise InitiativeError(_("Only the confirmed partners write here."))
    return organisation


def _rate_limited(user) -> bool:
    # The same numbers as comments on solutions: a discussion is a discussion.
    limit = discussion.limit_for(Comment)
    since = timezone.now() - timedelta(minutes=limit.minutes)
    return InitiativeMessage.objects.filter(author=user, created_at__gte=since).count() >= limit.posts


def post_update(initiative, user, organisation, body: str) -> InitiativeUpdate:
    permissions.require(user, "post_initiative_update", initiative)
    _speaks_for(user, organisation, initiative, partner=True)
    with transaction.atomic():
        update = InitiativeUpdate.objects.create(
            initiative=initiative, organisation=organisation, author=user, body=body
        )
        bus.record("initiative.updated", target=update, actor=user)
    return update


def post_message(initiative, user, organisation, body: str, *, partners_only=False) -> InitiativeMessage:
    """A message in the discussion; raises discussion.RateLimited past the comments' limit."""
    permissions.require(user, "discuss_with_partners" if partners_only else "discuss_initiative", initiative)
    _speaks_for(user, organisation, initiative, partner=partners_only)
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        if _rate_limited(user):
            raise discussion.RateLimited(Comment)
        message = InitiativeMessage.objects.create(
            initiative=initiative,
            author=user,
            organisation=organisation,
            body=body,
            partners_only=partners_only,
            state=PostState.PUBLISHED,
        )
        bus.record("initiative.message_posted", target=message, actor=user)
    return message


def hide_message(message, user) -> InitiativeMessage:
    permissions.require(user, "hide", message)
    with transaction.atomic():
        locked = InitiativeMessage.objects.select_for_update().get(pk=message.pk)
        if locked.state == PostState.HIDDEN:
            raise InitiativeError(_("This message was already removed."))
        locked.state = PostState.HIDDEN
        locked.hidden_at = timezone.now()
        locked.save(update_fields=["state", "hidden_at"])
    return locked
