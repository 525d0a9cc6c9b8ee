"""Downloading one's own data, and deleting the account."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from municipalities.accounts.export import SECTIONS, export_section
from municipalities.models import Membership, User
from tests.accounts.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_export_is_a_json_download_of_profile_and_memberships(client_for, member):
    response = client_for(member).get(reverse("accounts:export"))
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["profile"]["email"] == member.email
    assert data["profile"]["display_name"] == "Maija Jäsen"
    assert [(m["organisation_slug"], m["role"], m["state"]) for m in data["memberships"]] == [
        ("kuhmo", "member", "active")
    ]


def test_the_export_holds_no_one_elses_data(client_for, member, editor):
    data = json.loads(client_for(member).get(reverse("accounts:export")).content)
    assert editor.email not in json.dumps(data)


def test_other_apps_add_sections_to_the_export(client_for, member):
    @export_section("greetings")
    def greetings(user):
        return [f"hello {user.display_name}"]

    try:
        data = json.loads(client_for(member).get(reverse("accounts:export")).content)
    finally:
        del SECTIONS["greetings"]
    assert data["greetings"] == ["hello Maija Jäsen"]


def test_deleting_needs_the_password(client_for, member):
    response = client_for(member).post(reverse("accounts:delete"), {"password": "wrong"})
    assert "password" in response.context["form"].errors
    member.refresh_from_db()
    assert member.deleted_at is None


def test_deleting_erases_personal_data_and_ends_memberships(client_for, member):
    email = member.email
    response = client_for(member).post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.url == reverse("accounts:deleted")
    member.refresh_from_db()
    assert member.email == f"deleted-{member.pk}@invalid.invalid"
    assert member.display_name == ""
    assert not member.has_usable_password()
    assert not member.is_active
    assert member.deleted_at is not None
    with translation.override("en"):
        assert member.public_name == "former user"
    assert not Membership.objects.filter(user=member).exists()
    assert not User.objects.filter(email=email).exists()


def test_a_deleted_admin_no_longer_lets_the_last_real_admin_leave(client_for, org_admin, organisation):
    from municipalities.models import MembershipRole
    from municipalities.services import membership
    from tests.conftest import member_of

    leaving = member_of(organisation, MembershipRole.ADMIN)
    client_for(leaving).post(reverse("accounts:delete"), {"password": PASSWORD})
    with pytest.raises(membership.MembershipError):
        membership.leave(org_admin, org_admin.memberships.get(organisation=organisation))


def test_deleting_ends_every_session_of_the_account(member):
    laptop, phone = Client(), Client()
    for client in (laptop, phone):
        client.post("/fi/account/login/", {"username": member.email, "password": PASSWORD})
    laptop.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert phone.get(reverse("accounts:profile")).status_code == 302
    assert laptop.get(reverse("accounts:profile")).status_code == 302


def test_the_address_of_a_deleted_account_can_sign_up_again(client_for, client, member):
    email = member.email
    client_for(member).post(reverse("accounts:delete"), {"password": PASSWORD})
    client.post(
        "/fi/account/signup/",
        {
            "email": email,
            "display_name": "Maija palaa",
            "password1": "kirjasto-varaus-2026",
            "password2": "kirjasto-varaus-2026",
            "preferred_language": "fi",
        },
    )
    assert User.objects.get(email=email).pk != member.pk
