"""Two admins acting on the same membership at the same moment get one result, never two."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection

from municipalities.models import Membership, MembershipRole, MembershipState
from municipalities.services import membership as workflow
from tests.concurrency import run_at_once
from tests.conftest import member_of

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL; SQLite runs one writer at a time"
)


@pytest.mark.django_db(transaction=True)
def test_accept_and_decline_at_once_give_one_decision(organisation, requester, org_admin):
    second_admin = member_of(organisation, MembershipRole.ADMIN, display_name="Toinen Ylläpitäjä")
    request = Membership.objects.create(user=requester, organisation=organisation)
    results = run_at_once(
        lambda: workflow.accept(org_admin, Membership.objects.get(pk=request.pk), "Tervetuloa"),
        lambda: workflow.decline(second_admin, Membership.objects.get(pk=request.pk), "Ei"),
    )
    errors = [result for result in results if isinstance(result, workflow.MembershipError)]
    assert len(errors) == 1, results
    request.refresh_from_db()
    winner = org_admin if request.state == MembershipState.ACTIVE else second_admin
    assert request.decided_by == winner
    assert winner.public_name in str(errors[0])


@pytest.mark.django_db(transaction=True)
def test_two_admins_demoting_each_other_at_once_leave_one_admin(organisation, org_admin):
    second_admin = member_of(organisation, MembershipRole.ADMIN, display_name="Toinen Ylläpitäjä")
    first, second = org_admin.memberships.get(), second_admin.memberships.get()
    results = run_at_once(
        lambda: workflow.change_role(org_admin, Membership.objects.get(pk=second.pk), MembershipRole.MEMBER),
        lambda: workflow.change_role(
            second_admin, Membership.objects.get(pk=first.pk), MembershipRole.MEMBER
        ),
    )
    # The loser either finds they are the last admin or, already demoted, may no longer manage.
    refused = [
        result for result in results if isinstance(result, workflow.MembershipError | PermissionDenied)
    ]
    assert len(refused) == 1, results
    admins = Membership.objects.filter(organisation=organisation, role=MembershipRole.ADMIN)
    assert admins.count() == 1
