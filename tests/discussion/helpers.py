"""Helpers shared by the discussion and help request tests."""

from django.utils import timezone

from municipalities.models import MembershipRole
from solutions.community.models import Answer, Comment, PostState
from solutions.community.services import discussion
from tests import factories
from tests.checks import committed
from tests.conftest import member_of

PERSONAS = ["unverified", "member", "editor", "org_admin", "outsider_admin", "coordinator"]


def trust(user):
    """Give `user` an approved earlier post, so their next one is published at once."""
    organisation = user.memberships.first().organisation if user.memberships.exists() else None
    organisation = organisation or factories.OrganisationFactory()
    Comment.objects.create(
        solution=factories.SolutionFactory(),
        author=user,
        organisation=organisation,
        body="Aiempi kommentti.",
        state=PostState.PUBLISHED,
    )
    return user


def comment_on(solution, user, body="Hyvä ratkaisu, kiitos jakamisesta!", **fields):
    organisation = fields.pop("organisation", None) or user.memberships.first().organisation
    fields.setdefault("state", PostState.PUBLISHED)
    return Comment.objects.create(
        solution=solution, author=user, organisation=organisation, body=body, **fields
    )


def new_member(organisation, **fields):
    """A verified member who has not written anything yet."""
    return member_of(organisation, MembershipRole.MEMBER, **fields)


def minutes_ago(minutes):
    return timezone.now() - timezone.timedelta(minutes=minutes)


def post_comment(solution, user, body="Hyvä ratkaisu, kiitos jakamisesta!", *, organisation=None):
    """Write a comment as the site does, through the service, and run what follows the commit.

    The author is trusted first (an earlier approved post), so the comment appears at once.
    """
    organisation = organisation or user.memberships.first().organisation
    trust(user)
    comment = Comment(solution=solution, author=user, organisation=organisation, body=body)
    with committed():
        discussion.save_post(comment)
    return comment


def post_answer(help_request, user, body, *, organisation):
    """Answer a help request through the service (the author trusted first), as post_comment."""
    trust(user)
    answer = Answer(help_request=help_request, author=user, organisation=organisation, body=body)
    with committed():
        discussion.save_post(answer)
    return answer
