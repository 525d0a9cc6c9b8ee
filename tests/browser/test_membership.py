"""Joining an organisation in a real browser: sign up, confirm from the mail, join at once on the
organisation's domain; or ask, and an admin accepts. The membership pages pass axe-core WCAG 2.1 AA."""

import re
import time
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from municipalities.models import EmailDomain, Membership, MembershipRole, MembershipState, User
from tests import factories
from tests.conftest import member_of

PASSWORD = "salasana-testi-123"  # what tests.factories.UserFactory sets
LINK = re.compile(r"https?://\S+")


def wait_for_mail(to, subject_contains=""):
    """The first mail to `to`; mail is sent by a task after the live server's commit."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for message in mail.outbox:
            if to in message.to and subject_contains in message.subject:
                return message
        time.sleep(0.1)
    raise AssertionError(f"No mail to {to}: {[(m.to, m.subject) for m in mail.outbox]}")


def log_in(page, email, next_path):
    """Log in through the form; the site then speaks the user's language, English in these tests."""
    page.goto(f"/en/account/login/?next={next_path}")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(lambda url: urlsplit(url).path == next_path)


@pytest.fixture
def requester(transactional_db):
    return factories.UserFactory(
        email="pekka.pyytaja@gmail.example",
        display_name="Pekka Pyytäjä",
        email_confirmed_at=timezone.now(),
        preferred_language="en",
    )


@pytest.fixture
def other_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="fi-FI", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_sign_up_confirm_and_join_at_once_on_the_organisations_domain(page, transactional_db, organisation):
    EmailDomain.objects.create(organisation=organisation, domain="kuhmo.example")
    page.goto("/en/account/signup/?next=/en/organisations/kuhmo/")
    page.locator("#id_email").fill("liisa.laine@kuhmo.example")
    page.locator("#id_display_name").fill("Liisa Laine")
    page.locator("#id_preferred_language").select_option("en")
    page.locator("#id_password1").fill("kirjasto-varaus-2026")
    page.locator("#id_password2").fill("kirjasto-varaus-2026")
    page.locator("main button[type=submit]").click()
    # Sign-up logs nobody in (it answers the same for an address that has an account): read the mail.
    page.wait_for_url("**/en/account/signup/sent/**")
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    page.locator("main").get_by_role("link", name="Log in").click()
    page.get_by_label("E-mail address").fill("liisa.laine@kuhmo.example")
    page.get_by_label("Password").fill("kirjasto-varaus-2026")
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/en/organisations/kuhmo/")
    # Not confirmed yet: no join form, a note instead.
    expect(page.get_by_text("confirm your e-mail address first")).to_be_visible()
    assert page.get_by_role("button", name="Ask to join").count() == 0

    confirmation = wait_for_mail("liisa.laine@kuhmo.example")
    link = next(url for url in LINK.findall(confirmation.body) if "/account/confirm/" in url)
    page.goto(urlsplit(link).path)
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm my address").click()
    # Confirming the address on Kuhmo's domain is enough: the page names the organisation joined.
    expect(
        page.get_by_text("Your address is on the e-mail domain of Kuhmo, so you are now its member.")
    ).to_be_visible()

    page.goto("/en/organisations/kuhmo/")
    assert page.get_by_role("button", name="Ask to join").count() == 0
    expect(page.get_by_text("Your membership: Member")).to_be_visible()
    membership = Membership.objects.get(user__email="liisa.laine@kuhmo.example")
    assert (membership.state, membership.role) == (MembershipState.ACTIVE, MembershipRole.MEMBER)

    page.get_by_role("link", name="People of Kuhmo").click()
    expect(page.get_by_role("cell", name="Liisa Laine")).to_be_visible()


def test_a_request_waits_and_the_admin_accepts_it(
    page, other_page, transactional_db, organisation, org_admin, requester, assert_accessible
):
    log_in(page, requester.email, "/en/organisations/kuhmo/")
    page.get_by_label("Message to the admins (optional)").fill("Olen Kuhmon uusi IT-tukihenkilö.")
    page.get_by_role("button", name="Ask to join").click()
    page.wait_for_url("**/en/organisations/kuhmo/")
    expect(page.get_by_text("Your request was sent")).to_be_visible()
    expect(page.get_by_role("button", name="Withdraw my request")).to_be_visible()
    wait_for_mail(org_admin.email)

    User.objects.filter(pk=org_admin.pk).update(preferred_language="en")
    log_in(other_page, org_admin.email, "/en/organisations/kuhmo/")
    other_page.get_by_role("link", name="Manage members").click()
    other_page.wait_for_url("**/en/organisations/kuhmo/members/")
    expect(other_page.get_by_text("Olen Kuhmon uusi IT-tukihenkilö.")).to_be_visible()
    assert_accessible(other_page)
    request = Membership.objects.get(user=requester)
    other_page.locator(f"#id_m{request.pk}-message").fill("Tervetuloa mukaan!")
    other_page.get_by_role("button", name="Accept").click()
    other_page.wait_for_url("**/en/organisations/kuhmo/members/")
    expect(other_page.get_by_text("Pekka Pyytäjä is now a member of Kuhmo.")).to_be_visible()

    decision = wait_for_mail(requester.email, "member of Kuhmo")
    assert "Tervetuloa mukaan!" in decision.body
    page.reload()
    expect(page.get_by_text("Your membership: Member")).to_be_visible()

    other_page.goto("/en/organisations/kuhmo/people/")
    assert_accessible(other_page)


def test_the_edit_page_and_its_errors_are_accessible(
    page, transactional_db, organisation, coordinating_organisation, assert_accessible
):
    coordinator = member_of(
        coordinating_organisation, MembershipRole.COORDINATOR, display_name="Kaisa", preferred_language="en"
    )
    log_in(page, coordinator.email, "/en/organisations/kuhmo/")
    page.get_by_role("link", name="Edit organisation").click()
    page.wait_for_url("**/en/organisations/kuhmo/edit/")
    assert_accessible(page)
    page.locator("#id_domains-0-domain").fill("not a domain")
    page.get_by_role("button", name="Save").click()
    page.wait_for_selector(".error-summary")
    assert page.locator("#id_domains-0-domain").input_value() == "not a domain"
    assert_accessible(page)
