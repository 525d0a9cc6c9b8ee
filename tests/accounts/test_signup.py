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


def test_signup_creates_an_unverified_account_and_asks_to_read_the_mail(client, send_mail_now, mailoutbox):
    response = send_mail_now(lambda: client.post(signup_url(), GOOD))
    user = User.objects.get()
    assert (user.email, user.email_confirmed_at) == ("maija.meikalainen@kuhmo.fi", None)
    assert response.url == "/fi/account/signup/sent/?next=%2Ffi%2Faccount%2F"
    # Not logged in: a known address could not be, so a new one is not either.
    assert client.get("/fi/account/").status_code == 302
    assert mailoutbox[0].to == ["maija.meikalainen@kuhmo.fi"]


def test_the_confirmation_mail_is_written_in_the_chosen_language(client, send_mail_now, mailoutbox):
    send_mail_now(lambda: client.post(signup_url("fi"), {**GOOD, "preferred_language": "sv"}))
    assert "/sv/account/confirm/" in mailoutbox[0].body


def test_signup_keeps_next_for_the_login_in_the_chosen_language(client):
    response = client.post(
        signup_url("fi") + "?next=/fi/solutions/%3Fq%3Dkirjasto",
        {**GOOD, "preferred_language": "en"},
    )
    assert response.url == "/en/account/signup/sent/?next=%2Ffi%2Fsolutions%2F%3Fq%3Dkirjasto"
    assert response.cookies["django_language"].value == "en"
    page = client.get(response.url).content.decode()
    assert "<h1>Check your e-mail</h1>" in page
    assert 'href="/en/account/login/?next=/fi/solutions/%3Fq%3Dkirjasto"' in page


def test_signup_refuses_a_next_on_another_site(client):
    response = client.post(signup_url() + "?next=https://evil.example/", GOOD)
    assert response.url == "/fi/account/signup/sent/?next=%2Ffi%2Faccount%2F"
    page = client.get("/fi/account/signup/sent/?next=https://evil.example/").content.decode()
    assert 'href="/fi/account/login/?next=/fi/account/"' in page


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


def test_an_address_in_use_gets_the_same_answer_and_its_owner_a_mail(client, send_mail_now, mailoutbox):
    owner = factories.UserFactory(email="maija.meikalainen@kuhmo.fi", preferred_language="sv")
    known = send_mail_now(lambda: client.post(signup_url("en"), GOOD))
    new = send_mail_now(lambda: client.post(signup_url("en"), {**GOOD, "email": "uusi@kuhmo.fi"}))
    assert known.status_code == new.status_code == 302
    assert known.url == new.url
    assert known.cookies["django_language"].value == new.cookies["django_language"].value
    assert client.get(known.url).content == client.get(new.url).content
    assert User.objects.filter(email__iexact=GOOD["email"]).get() == owner
    owner.refresh_from_db()
    assert owner.check_password("salasana-testi-123")
    to_owner, to_new = mailoutbox
    assert to_owner.to == ["maija.meikalainen@kuhmo.fi"]
    # In the owner's language, not in the one the stranger chose.
    assert to_owner.subject == "Du har redan ett Kuntajako-konto"
    assert "/sv/account/password/reset/" in to_owner.body
    assert "/account/confirm/" in to_new.body


def test_sign_up_mail_to_one_address_is_throttled(client, send_mail_now, mailoutbox):
    factories.UserFactory(email="maija.meikalainen@kuhmo.fi")
    for _ in range(6):
        response = send_mail_now(lambda: client.post(signup_url(), GOOD))
        assert response.status_code == 302
    assert len(mailoutbox) == 3


def test_a_logged_in_person_is_sent_to_their_account(client_for, member):
    response = client_for(member).get(signup_url())
    assert response.url == "/fi/account/"
