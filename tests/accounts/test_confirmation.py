import re
import time
from unittest import mock

import pytest
from django.urls import reverse

from municipalities.accounts.tokens import make_confirmation_token
from municipalities.models import User
from tests import factories
from tests.accounts.conftest import english_url

pytestmark = pytest.mark.django_db

FOUR_DAYS = 4 * 24 * 3600


def confirm_url(token):
    return reverse("accounts:confirm_email", args=[token])


def english_confirm_url(token):
    return english_url("accounts:confirm_email", token)


def old_token(user, seconds_ago):
    real_now = time.time()
    with mock.patch("django.core.signing.time.time", return_value=real_now - seconds_ago):
        return make_confirmation_token(user)


def test_the_link_in_the_signup_mail_confirms_the_address(client, send_mail_now, mailoutbox):
    send_mail_now(
        lambda: client.post(
            "/en/account/signup/",
            {
                "email": "uusi@salla.fi",
                "display_name": "Uusi Käyttäjä",
                "password1": "kirjasto-varaus-2026",
                "password2": "kirjasto-varaus-2026",
                "preferred_language": "en",
            },
        )
    )
    path = re.search(r"https?://[^/]+(/en/account/confirm/\S+/)", mailoutbox[0].body).group(1)
    page = client.get(path)
    assert "Confirm my address" in page.content.decode()
    response = client.post(path)
    assert response.url == "/en/account/confirm/done/"
    assert User.objects.get().email_confirmed_at is not None


def test_opening_the_link_alone_confirms_nothing(client, unverified):
    """Mail scanners open links; only the button (a POST) confirms."""
    client.get(confirm_url(make_confirmation_token(unverified)))
    unverified.refresh_from_db()
    assert unverified.email_confirmed_at is None


def test_the_link_works_without_being_logged_in(client, unverified):
    response = client.post(confirm_url(make_confirmation_token(unverified)))
    unverified.refresh_from_db()
    assert unverified.email_confirmed_at is not None
    assert response.url == reverse("accounts:confirm_email_done")


def test_a_link_of_two_days_still_works(client, unverified):
    client.post(confirm_url(old_token(unverified, 2 * 24 * 3600)))
    unverified.refresh_from_db()
    assert unverified.email_confirmed_at is not None


def test_an_expired_link_says_so_and_offers_a_new_one(client, unverified):
    response = client.post(english_confirm_url(old_token(unverified, FOUR_DAYS)))
    unverified.refresh_from_db()
    assert unverified.email_confirmed_at is None
    assert response.status_code == 400
    assert "The link is too old" in response.content.decode()
    assert "Send a new link" in response.content.decode()


def test_the_new_link_button_on_an_expired_link_mails_its_owner(
    client, unverified, send_mail_now, mailoutbox
):
    token = old_token(unverified, FOUR_DAYS)
    response = send_mail_now(lambda: client.post(reverse("accounts:resend_confirmation"), {"token": token}))
    assert response.status_code == 200
    assert mailoutbox[0].to == [unverified.email]


def test_a_tampered_link_is_refused(client, unverified):
    token = make_confirmation_token(unverified)
    response = client.post(english_confirm_url(token[:-2] + ("AA" if not token.endswith("AA") else "BB")))
    unverified.refresh_from_db()
    assert unverified.email_confirmed_at is None
    assert "The link is not valid" in response.content.decode()


def test_a_link_for_someone_else_forged_into_shape_is_refused(client, unverified):
    other = factories.UserFactory(email_confirmed_at=None)
    token = make_confirmation_token(unverified)
    payload, rest = token.split(":", 1)
    forged = make_confirmation_token(other).split(":", 1)[0] + ":" + rest
    assert payload != forged.split(":", 1)[0]
    client.post(confirm_url(forged))
    other.refresh_from_db()
    assert other.email_confirmed_at is None


def test_a_used_link_does_nothing_the_second_time(client, unverified):
    url = english_confirm_url(make_confirmation_token(unverified))
    client.post(url)
    unverified.refresh_from_db()
    first = unverified.email_confirmed_at
    response = client.post(url)
    unverified.refresh_from_db()
    assert unverified.email_confirmed_at == first
    assert "This link has already been used" in response.content.decode()


def test_a_link_sent_to_an_earlier_address_does_not_confirm_the_new_one(client, unverified):
    token = make_confirmation_token(unverified)
    User.objects.filter(pk=unverified.pk).update(email="changed@kuhmo.fi")
    client.post(confirm_url(token))
    unverified.refresh_from_db()
    assert unverified.email_confirmed_at is None


def test_an_unverified_person_can_ask_for_a_new_link_once_a_minute(
    client_for, unverified, send_mail_now, mailoutbox
):
    client = client_for(unverified)
    url = reverse("accounts:resend_confirmation")
    first = send_mail_now(lambda: client.post(url))
    second = send_mail_now(lambda: client.post(url))
    assert (first.status_code, second.status_code) == (200, 429)
    assert len(mailoutbox) == 1
    assert "/fi/account/confirm/" in mailoutbox[0].body


def test_resending_is_a_post_only_action(client_for, unverified, mailoutbox):
    response = client_for(unverified).get(reverse("accounts:resend_confirmation"))
    assert response.status_code == 405
    assert not mailoutbox


def test_a_visitor_without_a_link_is_asked_to_log_in_for_a_new_one(client):
    response = client.post(reverse("accounts:resend_confirmation"))
    assert response.url.startswith(reverse("accounts:login"))


def test_a_verified_member_gets_no_new_link(client_for, member, mailoutbox):
    response = client_for(member).post(reverse("accounts:resend_confirmation"))
    assert response.url == reverse("accounts:profile")
    assert not mailoutbox


def test_the_profile_of_an_unverified_person_offers_a_new_link(client_for, unverified):
    html = client_for(unverified).get(english_url("accounts:profile")).content.decode()
    assert "is not confirmed yet" in html
    assert english_url("accounts:resend_confirmation") in html


def test_a_verified_member_is_not_nagged(client_for, member):
    # English, like the test above: on a Finnish page the English phrase could never appear.
    html = client_for(member).get(english_url("accounts:profile")).content.decode()
    assert "is not confirmed yet" not in html


def test_confirming_an_address_on_an_organisations_domain_makes_a_member_at_once(
    client, send_mail_now, mailoutbox
):
    """As the README promises: sign up with an address on the organisation's domain, confirm it, and
    the profile shows the membership and the page says which organisation it is."""
    from municipalities.models import EmailDomain, MembershipState

    salla = factories.OrganisationFactory(name_fi="Salla", name_sv="Salla", slug="salla")
    EmailDomain.objects.create(organisation=salla, domain="salla.fi")
    send_mail_now(
        lambda: client.post(
            "/en/account/signup/",
            {
                "email": "uusi@salla.fi",
                "display_name": "Uusi Käyttäjä",
                "password1": "kirjasto-varaus-2026",
                "password2": "kirjasto-varaus-2026",
                "preferred_language": "en",
            },
        )
    )
    path = re.search(r"https?://[^/]+(/en/account/confirm/\S+/)", mailoutbox[0].body).group(1)
    page = client.post(path, follow=True).content.decode()
    assert "Your address is on the e-mail domain of Salla, so you are now its member." in page
    user = User.objects.get(email="uusi@salla.fi")
    assert user.memberships.get().organisation == salla
    assert user.memberships.get().state == MembershipState.ACTIVE
    client.force_login(user)
    profile = client.get("/en/account/").content.decode()
    assert "Salla" in profile


def test_a_subdomain_address_is_not_made_a_member(client, unverified):
    from municipalities.models import EmailDomain

    EmailDomain.objects.create(organisation=factories.OrganisationFactory(), domain="salla.fi")
    unverified.email = "opettaja@koulu.salla.fi"
    unverified.save()
    client.post(confirm_url(make_confirmation_token(unverified)))
    assert not unverified.memberships.exists()
