"""Two people acting on the same initiative at the same instant: one change, one clear refusal."""

import pytest

from municipalities.models import MembershipRole
from solutions.initiatives.models import (
    Initiative,
    InitiativeMessage,
    InitiativeStatus,
    Partner,
    PartnerState,
)
from solutions.initiatives.services import discussion, initiatives, partners
from solutions.initiatives.services.initiatives import InitiativeError
from solutions.models import Solution
from tests.concurrency import run_at_once
from tests.conftest import member_of

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


def test_two_deliveries_at_once_make_one_solution(
    initiative, editor, org_admin, other_organisation, outsider_admin
):
    partners.join(initiative, other_organisation, outsider_admin, {"people": True})
    initiatives.agree(initiative, editor)
    initiatives.start_development(initiative, editor)
    data = {"kind": "software", "summary": "Book school gyms online."}

    def deliver(user):
        return lambda: initiatives.deliver(Initiative.objects.get(pk=initiative.pk), user, data)

    results = run_at_once(deliver(editor), deliver(org_admin))
    assert sum(isinstance(result, Solution) for result in results) == 1, results
    assert sum(isinstance(result, InitiativeError) for result in results) == 1, results
    assert Solution.objects.count() == 1
    initiative.refresh_from_db()
    assert initiative.status == InitiativeStatus.DELIVERED


def test_two_offers_of_one_organisation_at_once_make_one_partner(
    initiative, other_organisation, outsider_admin
):
    second_admin = member_of(other_organisation, MembershipRole.ADMIN)

    def join(user):
        return lambda: partners.join(
            Initiative.objects.get(pk=initiative.pk), other_organisation, user, {"people": True}
        )

    results = run_at_once(join(outsider_admin), join(second_admin))
    assert sum(isinstance(result, Partner) for result in results) == 1
    assert Partner.objects.filter(initiative=initiative, organisation=other_organisation).get().state == (
        PartnerState.CONFIRMED
    )


def test_parallel_messages_cannot_pass_the_rate_limit(initiative, member, organisation):
    def write():
        return discussion.post_message(Initiative.objects.get(pk=initiative.pk), member, organisation, "Hei")

    results = run_at_once(*[write for _ in range(14)])
    assert InitiativeMessage.objects.filter(author=member).count() == 10
    assert sum(not isinstance(result, InitiativeMessage) for result in results) == 4
