"""A visitor in a real browser: every page type passes axe-core's WCAG 2.1 A/AA rules, and search and
facets work with the keyboard alone."""

import re

import pytest

from tests.catalogue import build_catalogue

PAGES = [
    "/fi/",
    "/fi/solutions/",
    "/fi/solutions/?q=kirjasto",
    "/fi/solutions/?q=olematon-hakusana",
    "/fi/solutions/kirjastojen-varausjarjestelma/",
    "/fi/solutions/rakennusluvan-prosessikuvaus/",
    "/fi/solutions/avoin-tapahtumarajapinta/",
    "/fi/solutions/kylakoulujen-etaopetus/",
    "/sv/solutions/erfarenheter-av-digital-ansokan/",
    "/fi/organisations/",
    "/fi/organisations/espoo/",
    "/fi/regions/",
    "/fi/regions/19/",
    "/en/solutions/",
    "/fi/accessibility/",
    "/sv/privacy/",
    "/en/terms/",
    "/fi/about/",
    "/fi/organisations/espoo/repositories/",
    "/en/api-docs/",
]


@pytest.fixture
def catalogue(transactional_db):
    return build_catalogue()


@pytest.mark.parametrize("url", PAGES)
def test_page_has_no_wcag_violations(page, catalogue, assert_accessible, url):
    response = page.goto(url)
    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_phone_layout_has_no_wcag_violations(phone_page, catalogue, assert_accessible):
    phone_page.goto("/fi/solutions/")
    assert_accessible(phone_page)


def tab_to(page, selector, limit=80):
    """Press Tab until the element matching `selector` has the focus, as a keyboard user would."""
    target = page.locator(selector).first
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{selector} was not reached with Tab in {limit} presses")


def test_skip_link_is_the_first_stop_and_moves_to_the_content(page, catalogue):
    page.goto("/fi/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


def test_search_and_facets_with_the_keyboard_alone(page, catalogue):
    page.goto("/fi/")
    tab_to(page, "header input[name=q]")
    page.keyboard.type("kirjasto")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/fi/solutions/\?.*q=kirjasto"))
    results = page.locator("main").inner_text()
    assert "Kirjastojen varausjärjestelmä" in results
    assert "Avoin tapahtumarajapinta" not in results

    # Broaden the search, then narrow it down with a facet, still with the keyboard only.
    page.goto("/fi/solutions/")
    tab_to(page, "input[name=kind][value=process]")
    page.keyboard.press("Space")
    if "kind=process" not in page.url:  # without script the form is submitted with its button
        tab_to(page, "form#facets [type=submit]")
        page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"kind=process"))
    results = page.locator("main").inner_text()
    assert "Rakennusluvan prosessikuvaus" in results
    assert "Kirjastojen varausjärjestelmä" not in results


def test_language_switch_keeps_the_page(page, catalogue):
    page.goto("/fi/solutions/kirjastojen-varausjarjestelma/")
    page.locator("a[hreflang=sv]").first.click()
    page.wait_for_url(re.compile(r"/sv/solutions/kirjastojen-varausjarjestelma/"))
    assert page.locator("html").get_attribute("lang") == "sv"


def test_pages_work_without_javascript(browser, live_server, catalogue):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/fi/solutions/")
    page.locator("input[name=kind][value=software]").check()
    page.locator("form#facets [type=submit]").first.click()
    page.wait_for_url(re.compile(r"kind=software"))
    assert "Kirjastojen varausjärjestelmä" in page.locator("main").inner_text()
    context.close()


def test_a_real_browser_reports_no_content_security_policy_violation(page, catalogue):
    """The policy forbids inline script and style; nothing the pages need may be blocked by it."""
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    for url in PAGES:
        page.goto(url)
    page.goto("/fi/solutions/")
    # With script on, the search box is a combobox of suggestions; its name stays q.
    page.locator("input[name=q]").first.fill("kirjasto")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=kirjasto"))
    assert violations == []
