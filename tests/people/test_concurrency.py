"""Parallel requests keep the people network's rules: one profile, one daily limit."""

import pytest

from municipalities.models import MembershipRole
from solutions.community.services.reuse import MESSAGES_PER_DAY, RateLimited
from solutions.people.models import PersonMessage, Profile
from solutions.people.services import contact, profiles
from tests.concurrency import run_at_once
from tests.conftest import member_of

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


def test_two_first_listings_at_once_make_one_profile(organisation):
    person = member_of(organisation, MembershipRole.MEMBER)
    results = run_at_once(*[lambda: profiles.save_profile(person, {"title": "Kehittäjä"}) for _ in range(4)])
    assert all(isinstance(result, Profile) for result in results), results
    assert Profile.objects.filter(user=person).count() == 1


def test_parallel_messages_cannot_pass_the_daily_limit(organisation, other_organisation):
    recipient = member_of(organisation, MembershipRole.MEMBER)
    profile = profiles.save_profile(recipient, {"title": "Kehittäjä"})
    sender = member_of(other_organisation, MembershipRole.MEMBER)

    def one():
        return contact.contact(
            sender=sender, organisation=other_organisation, profile=profile, subject="S", body="B"
        )

    results = run_at_once(*[one for _ in range(MESSAGES_PER_DAY + 3)])
    assert PersonMessage.objects.filter(sender=sender).count() == MESSAGES_PER_DAY
    assert sum(isinstance(result, RateLimited) for result in results) == 3
