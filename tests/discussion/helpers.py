"""Helpers shared by the discussion and help request tests."""

from django.utils import timezone

from municipalities.models import MembershipRole
from solutions.models import Comment, PostState
from tests import factories
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
