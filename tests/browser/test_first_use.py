"""What a newcomer notices first, measured in a real browser: the solution page leads with what a
visitor came for, lists fit a phone, and the first search result is a few Tab presses away."""

import os

import pytest
from django.test import Client
from django.utils import timezone

from municipalities.models import MembershipRole, MembershipState
from solutions.models import Contact, SolutionKind
from tests import factories
from tests.catalogue import build_catalogue

LONG_TEXT = "\n\n".join(
    f"## Osa {number}\n\n" + "Kirjasto otti palvelun käyttöön vaiheittain ja kokosi palautetta. " * 12
    for number in range(1, 6)
)


def shoot(page, name):
    """A screenshot for a person looking into a failure; kept only when asked for."""
    folder = os.environ.get("SCREENSHOTS")
    if folder:
        page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=False)


def log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.fixture
def scene(transactional_db):
    lappi = factories.RegionFactory(code="19", name_fi="Lappi", name_sv="Lappland", name_en="Lapland")
    espoo = factories.OrganisationFactory(name_fi="Espoo", slug="espoo", region=lappi, population=305_000)
    salla = factories.OrganisationFactory(name_fi="Salla", slug="salla", region=lappi, population=3_300)
    solution = factories.SolutionFactory(
        title="Kirjastojen varausjärjestelmä",
        slug="kirjastojen-varausjarjestelma",
        kind=SolutionKind.SOFTWARE,
        organisation=espoo,
        summary="Kirjastojen yhteinen varausjärjestelmä, jolla asukkaat varaavat kirjoja, tiloja ja "
        "laitteita verkossa ilman tunnistautumista.",
        description=LONG_TEXT,
        licence="EUPL-1.2",
        repository_url="https://github.com/example/varaus",
        documentation_url="https://example.fi/varaus/ohjeet",
        tags=["kirjasto", "varaus"],
    )
    Contact.objects.create(solution=solution, name="Digitiimi", role="Kehittäjät", email="digi@example.fi")
    member = factories.UserFactory(display_name="Sanna Sallasta", email_confirmed_at=timezone.now())
    factories.MembershipFactory(
        user=member, organisation=salla, role=MembershipRole.MEMBER, state=MembershipState.ACTIVE
    )
    return {"solution": solution, "member": member, "salla": salla, "espoo": espoo}


def box(page, selector):
    locator = page.locator(selector)
    assert locator.count() == 1, f"{selector} is not on {page.url}"
    return locator.bounding_box()


@pytest.mark.parametrize(("width", "height", "screens"), [(1280, 800, 1), (390, 844, 1)])
def test_what_a_visitor_came_for_is_at_the_top_of_the_solution_page(
    browser, live_server, scene, width, height, screens
):
    context = browser.new_context(
        base_url=live_server.url, locale="fi-FI", viewport={"width": width, "height": height}
    )
    page = context.new_page()
    try:
        log_in(page, live_server, scene["member"])
        page.goto("/fi/solutions/kirjastojen-varausjarjestelma/")
        shoot(page, f"solution-{width}")
        glance = page.locator(".glance")
        # What it is, who uses it, "we use this", contact, licence and code: all in the first screen
        # at 1280 × 800, and within a screen and a half on a phone, before the long description.
        button = box(page, ".glance a[data-we-use-this]")
        assert page.locator(".glance a[data-we-use-this]").inner_text().startswith("Käytämme tätä")
        assert button["y"] + button["height"] <= height * screens, button
        for text in ("Kuka käyttää", "Digitiimi", "digi@example.fi", "EUPL-1.2", "Lähdekoodi"):
            assert text in glance.inner_text()
        assert glance.get_by_role("link", name="Lähdekoodi").get_attribute("href") == (
            "https://github.com/example/varaus"
        )
        lead = box(page, ".solution-header .lead")
        assert lead["y"] + lead["height"] <= height * screens
        assert box(page, "#description-title")["y"] > button["y"]
        # The button leads to marking the use, for the member's own organisation.
        page.locator(".glance a[data-we-use-this]").click()
        assert page.url.endswith("/use/salla/")
    finally:
        context.close()


def test_a_visitor_is_told_how_to_mark_the_use(page, scene):
    page.goto("/fi/solutions/kirjastojen-varausjarjestelma/")
    link = page.locator(".glance").get_by_role(
        "link", name="Kirjaudu kertoaksesi, että organisaatiosi käyttää tätä"
    )
    assert link.count() == 1
    assert "/account/login/?next=/fi/solutions/kirjastojen-varausjarjestelma/" in link.get_attribute("href")


@pytest.fixture
def catalogue(transactional_db):
    return build_catalogue()


def tab_count_to_first_result(page):
    """Tab presses from the search box to the first result, taking the skip link on the way."""
    page.locator("#list-q").focus()
    first = page.locator("#results-list .card a").first
    for presses in range(1, 21):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        if focused == "Siirry tuloksiin":
            page.keyboard.press("Enter")
        if first.evaluate("element => element === document.activeElement"):
            return presses
    raise AssertionError("the first result was not reached with 20 Tab presses")


@pytest.mark.parametrize("javascript", [True, False])
def test_the_first_result_is_at_most_five_tab_presses_from_the_search_box(
    browser, live_server, catalogue, javascript
):
    context = browser.new_context(
        base_url=live_server.url,
        locale="fi-FI",
        java_script_enabled=javascript,
        viewport={"width": 1280, "height": 800},
    )
    page = context.new_page()
    try:
        for url in ("/fi/solutions/?q=kirjasto", "/fi/solutions/", "/fi/solutions/?kind=software&kind=api"):
            page.goto(url)
            assert tab_count_to_first_result(page) <= 5, url
    finally:
        context.close()


def test_one_search_box_and_the_first_result_in_the_first_phone_screen(phone_page, catalogue):
    phone_page.goto("/fi/solutions/?q=kirjasto")
    shoot(phone_page, "results-390")
    assert phone_page.locator("main input[type=search]").count() == 1
    assert phone_page.locator("header input[type=search]").count() == 0
    assert "{#" not in phone_page.locator("main").inner_text()  # no template comment leaks out
    first = box(phone_page, "#results-list .card:first-child")
    assert first["y"] < 844
    # The filters follow the results, closed behind their heading, and a link leads to them.
    assert box(phone_page, "#facets")["y"] > first["y"]
    assert phone_page.get_by_role("link", name="Siirry suodattimiin").is_visible()


def test_a_filter_applies_as_soon_as_it_is_chosen(page, catalogue):
    page.goto("/fi/solutions/")
    assert page.locator("[data-filters-live]").is_visible()
    # The checkbox: once the filter applies, the search form also carries kind=process, hidden.
    page.locator("input[type=checkbox][name=kind][value=process]").check()
    page.wait_for_url(lambda url: "kind=process" in url)
    assert page.url.endswith("#results-title")
    results = page.locator("#results-list").inner_text()
    assert "Rakennusluvan prosessikuvaus" in results
    assert "Kirjastojen varausjärjestelmä" not in results


def wcag22_violations(page):
    """axe-core's WCAG 2.2 A/AA rules (target size, focus not obscured…) besides the 2.1 ones."""
    from axe_playwright_python.sync_playwright import Axe

    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": tags}})
    return [
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize(
    "url",
    [
        "/fi/",
        "/fi/solutions/?q=kirjasto",
        "/sv/solutions/kirjastojen-varausjarjestelma/",
        "/en/organisations/",
    ],
)
def test_wordmark_kind_icons_and_footer(page, catalogue, url):
    page.goto(url)
    shoot(page, "identity-" + url.strip("/").replace("/", "-").replace("?", "-"))
    # The wordmark is a link home named by the service's name; its mark is decoration.
    home = page.locator("header .site-name a")
    assert home.evaluate("a => a.textContent.trim()") == "Kuntajako"
    assert home.locator("svg").get_attribute("aria-hidden") == "true"
    # Each kind badge carries its icon, hidden from screen readers, beside the kind's name.
    badges = page.locator("main .badge[class*='badge-']")
    for badge in badges.all():
        assert badge.locator("svg[aria-hidden=true][focusable=false]").count() == 1
        assert badge.inner_text().strip()
    # The footer: the legal pages, contact and the languages.
    footer = page.locator("footer.site-footer")
    language = url.split("/")[1]
    for kind in ("about", "accessibility", "privacy", "terms"):
        assert footer.locator(f'a[href="/{language}/{kind}/"]').count() == 1
    assert footer.locator('a[href^="mailto:"]').count() == 2
    assert footer.locator(".footer-languages a").count() == 3
    assert footer.locator('.footer-languages a[aria-current="true"]').get_attribute("lang") == language
    assert wcag22_violations(page) == []


def test_the_footer_sits_at_the_bottom_of_a_short_page(page, transactional_db):
    page.goto("/fi/account/login/")
    bottom = page.evaluate("document.querySelector('footer.site-footer').getBoundingClientRect().bottom")
    assert bottom >= page.viewport_size["height"] - 1
