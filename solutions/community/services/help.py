"""Help requests: the asking organisation accepts the answer that solved its problem.

Asking and answering are posts and go through solutions.community.services.discussion.save_post.
"""

from django.db import transaction
from django.utils import timezone

from kuntajako.events import bus
from municipalities import permissions
from solutions.community.models import HelpRequest


class NotAnAnswer(Exception):
    """The answer is not a published answer of this help request."""


def accept_answer(user, help_request, answer) -> HelpRequest:
    """Mark `answer` as the one that solved the request (accepting another one replaces it)."""
    permissions.require(user, "accept_answer", help_request)
    with transaction.atomic():
        locked = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
        if not locked.answers.published().filter(pk=answer.pk).exists():
            raise NotAnAnswer
        locked.accepted_answer = answer
        locked.solved_at = timezone.now()
        locked.save(update_fields=["accepted_answer", "solved_at"])
        bus.record("answer.accepted", target=answer, actor=user)
    help_request.accepted_answer, help_request.solved_at = locked.accepted_answer, locked.solved_at
    return locked
