import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.accounts.conftest import PASSWORD, finnish

pytestmark = pytest.mark.django_db

RESET = "/fi/account/password/reset/"
NEW = "uusi-salasana-kuhmo-42"


def ask_reset(client, send_mail_now, address):
    return send_mail_now(lambda: client.post(RESET, {"email": address}, follow=True))


def test_the_reset_page_looks_the_same_for_registered_and_unknown_addresses(
    client, member, send_mail_now, mailoutbox
):
    registered = ask_reset(client, send_mail_now, member.email)
    unknown = ask_reset(client, send_mail_now, "nobody@nowhere.fi")
    assert registered.status_code == unknown.status_code == 200
    assert registered.redirect_chain == unknown.redirect_chain
    assert registered.content == unknown.content
    assert [mail.to for mail in mailoutbox] == [[member.email]]


def test_the_reset_mail_is_written_in_the_persons_language(client, send_mail_now, mailoutbox):
    swede = factories.UserFactory(preferred_language="sv")
    ask_reset(client, send_mail_now, swede.email)
    assert re.search(r"https?://\S+/sv/account/password/reset/\S+/\S+/", mailoutbox[0].body)


def test_the_reset_link_sets_a_new_password_and_confirms_the_address(
    client, unverified, send_mail_now, mailoutbox
):
    ask_reset(client, send_mail_now, unverified.email.upper())
    link = re.search(r"https?://[^/]+(/fi/account/password/reset/\S+/\S+/)", mailoutbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"]
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    assert done.url == reverse("accounts:password_reset_complete")
    unverified.refresh_from_db()
    assert unverified.check_password(NEW)
    assert unverified.email_confirmed_at is not None
    # The link is in the person's language, Finnish, so the page says it in Finnish.
    again = client.get(link, follow=True)
    assert (
        finnish("The link for setting a new password has already been used or is too old.")
        in again.content.decode()
    )


def test_a_deleted_account_gets_no_reset_mail(client, send_mail_now, mailoutbox):
    deleted = factories.UserFactory(is_active=False, deleted_at=timezone.now())
    ask_reset(client, send_mail_now, deleted.email)
    assert not mailoutbox


def test_password_change_needs_the_old_password(client_for, member):
    client = client_for(member)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "wrong", "new_password1": NEW, "new_password2": NEW},
    )
    assert "old_password" in response.context["form"].errors
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_password_change_keeps_the_person_logged_in(client_for, member):
    client = client_for(member)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )
    assert response.url == reverse("accounts:profile")
    member.refresh_from_db()
    assert member.check_password(NEW)
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_visitors_are_sent_to_login_to_change_a_password(client):
    response = client.get(reverse("accounts:password_change"))
    assert response.url == f"{reverse('accounts:login')}?next={reverse('accounts:password_change')}"


def test_a_reset_does_the_same_work_for_registered_and_unknown_addresses(
    client, member, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """The page itself neither looks the address up nor writes a mail: the worker does, later."""
    for address in (member.email, "nobody@nowhere.fi"):
        with django_assert_num_queries(0), django_capture_on_commit_callbacks() as queued:
            response = client.post(RESET, {"email": address})
        assert response.status_code == 302
        assert len(queued) == 1


def test_reset_mail_to_one_address_is_throttled(client, member, send_mail_now, mailoutbox):
    answers = {ask_reset(client, send_mail_now, member.email).content for _ in range(20)}
    assert len(answers) == 1
    assert len(mailoutbox) == 3


def test_wrong_old_passwords_stop_being_checked_after_five(client_for, member):
    client = client_for(member)
    url = reverse("accounts:password_change")
    for _ in range(5):
        client.post(url, {"old_password": "guess", "new_password1": NEW, "new_password2": NEW})
    response = client.post(url, {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 200
    assert response.context["form"].errors["old_password"] == [
        finnish("Too many wrong passwords. Wait 15 minutes and try again.")
    ]
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_four_wrong_old_passwords_still_let_the_right_one_change_it(client_for, member):
    client = client_for(member)
    url = reverse("accounts:password_change")
    for _ in range(4):
        client.post(url, {"old_password": "guess", "new_password1": NEW, "new_password2": NEW})
    client.post(url, {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW})
    member.refresh_from_db()
    assert member.check_password(NEW)


def test_guessing_through_account_deletion_counts_too(client_for, member):
    client = client_for(member)
    for _ in range(5):
        client.post(reverse("accounts:delete"), {"password": "guess"})
    client.post(reverse("accounts:delete"), {"password": PASSWORD})
    member.refresh_from_db()
    assert member.is_active
