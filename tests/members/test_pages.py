"""The membership pages for every persona: who sees what, who may change what."""

from urllib.parse import unquote

import pytest
from django.conf import settings
from django.shortcuts import resolve_url

from municipalities.models import EmailDomain, Membership, MembershipRole, MembershipState
from tests.members.conftest import PERSONAS

LOGIN = "login"
FORBIDDEN = 403

PEOPLE = "/en/organisations/kuhmo/people/"
MANAGE = "/en/organisations/kuhmo/members/"
EDIT = "/en/organisations/kuhmo/edit/"
DETAIL = "/en/organisations/kuhmo/"


def outcome(response):
    if response.status_code == 302 and response.url.startswith(resolve_url(settings.LOGIN_URL)):
        return LOGIN
    return response.status_code


PAGE_ACCESS = {
    # page: the outcome for visitor, unverified, member, editor, org_admin, outsider_admin, coordinator
    PEOPLE: [LOGIN, FORBIDDEN, 200, 200, 200, FORBIDDEN, 200],
    MANAGE: [LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, 200, FORBIDDEN, 200],
    EDIT: [LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, 200],
}


@pytest.mark.parametrize(
    ("url", "name", "expected"),
    [
        (url, name, expected)
        for url, row in PAGE_ACCESS.items()
        for name, expected in zip(PERSONAS, row, strict=True)
    ],
)
def test_who_may_open_the_people_pages(url, name, expected, persona, client_for, organisation):
    response = client_for(persona(name)).get(url)
    assert outcome(response) == expected


def test_visitors_come_back_to_the_page_after_logging_in(client, organisation):
    response = client.get(PEOPLE)
    assert unquote(response.url).endswith("?next=" + PEOPLE)


def test_an_unknown_organisation_is_404_for_everyone(client_for, coordinator):
    assert client_for(coordinator).get("/en/organisations/ei-ole/people/").status_code == 404


def test_people_page_lists_names_and_roles_without_addresses(client_for, member, editor, org_admin):
    html = client_for(member).get(PEOPLE).content.decode()
    for person, role in [(member, "Member"), (editor, "Editor"), (org_admin, "Admin")]:
        assert f"<tr><td>{person.display_name}</td><td>{role}</td></tr>" in html
        assert person.email not in html


def test_people_page_leaves_out_pending_and_declined(client_for, member, pending_request, organisation):
    html = client_for(member).get(PEOPLE).content.decode()
    assert "Pekka Pyytäjä" not in html


# The organisation page


def test_visitor_sees_no_people_and_no_addresses(client, member, org_admin, pending_request):
    html = client.get(DETAIL).content.decode()
    for person in (member, org_admin, pending_request.user):
        assert person.email not in html
        assert person.display_name not in html
    assert 'action="/en/organisations/kuhmo/join/"' not in html


def test_outsider_sees_no_addresses_on_any_organisation_page(
    client_for, outsider_admin, member, pending_request
):
    client = client_for(outsider_admin)
    for url in (DETAIL, PEOPLE, MANAGE, EDIT):
        html = client.get(url).content.decode()
        assert member.email not in html
        assert pending_request.user.email not in html


def test_verified_outsider_is_offered_to_join(client_for, outsider_admin, organisation):
    html = client_for(outsider_admin).get(DETAIL).content.decode()
    assert 'action="/en/organisations/kuhmo/join/"' in html
    assert 'href="/en/organisations/kuhmo/people/"' not in html


def test_unverified_user_is_told_to_confirm_the_address(client_for, unverified, organisation):
    html = client_for(unverified).get(DETAIL).content.decode()
    assert "confirm your e-mail address first" in html
    assert 'action="/en/organisations/kuhmo/join/"' not in html


@pytest.mark.parametrize(
    ("name", "links"),
    [
        ("member", {"people"}),
        ("editor", {"people"}),
        ("org_admin", {"people", "members"}),
        ("coordinator", {"people", "members", "edit"}),
        ("outsider_admin", set()),
    ],
)
def test_organisation_page_links_to_what_the_persona_may_open(name, links, persona, client_for, organisation):
    html = client_for(persona(name)).get(DETAIL).content.decode()
    shown = {link for link in ("people", "members", "edit") if f'href="{DETAIL}{link}/"' in html}
    assert shown == links


def test_member_sees_their_role_and_may_leave(client_for, editor):
    html = client_for(editor).get(DETAIL).content.decode()
    assert "Your membership: Editor" in html
    assert 'action="/en/organisations/kuhmo/leave/"' in html


def test_pending_requester_sees_the_wait(client_for, pending_request):
    html = client_for(pending_request.user).get(DETAIL).content.decode()
    assert "is waiting for the admins to decide" in html
    assert "Withdraw my request" in html


# Asking to join and leaving


def test_join_on_the_domain_makes_a_member(client_for, requester, organisation):
    EmailDomain.objects.create(organisation=organisation, domain="gmail.example")
    response = client_for(requester).post("/en/organisations/kuhmo/join/", {"message": ""}, follow=True)
    assert requester.memberships.get().state == MembershipState.ACTIVE
    assert "so you are now a member" in response.content.decode()


def test_join_elsewhere_waits_and_says_so(client_for, requester, organisation):
    response = client_for(requester).post(
        "/en/organisations/kuhmo/join/", {"message": "Olen Kuhmon IT-tuesta."}, follow=True
    )
    membership = requester.memberships.get()
    assert (membership.state, membership.request_message) == (
        MembershipState.PENDING,
        "Olen Kuhmon IT-tuesta.",
    )
    assert "Your request was sent" in response.content.decode()


def test_join_keeps_the_typed_message_when_it_is_too_long(client_for, requester, organisation):
    message = "Pitkä viesti. " * 200
    response = client_for(requester).post("/en/organisations/kuhmo/join/", {"message": message})
    assert response.status_code == 400
    assert "Pitkä viesti. Pitkä viesti." in response.content.decode()
    assert not requester.memberships.exists()


@pytest.mark.parametrize(
    ("name", "expected", "state"),
    [
        ("visitor", LOGIN, None),
        ("unverified", FORBIDDEN, None),
        ("member", 302, MembershipState.ACTIVE),  # already a member: told so, nothing changes
        ("outsider_admin", 302, MembershipState.PENDING),
        ("coordinator", 302, MembershipState.PENDING),
    ],
)
def test_who_may_ask_to_join(name, expected, state, persona, client_for, organisation):
    user = persona(name)
    response = client_for(user).post("/en/organisations/kuhmo/join/", {"message": ""})
    assert outcome(response) == expected
    if user is not None:
        found = Membership.objects.filter(user=user, organisation=organisation).first()
        assert (found.state if found else None) == state


def test_join_and_leave_refuse_get(client_for, member):
    assert client_for(member).get("/en/organisations/kuhmo/join/").status_code == 405
    assert client_for(member).get("/en/organisations/kuhmo/leave/").status_code == 405


def test_member_leaves(client_for, editor, organisation):
    response = client_for(editor).post("/en/organisations/kuhmo/leave/", follow=True)
    assert not editor.memberships.exists()
    assert "You left Kuhmo." in response.content.decode()


def test_the_last_admin_is_told_why_they_cannot_leave(client_for, org_admin):
    response = client_for(org_admin).post("/en/organisations/kuhmo/leave/", follow=True)
    assert org_admin.memberships.get().role == MembershipRole.ADMIN
    assert "is the last admin of Kuhmo" in response.content.decode()


def test_leave_by_a_visitor_goes_to_login(client, organisation):
    assert outcome(client.post("/en/organisations/kuhmo/leave/")) == LOGIN


# Managing members


def decide_url(membership):
    return f"/en/organisations/kuhmo/members/{membership.pk}/decide/"


DECIDERS = [LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, 302, FORBIDDEN, 302]


@pytest.mark.parametrize(("name", "expected"), list(zip(PERSONAS, DECIDERS, strict=True)))
def test_who_may_accept_a_request(name, expected, persona, client_for, pending_request, org_admin):
    user = org_admin if name == "org_admin" else persona(name)
    response = client_for(user).post(
        decide_url(pending_request), {f"m{pending_request.pk}-decision": "accept"}
    )
    assert outcome(response) == expected
    pending_request.refresh_from_db()
    accepted = pending_request.state == MembershipState.ACTIVE
    assert accepted == (expected == 302)


def test_manage_page_shows_requests_with_address_and_message(client_for, org_admin, pending_request):
    html = client_for(org_admin).get(MANAGE).content.decode()
    assert "pekka.pyytaja@gmail.example" in html
    assert "Työskentelen Kuhmon digitiimissä." in html
    assert "1 request waiting" in html


def test_decline_with_a_message_mails_the_requester(
    client_for, org_admin, pending_request, django_capture_on_commit_callbacks, mailoutbox
):
    prefix = f"m{pending_request.pk}"
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(org_admin).post(
            decide_url(pending_request),
            {f"{prefix}-decision": "decline", f"{prefix}-message": "Tunnus kuuluu toiselle yksikölle."},
            follow=True,
        )
    assert "You declined the request of Pekka Pyytäjä." in response.content.decode()
    pending_request.refresh_from_db()
    assert pending_request.decision_message == "Tunnus kuuluu toiselle yksikölle."
    assert "Tunnus kuuluu toiselle yksikölle." in mailoutbox[0].body


def test_deciding_an_already_decided_request_names_who_decided(
    client_for, org_admin, coordinator, pending_request
):
    prefix = f"m{pending_request.pk}"
    client_for(coordinator).post(decide_url(pending_request), {f"{prefix}-decision": "decline"})
    response = client_for(org_admin).post(
        decide_url(pending_request), {f"{prefix}-decision": "accept", f"{prefix}-message": "Tervetuloa"}
    )
    assert response.status_code == 409
    assert "already declined by Kaisa Koordinaattori" in response.content.decode()


def test_an_invented_decision_changes_nothing(client_for, org_admin, pending_request):
    prefix = f"m{pending_request.pk}"
    response = client_for(org_admin).post(decide_url(pending_request), {f"{prefix}-decision": "active"})
    assert response.status_code == 400
    pending_request.refresh_from_db()
    assert pending_request.state == MembershipState.PENDING


def test_memberships_of_another_organisation_are_not_reached_through_this_one(
    client_for, org_admin, other_organisation, requester
):
    from tests import factories

    elsewhere = factories.MembershipFactory(
        user=requester, organisation=other_organisation, state=MembershipState.PENDING
    )
    client_for(org_admin).post(decide_url(elsewhere), {f"m{elsewhere.pk}-decision": "accept"})
    elsewhere.refresh_from_db()
    assert elsewhere.state == MembershipState.PENDING


def role_post(membership, role, current=None):
    prefix = f"m{membership.pk}"
    return f"/en/organisations/kuhmo/members/{membership.pk}/role/", {
        f"{prefix}-role": role,
        f"{prefix}-current_role": current or membership.role,
    }


@pytest.mark.parametrize(("name", "expected"), list(zip(PERSONAS, DECIDERS, strict=True)))
def test_who_may_change_a_role(name, expected, persona, client_for, member, org_admin):
    membership = member.memberships.get()
    url, data = role_post(membership, MembershipRole.EDITOR)
    response = client_for(persona(name)).post(url, data)
    assert outcome(response) == expected
    membership.refresh_from_db()
    assert (membership.role == MembershipRole.EDITOR) == (expected == 302)


def test_the_last_admin_cannot_demote_themselves_on_the_page(client_for, org_admin):
    membership = org_admin.memberships.get()
    html = client_for(org_admin).get(MANAGE).content.decode()
    assert "the last admin" in html
    url, data = role_post(membership, MembershipRole.MEMBER)
    response = client_for(org_admin).post(url, data)
    assert response.status_code == 409
    assert "is the last admin of Kuhmo" in response.content.decode()


@pytest.mark.parametrize(("name", "expected"), list(zip(PERSONAS, DECIDERS, strict=True)))
def test_who_may_remove_a_member(name, expected, persona, client_for, editor, org_admin):
    membership = editor.memberships.get()
    response = client_for(persona(name)).post(f"/en/organisations/kuhmo/members/{membership.pk}/remove/")
    assert outcome(response) == expected
    assert Membership.objects.filter(pk=membership.pk).exists() == (expected != 302)


def test_an_admin_who_removes_themselves_lands_on_the_organisation_page(client_for, organisation, org_admin):
    from tests.conftest import member_of

    member_of(organisation, MembershipRole.ADMIN)
    membership = org_admin.memberships.get()
    response = client_for(org_admin).post(f"/en/organisations/kuhmo/members/{membership.pk}/remove/")
    assert response.url == DETAIL


# Editing the organisation


def edit_data(organisation, **changes):
    data = {
        "name_fi": organisation.name_fi,
        "name_sv": organisation.name_sv,
        "name_en": "Kuhmo town",
        "kind": organisation.kind,
        "region": organisation.region_id,
        "population": 8100,
        "language_status": organisation.language_status,
        "website": "https://www.kuhmo.example",
        "description": "Kainuun kaupunki.",
        "domains-TOTAL_FORMS": "2",
        "domains-INITIAL_FORMS": "0",
        "domains-MIN_NUM_FORMS": "0",
        "domains-MAX_NUM_FORMS": "1000",
        "domains-0-domain": "@Kuhmo.example",
        "domains-1-domain": "",
    }
    data.update(changes)
    return data


def test_coordinator_edits_facts_and_domains(client_for, coordinator, organisation):
    response = client_for(coordinator).post(EDIT, edit_data(organisation))
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.name_en, organisation.population) == ("Kuhmo town", 8100)
    assert list(organisation.email_domains.values_list("domain", flat=True)) == ["kuhmo.example"]


def test_a_domain_of_another_organisation_is_refused_clearly(
    client_for, coordinator, organisation, other_organisation
):
    EmailDomain.objects.create(organisation=other_organisation, domain="kuhmo.example")
    response = client_for(coordinator).post(EDIT, edit_data(organisation, name_en="Uusi nimi"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "The domain kuhmo.example already belongs to Salla." in html
    assert 'value="Uusi nimi"' in html
    organisation.refresh_from_db()
    assert organisation.name_en != "Uusi nimi"


def test_the_same_domain_twice_is_refused(client_for, coordinator, organisation):
    response = client_for(coordinator).post(
        EDIT, edit_data(organisation, **{"domains-1-domain": "kuhmo.example"})
    )
    assert response.status_code == 400
    assert "listed twice" in response.content.decode()


def test_a_malformed_domain_is_refused(client_for, coordinator, organisation):
    response = client_for(coordinator).post(EDIT, edit_data(organisation, **{"domains-0-domain": "kuhmo@fi"}))
    assert response.status_code == 400
    assert "Enter a domain such as hel.fi" in response.content.decode()


def test_a_domain_is_removed(client_for, coordinator, organisation, kuhmo_domain):
    data = edit_data(
        organisation,
        **{
            "domains-INITIAL_FORMS": "1",
            "domains-0-id": str(kuhmo_domain.pk),
            "domains-0-organisation": str(organisation.pk),
            "domains-0-domain": "kuhmo.example",
            "domains-0-DELETE": "on",
        },
    )
    assert client_for(coordinator).post(EDIT, data).status_code == 302
    assert not organisation.email_domains.exists()


@pytest.mark.parametrize("name", ["visitor", "member", "org_admin", "outsider_admin"])
def test_only_coordinators_may_save_the_organisation(name, persona, client_for, organisation):
    response = client_for(persona(name)).post(EDIT, edit_data(organisation))
    assert outcome(response) in (LOGIN, FORBIDDEN)
    organisation.refresh_from_db()
    assert organisation.name_en != "Kuhmo town"
