"""The account pages for each persona: visitors are sent to log in, everyone else sees their own."""

import pytest
from django.urls import reverse

from municipalities.models import MembershipRole, MembershipState
from tests import factories
from tests.accounts.conftest import finnish

pytestmark = pytest.mark.django_db

LOGIN_REQUIRED = ["profile", "settings", "password_change", "export", "delete"]


@pytest.mark.parametrize("name", LOGIN_REQUIRED)
def test_visitors_are_sent_to_log_in(client, name):
    url = reverse(f"accounts:{name}")
    response = client.get(url)
    assert response.url == f"{reverse('accounts:login')}?next={url}"


@pytest.mark.parametrize("persona", ["unverified", "member", "org_admin", "coordinator"])
@pytest.mark.parametrize("name", LOGIN_REQUIRED)
def test_every_logged_in_persona_reaches_their_account_pages(client_for, request, persona, name):
    user = request.getfixturevalue(persona)
    assert client_for(user).get(reverse(f"accounts:{name}")).status_code == 200


def test_the_profile_lists_active_and_pending_memberships_with_links(client_for, member, other_organisation):
    factories.MembershipFactory(
        user=member,
        organisation=other_organisation,
        role=MembershipRole.EDITOR,
        state=MembershipState.PENDING,
    )
    declined = factories.OrganisationFactory(name_fi="Hylkäävä kunta")
    factories.MembershipFactory(user=member, organisation=declined, state=MembershipState.DECLINED)
    html = client_for(member).get(reverse("accounts:profile")).content.decode()
    assert '<a href="/fi/organisations/kuhmo/">Kuhmo</a>' in html
    assert '<a href="/fi/organisations/salla/">Salla</a>' in html
    assert finnish("Waiting for approval") in html
    assert "Hylkäävä kunta" not in html


def test_the_profile_shows_only_ones_own_memberships(client_for, member, outsider_admin):
    html = client_for(member).get(reverse("accounts:profile")).content.decode()
    assert "Salla" not in html


def test_the_profile_links_to_settings_password_data_and_deletion(client_for, member):
    html = client_for(member).get(reverse("accounts:profile")).content.decode()
    for name in ["settings", "password_change", "export", "delete"]:
        assert f'href="{reverse(f"accounts:{name}")}"' in html


def test_saving_settings_switches_the_pages_to_the_new_language(client_for, member):
    client = client_for(member)
    response = client.post("/fi/account/settings/", {"display_name": "Maija M.", "preferred_language": "sv"})
    assert response.url == "/sv/account/settings/"
    assert response.cookies["django_language"].value == "sv"
    member.refresh_from_db()
    assert (member.display_name, member.preferred_language) == ("Maija M.", "sv")


def test_invalid_settings_keep_the_typed_values(client_for, member):
    response = client_for(member).post(
        "/fi/account/settings/", {"display_name": "", "preferred_language": "xx"}
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"display_name", "preferred_language"}
    member.refresh_from_db()
    assert member.display_name == "Maija Jäsen"


def test_the_header_offers_login_and_signup_back_to_the_page(client):
    html = client.get("/fi/solutions/?q=kirjasto").content.decode()
    assert 'href="/fi/account/login/?next=/fi/solutions/%3Fq%3Dkirjasto"' in html
    assert 'href="/fi/account/signup/?next=/fi/solutions/%3Fq%3Dkirjasto"' in html


def test_the_header_names_the_logged_in_person_and_logs_out_with_a_form(client_for, member):
    html = client_for(member).get("/fi/").content.decode()
    assert '<a href="/fi/account/">Maija Jäsen</a>' in html
    assert '<form method="post" action="/fi/account/logout/">' in html
    assert "/fi/account/login/" not in html
