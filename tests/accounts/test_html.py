"""Every account page is valid HTML, in every language, with one h1 and the form errors in place."""

import re
import time
from unittest import mock

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from municipalities.accounts.tokens import make_confirmation_token
from tests import factories
from tests.accounts.conftest import PASSWORD
from tests.checks import validate_html

pytestmark = pytest.mark.django_db


def pages(client_for, member, unverified):
    """(name, client, method, url, data) of every account page state worth seeing."""
    visitor = client_for(None)
    expired = mock.patch("django.core.signing.time.time", return_value=time.time() - 5 * 24 * 3600)
    with expired:
        old = make_confirmation_token(unverified)
    return [
        ("signup", visitor, "get", reverse("accounts:signup"), None),
        ("signup errors", visitor, "post", reverse("accounts:signup"), {"email": "not-an-address"}),
        ("login", visitor, "get", reverse("accounts:login") + "?next=/fi/solutions/", None),
        ("login errors", visitor, "post", reverse("accounts:login"), {"username": "x@y.fi", "password": "z"}),
        ("reset", visitor, "get", reverse("accounts:password_reset"), None),
        ("reset sent", visitor, "get", reverse("accounts:password_reset_done"), None),
        ("reset bad link", visitor, "get", "/fi/account/password/reset/MQ/bad-token/", None),
        ("reset complete", visitor, "get", reverse("accounts:password_reset_complete"), None),
        (
            "confirm",
            visitor,
            "get",
            reverse("accounts:confirm_email", args=[make_confirmation_token(unverified)]),
            None,
        ),
        ("confirm expired", visitor, "get", reverse("accounts:confirm_email", args=[old]), None),
        ("confirm forged", visitor, "get", reverse("accounts:confirm_email", args=["forged"]), None),
        ("confirm done", visitor, "get", reverse("accounts:confirm_email_done"), None),
        ("deleted", visitor, "get", reverse("accounts:deleted"), None),
        ("profile unverified", client_for(unverified), "get", reverse("accounts:profile"), None),
        ("resend", client_for(unverified), "post", reverse("accounts:resend_confirmation"), {}),
        ("resend too soon", client_for(unverified), "post", reverse("accounts:resend_confirmation"), {}),
        ("profile member", client_for(member), "get", reverse("accounts:profile"), None),
        ("settings", client_for(member), "get", reverse("accounts:settings"), None),
        ("settings errors", client_for(member), "post", reverse("accounts:settings"), {"display_name": ""}),
        ("password change", client_for(member), "get", reverse("accounts:password_change"), None),
        (
            "password change errors",
            client_for(member),
            "post",
            reverse("accounts:password_change"),
            {"old_password": "x"},
        ),
        ("delete", client_for(member), "get", reverse("accounts:delete"), None),
        ("delete errors", client_for(member), "post", reverse("accounts:delete"), {"password": "x"}),
    ]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_account_page_is_valid_html_with_one_h1(client_for, member, unverified, language):
    documents = {}
    with translation.override(language):
        for name, client, method, url, data in pages(client_for, member, unverified):
            response = (
                getattr(client, method)(url, data) if data is not None else getattr(client, method)(url)
            )
            assert response.status_code in (200, 400, 429), name
            html = response.content.decode()
            assert html.count("<h1") == 1, name
            documents[name] = html
    errors = validate_html(documents)
    assert not errors, "\n".join(errors)


@override_settings(AXES_ENABLED=True)
def test_the_lockout_page_is_valid_html(client):
    user = factories.UserFactory()
    for _ in range(5):
        response = client.post(reverse("accounts:login"), {"username": user.email, "password": "wrong"})
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    html = response.content.decode()
    assert response.status_code == 429
    assert len(re.findall("<h1", html)) == 1
    errors = validate_html({"locked out": html})
    assert not errors, "\n".join(errors)
