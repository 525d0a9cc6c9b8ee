"""An editor proposes a need in a real browser and sees similar initiatives while typing; another
municipality's admin commits to it. Every page on the way passes axe-core, WCAG 2.2 AA included."""

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from municipalities.models import MembershipRole, MembershipState
from solutions.initiatives.models import Initiative, PartnerState
from solutions.initiatives.services import initiatives
from tests import factories

WCAG22 = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def scene(transactional_db):
    kuhmo = factories.OrganisationFactory(name_fi="Kuhmo", slug="kuhmo", population=8_000)
    salla = factories.OrganisationFactory(name_fi="Salla", slug="salla", population=3_300)
    people = {}
    for name, organisation, role in [
        ("editor", kuhmo, MembershipRole.EDITOR),
        ("admin", salla, MembershipRole.ADMIN),
    ]:
        user = factories.UserFactory(display_name=f"Demo {name}", email_confirmed_at=timezone.now())
        factories.MembershipFactory(
            user=user, organisation=organisation, role=role, state=MembershipState.ACTIVE
        )
        people[name] = user
    existing = initiatives.propose(
        kuhmo,
        people["editor"],
        {"title": "Liikuntasalien vuorovaraus verkossa", "problem": "Seurat varaavat puhelimella."},
    )
    return {"kuhmo": kuhmo, "salla": salla, "existing": existing, **people}


def log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def assert_wcag22(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG22}})
    violations = [
        f"{v['id']}: {v['help']} at {v['nodes'][0]['target']}" for v in results.response["violations"]
    ]
    assert not violations, f"{page.url}:\n" + "\n".join(violations)


def test_propose_with_suggestions_then_another_admin_commits(page, live_server, scene):
    log_in(page, live_server, scene["editor"])
    page.goto("/fi/initiatives/")
    assert_wcag22(page)
    page.goto("/fi/initiatives/propose/")
    assert_wcag22(page)
    page.fill("#id_title", "Liikuntasalien varaaminen")
    # The script shows the similar initiative beside the form while typing.
    expect(page.locator("#help-suggestions")).to_contain_text("Liikuntasalien vuorovaraus verkossa")
    assert_wcag22(page)
    page.fill("#id_problem", "Koulujen salit kaikille seuroille.")
    page.locator('button[value="check"]').click()
    page.locator('button[value="propose"]').click()
    expect(page.locator("h1")).to_have_text("Liikuntasalien varaaminen")
    assert_wcag22(page)
    created = Initiative.objects.get(title="Liikuntasalien varaaminen")

    page.context.clear_cookies()
    log_in(page, live_server, scene["admin"])
    page.goto(created.get_absolute_url())
    page.locator("#join-people").check()
    page.locator('form[action$="/join/"] button[type="submit"]').click()
    expect(page.locator(".partner-list")).to_contain_text("Salla")
    assert created.partners.get(organisation=scene["salla"]).state == PartnerState.CONFIRMED
    assert_wcag22(page)
