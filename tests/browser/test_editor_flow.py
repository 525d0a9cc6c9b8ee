"""Write → submit → review → approve with the keyboard only, axe-checked at every step, and the same
flow with JavaScript off: the editor's guided steps, the searchable picker and its plain fallback."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from municipalities.models import MembershipRole, OrganisationKind
from tests import factories
from tests.browser.conftest import WCAG_RULES
from tests.browser.test_publishing import log_in, person

RULES = [*WCAG_RULES, "wcag22aa"]


@pytest.fixture
def people(transactional_db):
    kuhmo = factories.OrganisationFactory(name_fi="Kuhmo", name_sv="Kuhmo", slug="kuhmo")
    factories.OrganisationFactory(name_fi="Sotkamo", name_sv="Sotkamo", slug="sotkamo")
    factories.OrganisationFactory(name_fi="Suomussalmi", name_sv="Suomussalmi", slug="suomussalmi")
    kuntaliitto = factories.OrganisationFactory(
        name_fi="Kuntaliitto", slug="kuntaliitto", code=None, kind=OrganisationKind.COORDINATOR
    )
    return {
        "organisation": kuhmo,
        "editor": person(kuhmo, MembershipRole.EDITOR, "Eero Editori"),
        "coordinator": person(kuntaliitto, MembershipRole.COORDINATOR, "Kaisa Koordinaattori"),
    }


def accessible(page):
    """No WCAG 2.2 A/AA violation that axe-core finds."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": RULES}})
    violations = [
        f"{v['id']}: {v['help']} at {', '.join(str(n['target']) for n in v['nodes'][:3])}"
        for v in results.response["violations"]
    ]
    assert not violations, f"{page.url}:\n" + "\n".join(violations)


def tab_to(page, locator, limit=120):
    """Press Tab until `locator` has the focus, as a keyboard user would; fail if it never gets it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {locator}")


def type_into(page, locator, text):
    tab_to(page, locator)
    page.keyboard.type(text)


def test_write_submit_review_approve_with_the_keyboard_only(browser, live_server, people, page):
    editor_context, editor = log_in(browser, live_server, people["editor"])
    coordinator_context, coordinator = log_in(browser, live_server, people["coordinator"])
    try:
        editor.goto("/en/our-solutions/new/")
        expect(editor.locator(".flow-progress-heading")).to_have_text("Step 1 of 8")
        accessible(editor)
        # The kind first: a radio chosen with Space, Enter goes on.
        tab_to(editor, editor.get_by_role("radio", name="Software"))
        editor.keyboard.press("Space")
        editor.keyboard.press("Enter")
        expect(editor.locator(".flow-progress-heading")).to_have_text("Step 2 of 9")
        expect(editor.locator("[aria-current='step']")).to_have_text("Basic facts")
        accessible(editor)

        type_into(editor, editor.get_by_label("Title"), "Kyytipalvelun tilausjärjestelmä")
        type_into(editor, editor.get_by_label("Summary"), "Asukkaat tilaavat asiointikyydin verkossa.")
        type_into(editor, editor.get_by_label("Description"), "Tilaus verkossa.")
        tab_to(editor, editor.get_by_role("button", name="Next"))
        editor.keyboard.press("Enter")
        expect(editor.locator("[aria-current='step']")).to_have_text("Code and licence")
        accessible(editor)
        type_into(editor, editor.get_by_label("Source code repository"), "https://github.com/kuhmo/kyyti")
        editor.keyboard.press("Enter")  # Enter in a text box goes to the next step
        expect(editor.locator("[aria-current='step']")).to_have_text("Links")
        editor.keyboard.press("Tab")
        tab_to(editor, editor.get_by_role("button", name="Next"))
        editor.keyboard.press("Enter")
        expect(editor.locator("[aria-current='step']")).to_have_text("Classification")
        accessible(editor)
        type_into(editor, editor.get_by_label("Tags"), "kyyti, asiointiliikenne")
        editor.keyboard.press("Enter")

        # The partner picker: type, arrow down, Enter; the choice shows with its own remove button.
        expect(editor.locator("[aria-current='step']")).to_have_text("Reuse")
        box = editor.get_by_role("combobox", name="Partner organisations")
        type_into(editor, box, "sotk")
        expect(editor.get_by_role("option", name="Sotkamo")).to_be_visible()
        expect(editor.get_by_role("option")).to_have_count(1)
        editor.keyboard.press("ArrowDown")
        expect(box).to_have_attribute(
            "aria-activedescendant", editor.get_by_role("option").get_attribute("id")
        )
        accessible(editor)
        editor.keyboard.press("Enter")
        expect(editor.get_by_role("option", name="Sotkamo")).to_have_attribute("aria-selected", "true")
        expect(editor.get_by_role("button", name="Remove Sotkamo")).to_be_visible()
        editor.keyboard.press("Escape")
        expect(box).to_have_attribute("aria-expanded", "false")
        assert editor.locator("select[name='partners'] option:checked").all_inner_texts() == ["Sotkamo"]
        accessible(editor)
        tab_to(editor, editor.get_by_role("button", name="Next"))
        editor.keyboard.press("Enter")

        expect(editor.locator("[aria-current='step']")).to_have_text("Contacts")
        type_into(editor, editor.locator("#id_contacts-0-name"), "Eero Editori")
        editor.keyboard.press("Enter")
        expect(editor.locator("[aria-current='step']")).to_have_text("Attachments")
        accessible(editor)
        tab_to(editor, editor.get_by_role("button", name="Next"))
        editor.keyboard.press("Enter")

        # The summary to check, then sending it.
        expect(editor.locator("[aria-current='step']")).to_have_text("Check and send")
        summary = editor.locator(".flow-check")
        expect(summary).to_contain_text("Kyytipalvelun tilausjärjestelmä")
        expect(summary).to_contain_text("https://github.com/kuhmo/kyyti")
        expect(summary).to_contain_text("Sotkamo")
        accessible(editor)
        tab_to(editor, editor.get_by_role("button", name="Save and submit for review"))
        editor.keyboard.press("Enter")
        expect(editor.locator("main")).to_contain_text("Submitted for review")
        accessible(editor)

        # The coordinator reviews and approves with the keyboard.
        coordinator.goto("/en/moderation/")
        accessible(coordinator)
        tab_to(
            coordinator,
            coordinator.locator("main a").filter(has_text="Kyytipalvelun tilausjärjestelmä").first,
        )
        coordinator.keyboard.press("Enter")
        expect(coordinator.locator("h1")).to_contain_text("Kyytipalvelun tilausjärjestelmä")
        accessible(coordinator)
        tab_to(coordinator, coordinator.locator("input[name='decision'][value='approve']"))
        coordinator.keyboard.press("Space")
        tab_to(coordinator, coordinator.get_by_role("button", name="Record the decision"))
        coordinator.keyboard.press("Enter")
        coordinator.wait_for_url("**/en/moderation/")
        accessible(coordinator)

        # Published: the visitor sees it with its partner.
        page.goto("/en/solutions/?q=kyyti")
        page.get_by_role("link", name="Kyytipalvelun tilausjärjestelmä").click()
        expect(page.locator("main")).to_contain_text("Sotkamo")
    finally:
        editor_context.close()
        coordinator_context.close()


def test_the_flow_works_without_javascript(browser, live_server, people):
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(people["editor"])
    context = browser.new_context(
        base_url=live_server.url,
        locale="en-GB",
        viewport={"width": 390, "height": 844},
        java_script_enabled=False,
    )
    context.set_default_timeout(10_000)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    editor = context.new_page()
    try:
        editor.goto("/en/our-solutions/new/")
        editor.get_by_role("radio", name="API").check()
        editor.get_by_role("button", name="Next").click()
        editor.get_by_label("Title").fill("Kyytien rajapinta")
        editor.get_by_label("Summary").fill("Kyytitilaukset muille järjestelmille.")
        # Jumping ahead through the progress list keeps what was typed.
        editor.locator(".flow-steps").get_by_role("button", name="Reuse").click()
        expect(editor.locator("[aria-current='step']")).to_have_text("Reuse")
        # Without JavaScript the partners are a plain list box.
        expect(editor.get_by_role("combobox")).to_have_count(0)
        editor.locator("select[name='partners']").select_option(label="Suomussalmi")
        editor.get_by_role("button", name="Next").click()
        editor.locator(".flow-steps").get_by_role("button", name="Check and send").click()
        summary = editor.locator(".flow-check")
        expect(summary).to_contain_text("Kyytien rajapinta")
        expect(summary).to_contain_text("Suomussalmi")
        editor.get_by_role("button", name="Change: Basic facts").click()
        expect(editor.get_by_label("Title")).to_have_value("Kyytien rajapinta")
        editor.get_by_role("button", name="Save draft").click()
        expect(editor.locator("main")).to_contain_text("The draft was saved")
        expect(editor.locator("#id_api_base_url")).to_be_visible()
        expect(editor.locator("#id_repository_url")).to_have_count(0)
        # (axe-core itself needs JavaScript: these pages are checked in the keyboard walk above.)
    finally:
        context.close()


def test_a_published_solutions_service_classes_are_chosen_in_the_searchable_box(
    browser, live_server, people, page
):
    factories.ServiceClassFactory(code="P1", name_fi="Asuminen", name_en="Housing")
    factories.ServiceClassFactory(code="P2", name_fi="Liikenne", name_en="Transport")
    solution = factories.SolutionFactory(
        organisation=people["organisation"],
        title="Kyytipalvelu",
        moderation_state="published",
        published_at=timezone.now(),
    )
    context, editor = log_in(browser, live_server, people["editor"])
    try:
        editor.goto(f"/en/our-solutions/{solution.slug}/?step=classification")
        box = editor.get_by_role("combobox", name="Service classes")
        box.fill("trans")
        box.press("ArrowDown")
        box.press("Enter")
        expect(editor.get_by_role("button", name="Remove Transport")).to_be_visible()
        accessible(editor)
        editor.get_by_role("button", name="Remove Transport").click()
        expect(box).to_be_focused()
        box.fill("trans")
        box.press("Enter")  # one match: Enter chooses it
        editor.locator(".flow-steps").get_by_role("button", name="Check and send").click()
        expect(editor.locator(".flow-check")).to_contain_text("Transport")
        # On a phone the summary and the progress fit the screen: nothing scrolls sideways.
        editor.set_viewport_size({"width": 390, "height": 844})
        assert editor.evaluate("document.documentElement.scrollWidth") <= 390
        accessible(editor)
        editor.get_by_role("button", name="Send the edit for review").click()
        expect(editor.locator("main")).to_contain_text("waiting for review")
    finally:
        context.close()
