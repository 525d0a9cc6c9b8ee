"""Account pages in a real browser: no WCAG 2.1 A/AA violations, and the whole sign-up, login and
logout flow works with the keyboard alone. The pages are the Finnish ones most people see, so the
labels and links are found by their Finnish text."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from municipalities.models import User
from tests.accounts.conftest import PASSWORD, finnish

VISITOR_PAGES = [
    "/fi/account/signup/",
    "/fi/account/signup/sent/",
    "/fi/account/login/",
    "/fi/account/password/reset/",
    "/fi/account/password/reset/sent/",
    "/fi/account/confirm/forged-link/",
    "/sv/account/login/",
]
MEMBER_PAGES = ["/fi/account/", "/fi/account/settings/", "/fi/account/password/", "/fi/account/delete/"]


def log_in(page, user):
    page.goto("/fi/account/login/")
    page.get_by_label(finnish("E-mail address")).fill(user.email)
    page.get_by_label(finnish("Password")).fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/account/")


@pytest.mark.parametrize("url", VISITOR_PAGES)
def test_visitor_account_pages_have_no_wcag_violations(page, transactional_db, assert_accessible, url):
    response = page.goto(url)
    assert response.status in (200, 400)
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_signup_form_with_errors_has_no_wcag_violations(page, transactional_db, assert_accessible):
    page.goto("/fi/account/signup/")
    page.get_by_label(finnish("E-mail address")).fill("not-an-address")
    page.locator("main button[type=submit]").click()
    page.wait_for_selector(".error-summary")
    assert page.get_by_label(finnish("E-mail address")).input_value() == "not-an-address"
    assert_accessible(page)


def test_member_account_pages_have_no_wcag_violations(page, member, assert_accessible):
    log_in(page, member)
    for url in MEMBER_PAGES:
        page.goto(url)
        assert page.locator("h1").count() == 1
        assert_accessible(page)


def test_sign_up_with_the_keyboard_then_log_out(page, transactional_db):
    page.goto("/fi/solutions/")
    page.get_by_role("link", name=finnish("Sign up")).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path == "/fi/account/signup/")
    # The address field takes the focus by itself (autofocus, which the browser applies after the
    # page has loaded, so wait for it); the rest is Tab and type.
    expect(page.get_by_label(finnish("E-mail address"))).to_be_focused()
    page.keyboard.type("Uusi.Ihminen@Kuhmo.fi")
    page.keyboard.press("Tab")
    page.keyboard.type("Uusi Ihminen")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.type("kirjasto-varaus-2026")
    page.keyboard.press("Tab")
    page.keyboard.type("kirjasto-varaus-2026")
    page.keyboard.press("Enter")
    # Sign-up logs nobody in (the same answer for an address that already has an account); the
    # page asks to read the mail and offers the login, which goes back where the person was.
    page.wait_for_url(lambda url: urlsplit(url).path == "/fi/account/signup/sent/")
    assert User.objects.get().email == "uusi.ihminen@kuhmo.fi"
    page.locator("main").get_by_role("link", name=finnish("Log in")).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path == "/fi/account/login/")
    expect(page.get_by_label(finnish("E-mail address"))).to_be_focused()
    page.keyboard.type("uusi.ihminen@kuhmo.fi")
    page.keyboard.press("Tab")
    page.keyboard.type("kirjasto-varaus-2026")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path == "/fi/solutions/")
    logout = page.locator(".account-menu button")
    logout.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path == "/fi/")
    expect(page.locator(".account-menu").get_by_role("link", name=finnish("Sign up"))).to_be_visible()
