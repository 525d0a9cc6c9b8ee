"""The membership transitions themselves: states, permissions, protections and mail."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from municipalities import permissions
from municipalities.models import EmailDomain, Membership, MembershipRole, MembershipState
from municipalities.services import membership as workflow
from tests import factories
from tests.conftest import member_of


def staff_of(organisation, **fields):
    return factories.UserFactory(email_confirmed_at=timezone.now(), **fields)


# Asking to join


def test_confirmed_address_on_the_domain_is_a_member_at_once(
    organisation, kuhmo_domain, org_admin, django_capture_on_commit_callbacks, mailoutbox
):
    user = staff_of(organisation, email="liisa@kuhmo.example")
    with django_capture_on_commit_callbacks(execute=True):
        membership = workflow.request_membership(user, organisation)
    assert (membership.state, membership.role) == (MembershipState.ACTIVE, MembershipRole.MEMBER)
    assert permissions.role_in(user, organisation) == MembershipRole.MEMBER
    assert mailoutbox == []


def test_domain_match_ignores_case(organisation, kuhmo_domain):
    user = staff_of(organisation, email="Liisa@KUHMO.example")
    assert workflow.request_membership(user, organisation).state == MembershipState.ACTIVE


def test_unconfirmed_address_on_the_domain_may_not_ask(organisation, kuhmo_domain):
    user = factories.UserFactory(email="liisa@kuhmo.example", email_confirmed_at=None)
    with pytest.raises(PermissionDenied):
        workflow.request_membership(user, organisation)
    assert not Membership.objects.filter(user=user).exists()


def test_a_subdomain_does_not_grant_membership(organisation, kuhmo_domain):
    user = staff_of(organisation, email="opettaja@koulu.kuhmo.example")
    assert workflow.request_membership(user, organisation).state == MembershipState.PENDING


def test_another_organisations_domain_does_not_grant_membership(organisation, other_organisation):
    EmailDomain.objects.create(organisation=other_organisation, domain="salla.example")
    user = staff_of(organisation, email="ville@salla.example")
    assert workflow.request_membership(user, organisation).state == MembershipState.PENDING


def test_a_waiting_request_is_mailed_to_the_admins_in_their_language(
    organisation, requester, org_admin, django_capture_on_commit_callbacks, mailoutbox
):
    second_admin = member_of(organisation, MembershipRole.ADMIN, preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        membership = workflow.request_membership(requester, organisation, "Olen uusi IT-asiantuntija.")
    assert membership.state == MembershipState.PENDING
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted([org_admin.email, second_admin.email])
    english = next(mail for mail in mailoutbox if mail.to == [second_admin.email])
    assert "Pekka Pyytäjä asks to join Kuhmo" in english.subject
    assert "Olen uusi IT-asiantuntija." in english.body
    assert "/en/organisations/kuhmo/members/" in english.body


def test_without_admins_a_waiting_request_goes_to_the_coordinators(
    organisation, requester, coordinator, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        workflow.request_membership(requester, organisation)
    assert [mail.to for mail in mailoutbox] == [[coordinator.email]]


def test_one_may_belong_to_several_organisations(organisation, other_organisation, member):
    membership = workflow.request_membership(member, other_organisation)
    assert membership.state == MembershipState.PENDING
    assert member.memberships.count() == 2


def test_asking_twice_is_refused(organisation, pending_request):
    with pytest.raises(PermissionDenied):
        workflow.request_membership(pending_request.user, organisation)


def test_after_a_decline_one_may_ask_again(organisation, pending_request, org_admin):
    workflow.decline(org_admin, pending_request, "Emme tunnista sinua.")
    again = workflow.request_membership(pending_request.user, organisation, "Olen uusi työntekijä.")
    assert (again.pk, again.state, again.decided_by, again.decision_message) == (
        pending_request.pk,
        MembershipState.PENDING,
        None,
        "",
    )


# Deciding


def test_accept_makes_a_member_and_mails_the_message(
    pending_request, org_admin, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        workflow.accept(org_admin, pending_request, "Tervetuloa mukaan!")
    pending_request.refresh_from_db()
    assert (pending_request.state, pending_request.decided_by, pending_request.decision_message) == (
        MembershipState.ACTIVE,
        org_admin,
        "Tervetuloa mukaan!",
    )
    assert pending_request.decided_at is not None
    assert [mail.to for mail in mailoutbox] == [[pending_request.user.email]]
    assert "Tervetuloa mukaan!" in mailoutbox[0].body
    assert "Aino Ylläpitäjä" in mailoutbox[0].body


def test_decline_mails_the_requester_with_the_message(
    pending_request, coordinator, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        workflow.decline(coordinator, pending_request, "Pyydä esihenkilöäsi ottamaan yhteyttä.")
    pending_request.refresh_from_db()
    assert pending_request.state == MembershipState.DECLINED
    assert "Pyydä esihenkilöäsi ottamaan yhteyttä." in mailoutbox[0].body
    assert mailoutbox[0].to == [pending_request.user.email]


@pytest.mark.parametrize("name", ["member", "editor", "outsider_admin", "unverified"])
def test_only_admins_and_coordinators_decide(request, name, pending_request):
    with pytest.raises(PermissionDenied):
        workflow.accept(request.getfixturevalue(name), pending_request)
    pending_request.refresh_from_db()
    assert pending_request.state == MembershipState.PENDING


def test_a_decided_request_cannot_be_decided_again_and_says_who_decided(pending_request, org_admin):
    workflow.decline(org_admin, pending_request)
    with pytest.raises(workflow.MembershipError, match="already declined by Aino Ylläpitäjä"):
        workflow.accept(org_admin, pending_request)


def test_a_stale_copy_of_the_request_cannot_be_decided_twice(pending_request, org_admin, coordinator):
    # Two admins opened the page with the request still waiting.
    seen_by_admin = Membership.objects.get(pk=pending_request.pk)
    seen_by_coordinator = Membership.objects.get(pk=pending_request.pk)
    workflow.accept(org_admin, seen_by_admin)
    with pytest.raises(workflow.MembershipError, match="already accepted by Aino Ylläpitäjä"):
        workflow.decline(coordinator, seen_by_coordinator, "Ei")
    pending_request.refresh_from_db()
    assert (pending_request.state, pending_request.decided_by) == (MembershipState.ACTIVE, org_admin)


def test_a_withdrawn_request_cannot_be_decided(pending_request, org_admin):
    stale = Membership.objects.get(pk=pending_request.pk)
    workflow.leave(pending_request.user, pending_request)
    with pytest.raises(workflow.MembershipError, match="no longer exists"):
        workflow.accept(org_admin, stale)


# Roles and removal


def test_admin_makes_a_member_editor(member, org_admin, django_capture_on_commit_callbacks, mailoutbox):
    member.preferred_language = "en"
    member.save(update_fields=["preferred_language"])
    membership = member.memberships.get()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.change_role(org_admin, membership, MembershipRole.EDITOR)
    membership.refresh_from_db()
    assert membership.role == MembershipRole.EDITOR
    assert "Your role is now: Editor." in mailoutbox[0].body


def test_a_role_changed_meanwhile_is_not_overwritten(member, org_admin, coordinator):
    membership = member.memberships.get()
    workflow.change_role(coordinator, membership, MembershipRole.EDITOR)
    with pytest.raises(workflow.MembershipError, match="changed meanwhile by Kaisa Koordinaattori"):
        workflow.change_role(org_admin, membership, MembershipRole.ADMIN, expected_role=MembershipRole.MEMBER)
    membership.refresh_from_db()
    assert membership.role == MembershipRole.EDITOR


def test_the_coordinator_role_cannot_be_given_in_a_municipality(member, coordinator):
    with pytest.raises(workflow.MembershipError):
        workflow.change_role(coordinator, member.memberships.get(), MembershipRole.COORDINATOR)


def test_an_admin_cannot_manage_another_organisation(member, outsider_admin):
    with pytest.raises(PermissionDenied):
        workflow.change_role(outsider_admin, member.memberships.get(), MembershipRole.ADMIN)


@pytest.mark.parametrize("actor_name", ["org_admin", "coordinator"])
def test_the_last_admin_can_be_neither_demoted_nor_removed(request, actor_name, org_admin):
    actor = request.getfixturevalue(actor_name)
    last = org_admin.memberships.get()
    with pytest.raises(workflow.MembershipError, match="last admin of Kuhmo"):
        workflow.change_role(actor, last, MembershipRole.MEMBER)
    with pytest.raises(workflow.MembershipError, match="last admin of Kuhmo"):
        workflow.remove(actor, last)
    last.refresh_from_db()
    assert last.role == MembershipRole.ADMIN


def test_the_last_admin_cannot_leave(org_admin):
    with pytest.raises(workflow.MembershipError, match="last admin"):
        workflow.leave(org_admin, org_admin.memberships.get())
    assert org_admin.memberships.filter(state=MembershipState.ACTIVE).exists()


def test_with_a_second_admin_the_first_may_step_down(organisation, org_admin):
    member_of(organisation, MembershipRole.ADMIN)
    workflow.change_role(org_admin, org_admin.memberships.get(), MembershipRole.MEMBER)
    assert permissions.role_in(org_admin, organisation) == MembershipRole.MEMBER


def test_removing_a_member_mails_them_and_takes_away_the_role(
    organisation, editor, org_admin, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        workflow.remove(org_admin, editor.memberships.get())
    assert not editor.memberships.exists()
    assert permissions.role_in(editor, organisation) is None
    assert mailoutbox[0].to == [editor.email]


def test_a_pending_request_is_not_removed_but_decided(pending_request, org_admin):
    with pytest.raises(workflow.MembershipError, match="still waiting"):
        workflow.remove(org_admin, pending_request)


# Leaving


def test_a_member_leaves_and_loses_the_role(organisation, editor):
    assert permissions.role_in(editor, organisation) == MembershipRole.EDITOR
    workflow.leave(editor, editor.memberships.get())
    assert permissions.role_in(editor, organisation) is None


def test_nobody_leaves_on_behalf_of_someone_else(member, org_admin):
    with pytest.raises(PermissionDenied):
        workflow.leave(org_admin, member.memberships.get())
