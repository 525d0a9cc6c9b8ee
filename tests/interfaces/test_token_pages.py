"""The API tokens page of an organisation, for every persona."""

import pytest
from django.test import Client

from solutions.interfaces.models import ApiToken
from tests.checks import validate_html

pytestmark = pytest.mark.django_db

URL = "/fi/organisations/kuhmo/members/api-tokens/"


def test_visitor_is_sent_to_log_in(organisation):
    response = Client().get(URL)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert Client().post(URL, {"name": "x", "scopes": ["read"]}).status_code == 302
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("persona", ["member", "editor", "outsider_admin"])
def test_others_are_refused(request, client_for, persona, organisation):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"name": "x", "scopes": ["read"]}).status_code == 403
    assert not ApiToken.objects.exists()


def test_admin_creates_a_token_and_sees_it_once(client_for, org_admin, organisation):
    client = client_for(org_admin)
    page = client.get(URL)
    assert page.status_code == 200
    assert "Luo tunniste" in page.content.decode()
    created = client.post(URL, {"name": "Julkaisu repositoriosta", "scopes": ["read", "write:drafts"]})
    assert created.status_code == 200
    token = ApiToken.objects.get()
    html = created.content.decode()
    secret = created.context["secret"]
    assert secret in html
    assert "no-store" in created["Cache-Control"]
    assert token.scopes == ["read", "write:drafts"]
    again = client.get(URL).content.decode()
    assert "Julkaisu repositoriosta" in again
    assert secret not in again


def test_admin_revokes_a_token(client_for, org_admin, admin_token):
    token, _secret = admin_token
    response = client_for(org_admin).post(f"{URL}{token.pk}/revoke/", follow=True)
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert "ei enää toimi" in response.content.decode()


def test_outsider_admin_cannot_revoke(client_for, outsider_admin, admin_token):
    token, _secret = admin_token
    assert client_for(outsider_admin).post(f"{URL}{token.pk}/revoke/").status_code == 403
    token.refresh_from_db()
    assert token.revoked_at is None


def test_coordinator_sees_and_revokes_but_does_not_create(client_for, coordinator, admin_token):
    token, _secret = admin_token
    client = client_for(coordinator)
    page = client.get(URL)
    assert page.status_code == 200
    assert "Luo tunniste" not in page.content.decode()
    assert client.post(URL, {"name": "x", "scopes": ["read"]}).status_code == 403
    assert client.post(f"{URL}{token.pk}/revoke/").status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_invalid_form_is_shown_again(client_for, org_admin, organisation):
    response = client_for(org_admin).post(URL, {"name": "", "scopes": []})
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_manage_members_links_to_tokens(client_for, org_admin, organisation):
    assert URL in client_for(org_admin).get("/fi/organisations/kuhmo/members/").content.decode()


def test_pages_are_valid_html(client_for, org_admin, organisation, admin_token):
    client = client_for(org_admin)
    created = client.post(URL, {"name": "Toinen", "scopes": ["read"]}).content.decode()
    listing = client.get(URL).content.decode()
    for language in ("sv", "en"):
        assert client.get(URL.replace("/fi/", f"/{language}/")).status_code == 200
    docs = Client().get("/fi/api-docs/").content.decode()
    assert validate_html({"tokens": listing, "created": created, "docs": docs}) == []
