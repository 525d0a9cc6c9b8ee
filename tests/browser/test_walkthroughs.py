"""The main flows walked with the keyboard alone, checking on the way what a screen reader announces:
each page's one h1, regions and controls by their accessible names, and status messages in a live
region. Every page on the way passes axe-core."""

import re
import time
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from municipalities.models import EmailDomain, Membership, MembershipRole, MembershipState
from solutions.community.models import Adoption, AdoptionStatus
from tests import factories
from tests.catalogue import build_catalogue

LINK = re.compile(r"https?://\S+")


def tab_to(page, locator, limit=40):
    """Press Tab until `locator` has the focus; returns how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return presses
    raise AssertionError(f"{locator} was not reached with Tab in {limit} presses on {page.url}")


def focused_name(page):
    return page.evaluate("document.activeElement.textContent.trim()")


def announced_status(page):
    """The text of the page's live status messages, as a screen reader would read them out."""
    return " ".join(page.locator("main [role=status]").all_inner_texts())


@pytest.fixture
def member(transactional_db):
    build_catalogue()
    salla = factories.OrganisationFactory(name_fi="Salla", slug="salla", population=3_300)
    user = factories.UserFactory(display_name="Sanna Sallasta", email_confirmed_at=timezone.now())
    factories.MembershipFactory(
        user=user, organisation=salla, role=MembershipRole.MEMBER, state=MembershipState.ACTIVE
    )
    return user


def test_search_open_and_mark_we_use_this_with_the_keyboard(page, live_server, member, assert_accessible):
    client = Client()
    client.force_login(member)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto("/fi/")
    tab_to(page, page.get_by_role("combobox", name="Hae ratkaisuja"))
    page.keyboard.type("varaus")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/fi/solutions/\?q=varaus"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Hakua ”varaus” vastaavat ratkaisut")
    assert_accessible(page)

    # From the search box: the skip link, then the first result.
    page.get_by_role("combobox", name="Hakusanat").focus()
    presses = tab_to(page, page.get_by_role("link", name="Siirry tuloksiin"), limit=3)
    page.keyboard.press("Enter")
    first = page.locator("#results-list .card a").first
    presses += tab_to(page, first, limit=2)
    assert presses <= 5
    assert focused_name(page) == "Kirjastojen varausjärjestelmä"
    page.keyboard.press("Enter")
    page.wait_for_url("**/fi/solutions/kirjastojen-varausjarjestelma/")
    assert_accessible(page)

    # The summary at the top is a named region; its "we use this" comes before the long text.
    glance = page.get_by_role("region", name="Lyhyesti")
    expect(glance).to_contain_text("Kuka käyttää")
    we_use_this = glance.get_by_role("link", name="Käytämme tätä: merkitse organisaatiolle Salla")
    tab_to(page, we_use_this)
    description_link = page.locator(".solution-body a").first
    assert description_link.count() == 0 or not description_link.evaluate(
        "link => link.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**/use/salla/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)

    # The status is a radio group: Tab reaches it, the arrow keys choose.
    radios = page.get_by_role("radio")
    tab_to(page, radios.first)
    for _ in range(4):
        if page.get_by_role("radio", name="Käytössä", exact=True).is_checked():
            break
        page.keyboard.press("ArrowDown")
    assert page.get_by_role("radio", name="Käytössä", exact=True).is_checked()
    tab_to(page, page.locator("textarea[name=experience]"))
    page.keyboard.type("Otimme käyttöön kaikissa kirjastoissa.")
    tab_to(page, page.locator("main form button[type=submit]"))
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path == "/fi/solutions/kirjastojen-varausjarjestelma/")
    assert "Salla" in announced_status(page)
    expect(page.get_by_role("region", name="Lyhyesti")).to_contain_text("Salla: Käytössä")
    assert Adoption.objects.get(organisation__slug="salla").status == AdoptionStatus.IN_USE
    assert_accessible(page)


def wait_for_mail(to):
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for message in mail.outbox:
            if to in message.to:
                return message
        time.sleep(0.1)
    raise AssertionError(f"No mail to {to}")


def type_into(page, label, text):
    tab_to(page, page.get_by_label(label, exact=True))
    page.keyboard.type(text)


def test_sign_up_confirm_and_become_a_member_with_the_keyboard(page, transactional_db, assert_accessible):
    kuhmo = factories.OrganisationFactory(name_fi="Kuhmo", name_sv="Kuhmo", slug="kuhmo")
    EmailDomain.objects.create(organisation=kuhmo, domain="kuhmo.example")
    page.goto("/en/account/signup/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)
    type_into(page, "E-mail address:", "liisa.laine@kuhmo.example")
    type_into(page, "Display name:", "Liisa Laine")
    type_into(page, "Password:", "kirjasto-varaus-2026")
    type_into(page, "Password confirmation:", "kirjasto-varaus-2025")
    page.keyboard.press("Enter")
    # A mistake is announced (an alert) and each error leads to its field.
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Please correct the following")
    assert page.locator("[aria-invalid=true]").count() >= 1
    assert page.get_by_label("E-mail address:", exact=True).input_value() == "liisa.laine@kuhmo.example"
    assert_accessible(page)
    type_into(page, "Password:", "kirjasto-varaus-2026")
    type_into(page, "Password confirmation:", "kirjasto-varaus-2026")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/account/signup/sent/**")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    assert_accessible(page)

    link = next(
        url for url in LINK.findall(wait_for_mail("liisa.laine@kuhmo.example").body) if "/confirm/" in url
    )
    page.goto(urlsplit(link).path)
    tab_to(page, page.get_by_role("button", name="Confirm my address"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "you are now its member" in " ".join(page.locator("[role=status]").all_inner_texts())
    assert_accessible(page)
    membership = Membership.objects.get(user__email="liisa.laine@kuhmo.example")
    assert (membership.organisation, membership.state) == (kuhmo, MembershipState.ACTIVE)
