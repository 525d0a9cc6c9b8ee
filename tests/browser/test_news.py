"""News and events in a real browser with JavaScript off: an editor announces an event and adds an
image, a coordinator publishes it from the queue, a visitor finds it and its calendar file; every
page is checked with axe-core against WCAG 2.2 AA."""

import pytest
from django.conf import settings
from django.test import Client

from municipalities.models import MembershipRole, OrganisationKind
from solutions.news.models import Event, State
from tests import factories
from tests.conftest import member_of

WCAG22 = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def people(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    kuhmo = factories.OrganisationFactory(name_fi="Kuhmo", slug="kuhmo", population=8_000)
    coordinating = factories.OrganisationFactory(
        name_fi="Kuntaliitto",
        slug="kuntaliitto",
        code=None,
        kind=OrganisationKind.COORDINATOR,
        population=None,
    )
    factories.ServiceClassFactory(code="P27", name_fi="Kulttuuri", name_en="Culture")
    return {
        "editor": member_of(kuhmo, MembershipRole.EDITOR, display_name="Eero Editori"),
        "coordinator": member_of(
            coordinating, MembershipRole.COORDINATOR, display_name="Kaisa Koordinaattori"
        ),
    }


@pytest.fixture
def no_script_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url,
        locale="fi-FI",
        viewport={"width": 1280, "height": 900},
        java_script_enabled=False,
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def log_in(page, live_server, user):
    page.context.clear_cookies()
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def axe_check(script_page, no_script_page):
    """Run axe-core on what the script-less page shows, in a page with script (axe runs as one)."""
    script_page.context.clear_cookies()
    script_page.context.add_cookies(no_script_page.context.cookies())
    script_page.goto(no_script_page.url)
    assert_wcag22(script_page)


def assert_wcag22(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG22}})
    violations = [
        f"{violation['id']}: {violation['help']} at {[node['target'] for node in violation['nodes'][:3]]}"
        for violation in results.response["violations"]
    ]
    assert not violations, f"{page.url}:\n" + "\n".join(violations)


def test_an_event_is_announced_reviewed_and_found_without_javascript(
    no_script_page, page, live_server, people, tmp_path
):
    browser_page = no_script_page
    log_in(browser_page, live_server, people["editor"])
    browser_page.goto("/en/write/")
    axe_check(page, browser_page)
    browser_page.get_by_role("link", name="Announce an event").click()
    axe_check(page, browser_page)
    browser_page.get_by_label("Title").fill("Kulttuuripalvelujen verkostopäivä")
    browser_page.get_by_label("Summary").fill("Kunnat jakavat kokemuksia kulttuuripalveluista.")
    browser_page.get_by_label("Start date").fill("2030-05-14")
    browser_page.get_by_label("Start time").fill("09:30")
    browser_page.get_by_label("End time").fill("15:00")
    browser_page.get_by_label("Place").fill("Kuhmo-talo")
    browser_page.get_by_label("Service classes").select_option(label="Culture")
    browser_page.get_by_role("button", name="Save draft").click()
    browser_page.get_by_text("Draft saved.").wait_for()
    axe_check(page, browser_page)

    image = tmp_path / "kartta.png"
    from tests.safety.files import PNG

    image.write_bytes(PNG)
    browser_page.get_by_label("Description").fill("Kartta Kuhmo-talon sisäänkäynnistä")
    browser_page.get_by_label("File:", exact=True).set_input_files(str(image))
    browser_page.get_by_role("button", name="Add file").click()
    browser_page.get_by_text("File added.").wait_for()
    browser_page.get_by_role("button", name="Submit for review").click()
    browser_page.get_by_text("Sent for review.").wait_for()
    event = Event.objects.get()
    assert event.state == State.SUBMITTED

    log_in(browser_page, live_server, people["coordinator"])
    browser_page.goto("/en/moderation/")
    browser_page.get_by_role("link", name="Kulttuuripalvelujen verkostopäivä").click()
    axe_check(page, browser_page)
    browser_page.get_by_label("Publish").check()
    browser_page.get_by_role("button", name="Record the decision").click()
    browser_page.wait_for_url("**/moderation/")

    page.context.clear_cookies()
    page.goto("/en/events/")
    assert_wcag22(page)
    page.get_by_role("link", name="Kulttuuripalvelujen verkostopäivä").click()
    assert "09:30" in page.content() or "9:30" in page.content()
    # Visible once loaded: the image is served by the permission-checked download view.
    page.get_by_role("img", name="Kartta Kuhmo-talon sisäänkäynnistä").wait_for(state="visible")
    assert_wcag22(page)
    calendar = page.request.get(f"{live_server.url}/en/events/{event.slug}/calendar.ics")
    assert "DTSTART:20300514T063000Z" in calendar.text()
    page.goto("/en/news/")
    assert_wcag22(page)
    page.goto("/en/")
    assert "Kulttuuripalvelujen verkostopäivä" in page.content()
    assert_wcag22(page)
