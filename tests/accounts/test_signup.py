import re

import pytest
from django.urls import reverse
from django.utils import translation

from municipalities.models import User
from tests import factories

pytestmark = pytest.mark.django_db

GOOD = {
    "email": "Maija.Meikalainen@Kuhmo.FI",
    "display_name": "Maija Meikäläinen",
    "password1": "kirjasto-varaus-2026",
    "password2": "kirjasto-varaus-2026",
    "preferred_language": "fi",
}


def signup_url(language="fi"):
    with translation.override(language):
        return reverse("accounts:signup")


def test_form_offers_the_current_ui_language(client):
    response = client.get(signup_url("sv"))
    assert re.search(r'<option value="sv" selected>', response.content.decode())


def test_signup_creates_an_unverified_logged_in_account_with_a_lower_case_address(
    client, send_mail_now, mailoutbox
):
    response = send_mail_now(lambda: client.post(signup_url(), GOOD))
    user = User.objects.get()
    assert (user.email, user.email_confirmed_at) == ("maija.meikalainen@kuhmo.fi", None)
    assert response.url == "/fi/account/"
    assert client.get("/fi/account/").context["user"] == user
    assert mailoutbox[0].to == ["maija.meikalainen@kuhmo.fi"]


def test_the_confirmation_mail_is_written_in_the_chosen_language(client, send_mail_now, mailoutbox):
    send_mail_now(lambda: client.post(signup_url("fi"), {**GOOD, "preferred_language": "sv"}))
    assert "/sv/account/confirm/" in mailoutbox[0].body


def test_signup_goes_on_to_next_in_the_chosen_language(client):
    response = client.post(
        signup_url("fi") + "?next=/fi/solutions/%3Fq%3Dkirjasto",
        {**GOOD, "preferred_language": "en"},
    )
    assert response.url == "/en/solutions/?q=kirjasto"
    assert response.cookies["django_language"].value == "en"


def test_signup_refuses_a_next_on_another_site(client):
    response = client.post(signup_url() + "?next=https://evil.example/", GOOD)
    assert response.url == "/fi/account/"


def test_invalid_signup_keeps_what_was_typed_and_says_what_is_wrong(client):
    response = client.post(signup_url(), {**GOOD, "password2": "something-else-entirely"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Maija.Meikalainen@Kuhmo.FI"' in html
    assert 'value="Maija Meikäläinen"' in html
    assert 'id="id_password2_error"' in html
    assert not User.objects.exists()


def test_passwords_go_through_djangos_validators(client):
    response = client.post(signup_url(), {**GOOD, "password1": "12345678", "password2": "12345678"})
    assert response.context["form"].errors["password2"]


def test_display_name_is_required(client):
    response = client.post(signup_url(), {**GOOD, "display_name": ""})
    assert "display_name" in response.context["form"].errors


def test_an_address_in_use_is_refused_whatever_its_case(client):
    factories.UserFactory(email="maija.meikalainen@kuhmo.fi")
    response = client.post(signup_url("en"), GOOD)
    assert "already exists" in str(response.context["form"].errors["email"])
    assert User.objects.count() == 1


def test_a_logged_in_person_is_sent_to_their_account(client_for, member):
    response = client_for(member).get(signup_url())
    assert response.url == "/fi/account/"
