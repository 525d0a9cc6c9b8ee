"""Who may do what with an initiative: every persona, the forbidden paths as well as the allowed."""

import pytest
from django.contrib.auth.models import AnonymousUser

from municipalities import permissions
from solutions.initiatives.models import InitiativeStatus, Partner, PartnerState

PERSONAS = [
    "unverified",
    "member",
    "editor",
    "org_admin",
    "outsider_admin",
    "salla_editor",
    "salla_member",
    "coordinator",
]


@pytest.fixture
def people(request, db):
    found = {"visitor": AnonymousUser()}
    for name in PERSONAS:
        found[name] = request.getfixturevalue(name)
    return found


def allowed(people, action, obj=None):
    return {name for name, user in people.items() if permissions.may(user, action, obj)}


def _set_status(initiative, status):
    initiative.status = status
    if status == InitiativeStatus.CLOSED:
        initiative.closed_reason = "No money this year."
    initiative.save()
    return initiative


def _salla_partner(initiative, other_organisation, state):
    return Partner.objects.create(
        initiative=initiative, organisation=other_organisation, state=state, people=True
    )


def test_propose_editors_admins_and_coordinators_for_their_own_organisation(
    people, organisation, coordinating_organisation
):
    assert allowed(people, "propose_initiative") == {
        "editor",
        "org_admin",
        "outsider_admin",
        "salla_editor",
        "coordinator",
    }
    assert allowed(people, "propose_initiative", organisation) == {"editor", "org_admin"}
    assert allowed(people, "propose_initiative", coordinating_organisation) == {"coordinator"}


def test_manage_the_proposers_editors_and_coordinators_while_open(people, initiative):
    assert allowed(people, "manage_initiative", initiative) == {"editor", "org_admin", "coordinator"}
    for status in (InitiativeStatus.DELIVERED, InitiativeStatus.CLOSED):
        assert allowed(people, "manage_initiative", _set_status(initiative, status)) == set()


def test_deliver_only_the_proposers_editors_and_only_in_development(people, initiative):
    assert allowed(people, "deliver_initiative", initiative) == set()
    _set_status(initiative, InitiativeStatus.IN_DEVELOPMENT)
    assert allowed(people, "deliver_initiative", initiative) == {"editor", "org_admin"}


def test_join_editors_and_admins_of_another_organisation(
    people, initiative, organisation, other_organisation
):
    assert allowed(
        people, "join_initiative", Partner(initiative=initiative, organisation=other_organisation)
    ) == {
        "outsider_admin",
        "salla_editor",
    }
    # The proposer is a partner already.
    assert (
        allowed(people, "join_initiative", Partner(initiative=initiative, organisation=organisation)) == set()
    )
    _set_status(initiative, InitiativeStatus.CLOSED)
    assert (
        allowed(people, "join_initiative", Partner(initiative=initiative, organisation=other_organisation))
        == set()
    )


def test_confirm_only_the_admin_of_the_committing_organisation(people, initiative, other_organisation):
    pending = _salla_partner(initiative, other_organisation, PartnerState.PENDING)
    assert allowed(people, "confirm_partner", pending) == {"outsider_admin"}
    pending.state = PartnerState.CONFIRMED
    assert allowed(people, "confirm_partner", pending) == set()


def test_withdraw_the_admin_or_while_waiting_the_editor(people, initiative, other_organisation):
    partner = _salla_partner(initiative, other_organisation, PartnerState.PENDING)
    assert allowed(people, "withdraw_partner", partner) == {"outsider_admin", "salla_editor"}
    partner.state = PartnerState.CONFIRMED
    assert allowed(people, "withdraw_partner", partner) == {"outsider_admin"}
    proposer = initiative.partners.get(organisation=initiative.organisation)
    assert allowed(people, "withdraw_partner", proposer) == set()


def test_updates_and_partner_discussion_for_members_of_confirmed_partners(
    people, initiative, other_organisation
):
    kuhmo = {"member", "editor", "org_admin"}
    assert allowed(people, "post_initiative_update", initiative) == kuhmo
    assert allowed(people, "discuss_with_partners", initiative) == kuhmo
    assert allowed(people, "read_partner_discussion", initiative) == kuhmo | {"coordinator"}
    # A commitment waiting for its admin does not open the partners' side yet.
    partner = _salla_partner(initiative, other_organisation, PartnerState.PENDING)
    assert allowed(people, "post_initiative_update", initiative) == kuhmo
    partner.state = PartnerState.CONFIRMED
    partner.save()
    salla = {"outsider_admin", "salla_editor", "salla_member"}
    assert allowed(people, "post_initiative_update", initiative) == kuhmo | salla
    assert allowed(people, "read_partner_discussion", initiative) == kuhmo | salla | {"coordinator"}


def test_public_discussion_any_verified_member_until_closed(people, initiative):
    assert allowed(people, "discuss_initiative", initiative) == {
        "member",
        "editor",
        "org_admin",
        "outsider_admin",
        "salla_editor",
        "salla_member",
        "coordinator",
    }
    _set_status(initiative, InitiativeStatus.CLOSED)
    assert allowed(people, "discuss_initiative", initiative) == set()
    assert allowed(people, "discuss_with_partners", initiative) == set()
