"""Template helpers of the discussion and the help requests, for includes in shared pages."""

from django import template
from django.conf import settings
from django.db.models import F
from django.urls import NoReverseMatch, reverse
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

from municipalities.permissions import may
from solutions.community.discussion.forms import CommentForm
from solutions.community.models import Answer, Comment, HelpRequest, PostState

register = template.Library()

UNANSWERED_ON_HOME = 5
POST_KIND_SLUGS = {Comment: "comment", Answer: "answer", HelpRequest: "help-request"}


def login_url():
    try:
        return reverse("accounts:login")
    except NoReverseMatch:
        return settings.LOGIN_URL


@register.simple_tag(takes_context=True)
def discussion_for(context, solution):
    """Comments of a solution with what the viewer may do, and the help answers that suggest it."""
    request = context["request"]
    user = request.user
    thread = list(Comment.objects.thread(solution, user))
    can_comment = may(user, "comment", solution)
    answers = (
        Answer.objects.published()
        .filter(solutions=solution, help_request__state=PostState.PUBLISHED)
        .select_related("help_request", "organisation")
        .order_by("-created_at")
    )
    return {
        "thread": thread,
        "count": sum(1 + len(comment.replies.all()) for comment in thread),
        "can_comment": can_comment,
        "form": CommentForm(user=user, solution=solution, auto_id="comment-%s") if can_comment else None,
        "login_url": f"{login_url()}?next={request.path}",
        "suggested_in": list({answer.help_request_id: answer.help_request for answer in answers}.values()),
    }


@register.simple_tag
def unanswered_help_requests(limit=UNANSWERED_ON_HOME):
    """Unanswered requests, those of the smallest municipalities first."""
    return list(
        HelpRequest.objects.published()
        .unanswered()
        .for_listing()
        .order_by(F("organisation__population").asc(nulls_last=True), "-created_at", "-pk")[:limit]
    )


@register.filter
def post_kind(post) -> str:
    return POST_KIND_SLUGS[type(post)]


@register.filter
def plain_text(text):
    """What someone wrote as plain text: escaped, addresses linked, line breaks kept."""
    return mark_safe(linebreaks(urlize(text, nofollow=True, autoescape=True), autoescape=False))  # noqa: S308
