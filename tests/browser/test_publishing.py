"""The whole publishing path in a real browser, through the editor's and the coordinators' pages:
an editor writes and submits, a coordinator asks for changes, the editor fixes and resubmits, the
coordinator approves, a visitor finds it by search; then an edit waits while the old text stays public
until the coordinator approves it."""

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from municipalities.models import MembershipRole, MembershipState, OrganisationKind
from tests import factories


def person(organisation, role, name):
    user = factories.UserFactory(
        email_confirmed_at=timezone.now(), display_name=name, preferred_language="en"
    )
    factories.MembershipFactory(user=user, organisation=organisation, role=role, state=MembershipState.ACTIVE)
    return user


def log_in(browser, live_server, user):
    """A browser context carrying a session of `user`, made by the test client."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(
        base_url=live_server.url, locale="en-GB", viewport={"width": 1280, "height": 900}
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
    return context, context.new_page()


@pytest.fixture
def people(transactional_db):
    kuhmo = factories.OrganisationFactory(name_fi="Kuhmo", name_sv="Kuhmo", slug="kuhmo")
    kuntaliitto = factories.OrganisationFactory(
        name_fi="Kuntaliitto", slug="kuntaliitto", code=None, kind=OrganisationKind.COORDINATOR
    )
    return {
        "organisation": kuhmo,
        "editor": person(kuhmo, MembershipRole.EDITOR, "Eero Editori"),
        "coordinator": person(kuntaliitto, MembershipRole.COORDINATOR, "Kaisa Koordinaattori"),
    }


def decide(page, decision, reason=""):
    """On the coordinator's queue, open the oldest item and record a decision."""
    page.goto("/en/moderation/")
    page.locator("main a[href*='/moderation/']").filter(has_text="Kyytipalvelu").first.click()
    page.locator(f"input[name='decision'][value='{decision}']").check()
    if reason:
        page.locator("textarea[name='reason']").fill(reason)
    page.get_by_role("button", name="Record the decision").click()
    page.wait_for_url("**/en/moderation/")


def test_publish_review_fix_approve_find_and_revise(browser, live_server, people, page, assert_accessible):
    editor_context, editor = log_in(browser, live_server, people["editor"])
    coordinator_context, coordinator = log_in(browser, live_server, people["coordinator"])
    try:
        # The editor writes a solution and previews the description without JavaScript help.
        editor.goto("/en/our-solutions/")
        editor.get_by_role("link", name="Add a solution").click()
        editor.get_by_role("radio", name="Software").check()
        editor.get_by_role("button", name="Next").click()
        editor.locator("#id_title").fill("Kyytipalvelun tilausjärjestelmä")
        editor.locator("#id_summary").fill("Asukkaat tilaavat asiointikyydin verkossa.")
        editor.locator("#id_description").fill("## Miten se toimii\n\nTilaus *verkossa*.")
        editor.get_by_role("button", name="Preview").click()
        assert editor.locator("#preview h3").inner_text() == "Miten se toimii"
        assert editor.locator("#id_title").input_value() == "Kyytipalvelun tilausjärjestelmä"
        assert_accessible(editor)
        editor.locator(".flow-steps").get_by_role("button", name="Classification").click()
        editor.locator("#id_tags").fill("kyyti, asiointiliikenne")
        editor.locator(".flow-steps").get_by_role("button", name="Check and send").click()
        editor.get_by_role("button", name="Save and submit for review").click()
        expect(editor.locator("main")).to_contain_text("Submitted for review")

        # The coordinator asks for changes; the editor sees the reason and fixes it.
        decide(coordinator, "request_changes", "Kerro, mikä lisenssi ohjelmalla on.")
        editor.goto("/en/our-solutions/")
        expect(editor.locator("main")).to_contain_text("Kerro, mikä lisenssi ohjelmalla on.")
        editor.get_by_role("link", name="Kyytipalvelun tilausjärjestelmä").click()
        expect(editor.locator(".notice-important")).to_contain_text("Kerro, mikä lisenssi ohjelmalla on.")
        editor.locator("#id_licence").select_option("EUPL-1.2")
        assert_accessible(editor)
        editor.get_by_role("button", name="Save and submit again").click()
        expect(editor.locator("main")).to_contain_text("Submitted for review")

        # Approved, it is public and a visitor finds it by search.
        decide(coordinator, "approve")
        page.goto("/en/solutions/?q=kyyti")
        page.get_by_role("link", name="Kyytipalvelun tilausjärjestelmä").click()
        expect(page.locator("main")).to_contain_text("EUPL-1.2")

        # An edit waits for review while the published text stays online.
        editor.goto("/en/our-solutions/")
        editor.get_by_role("link", name="Kyytipalvelun tilausjärjestelmä").click()
        editor.locator("#id_summary").fill("Asukkaat tilaavat kyydin verkossa tai puhelimella.")
        editor.get_by_role("button", name="Send the edit for review").click()
        expect(editor.locator("main")).to_contain_text("waiting for review")
        page.reload()
        expect(page.locator("main")).to_contain_text("Asukkaat tilaavat asiointikyydin verkossa.")
        decide(coordinator, "approve")
        page.reload()
        expect(page.locator("main")).to_contain_text("Asukkaat tilaavat kyydin verkossa tai puhelimella.")
    finally:
        editor_context.close()
        coordinator_context.close()


def test_a_new_version_of_a_process_document_waits_for_review(
    browser, live_server, people, page, assert_accessible, settings, tmp_path
):
    from solutions.models import ModerationState, SolutionKind
    from tests.safety.files import BPMN

    settings.MEDIA_ROOT = tmp_path
    solution = factories.SolutionFactory(
        organisation=people["organisation"],
        title="Kyytipalvelun tilausprosessi",
        kind=SolutionKind.PROCESS,
        moderation_state=ModerationState.PUBLISHED,
        published_at=timezone.now(),
    )
    editor_context, editor = log_in(browser, live_server, people["editor"])
    coordinator_context, coordinator = log_in(browser, live_server, people["coordinator"])
    try:
        # The editor adds the new version on the attachments page, without JavaScript help.
        editor.goto(f"/en/our-solutions/{solution.slug}/attachments/")
        editor.locator("#id_title").fill("Tilausprosessi 2025")
        editor.locator("#id_file").set_input_files(
            {"name": "tilaus.bpmn", "mimeType": "application/xml", "buffer": BPMN}
        )
        editor.get_by_role("button", name="Upload for review").click()
        expect(editor.locator(".attachment-list")).to_contain_text("To be added: waiting for review")
        assert_accessible(editor)

        # Visitors see no attachment until the coordinator approves the edit.
        page.goto(solution.get_absolute_url().replace("/fi/", "/en/"))
        expect(page.locator("main")).not_to_contain_text("Tilausprosessi 2025")
        coordinator.goto("/en/moderation/")
        coordinator.locator("main a[href*='/moderation/']").filter(has_text="Kyytipalvelu").first.click()
        expect(coordinator.locator(".revision-diff")).to_contain_text("Attachments to be added")
        expect(coordinator.locator(".revision-diff ins a")).to_have_text("Tilausprosessi 2025")
        assert_accessible(coordinator)
        decide(coordinator, "approve")
        page.reload()
        expect(page.get_by_role("link", name="Tilausprosessi 2025")).to_be_visible()
    finally:
        editor_context.close()
        coordinator_context.close()
