"""Maturity in a real browser: an editor answers and submits with JavaScript off, and every maturity
and roadmap page passes axe-core's WCAG 2.2 A/AA rules."""

import pytest
from django.test import Client
from django.urls import reverse

from solutions.maturity.models import AssessmentState
from tests.maturity.conftest import vocabulary  # noqa: F401  (fixture)
from tests.maturity.scene import build_scene

WCAG22 = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def scene(transactional_db, vocabulary):  # noqa: F811
    return build_scene(vocabulary)


def log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def wcag22_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG22}})
    return [
        f"{violation['id']}: {violation['help']} at {[node['target'] for node in violation['nodes'][:3]]}"
        for violation in results.response["violations"]
    ]


def test_every_maturity_page_passes_axe(page, live_server, scene):
    log_in(page, live_server, scene["admin"])
    result = scene["result"]
    urls = [
        reverse("maturity:index"),
        reverse("maturity:organisation", args=["salla"]),
        reverse("maturity:assessment", args=["salla", result.pk]),
        reverse("maturity:print", args=["salla", result.pk]),
        reverse("maturity:organisation_roadmap", args=["salla"]),
        reverse("maturity:region_roadmap", args=["19"]),
        reverse("maturity:national"),
        reverse("maturity:life_event", args=["KE6"]),
        reverse("maturity:edit_item", args=[scene["item"].pk]),
    ]
    for url in urls:
        page.goto(url)
        assert page.locator("h1").count() == 1, url
        violations = wcag22_violations(page)
        assert not violations, f"{url}:\n" + "\n".join(violations)


def test_an_editor_answers_and_submits_without_javascript(browser, live_server, scene):
    context = browser.new_context(base_url=live_server.url, locale="fi-FI", java_script_enabled=False)
    page = context.new_page()
    draft = scene["draft"]
    log_in(page, live_server, scene["pello_editor"])
    page.goto(reverse("maturity:answer", args=["pello", draft.pk]))
    page.locator('input[name="level_sc-P8"][value="2"]').check()
    page.fill('textarea[name="note_sc-P8"]', "Lupapiste on käytössä.")
    page.locator('input[name="level_le-KE1"][value="1"]').check()
    page.get_by_role("button", name="Tallenna luonnos").click()
    assert "Vastauksesi on tallennettu luonnokseen." in page.content()
    assert page.locator('input[name="level_sc-P8"][value="2"]').is_checked()
    page.get_by_role("button", name="Tallenna ja lähetä…").click()
    page.get_by_role("button", name="Lähetä", exact=True).click()
    assert "Arvio on lähetetty." in page.content()
    draft.refresh_from_db()
    assert draft.state == AssessmentState.SUBMITTED
    assert dict(draft.answers.values_list("dimension", "level")) == {"sc:P8": 2, "le:KE1": 1, "x:data": 1}
    context.close()
