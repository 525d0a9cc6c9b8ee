"""The people network in a real browser: a member lists themselves, a colleague from another
municipality finds them by a filter and writes to them, with and without JavaScript; every page on
the way passes axe-core's WCAG 2.2 A/AA rules."""

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from municipalities.models import MembershipRole, MembershipState
from solutions.people.models import PersonMessage
from tests import factories
from tests.browser.conftest import WCAG_RULES

WCAG22 = [*WCAG_RULES, "wcag22aa"]


def assert_wcag22(page):
    if not page.context.javascript_enabled_for_axe:
        return  # axe-core runs as script: the pages are checked in the run with script on
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG22}})
    violations = [
        f"{violation['id']}: {violation['help']} at {[node['target'] for node in violation['nodes'][:3]]}"
        for violation in results.response["violations"]
    ]
    assert not violations, f"{page.url}:\n" + "\n".join(violations)


def member(organisation, name):
    user = factories.UserFactory(display_name=name, email_confirmed_at=timezone.now())
    factories.MembershipFactory(
        user=user, organisation=organisation, role=MembershipRole.MEMBER, state=MembershipState.ACTIVE
    )
    return user


@pytest.fixture
def scene(transactional_db):
    kainuu = factories.RegionFactory(code="18", name_fi="Kainuu", name_sv="Kajanaland", name_en="Kainuu")
    kuhmo = factories.OrganisationFactory(name_fi="Kuhmo", slug="kuhmo", region=kainuu, population=8_000)
    salla = factories.OrganisationFactory(name_fi="Salla", slug="salla", population=3_300)
    factories.ServiceClassFactory(code="P27", name_fi="Liikunta ja ulkoilu", name_en="Sports")
    return {"anna": member(kuhmo, "Anna Heikkinen"), "sanna": member(salla, "Sanna Sallasta")}


def log_in(context, live_server, user):
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.mark.parametrize("javascript", [True, False])
def test_a_member_lists_themselves_and_a_colleague_finds_and_writes_to_them(
    browser, live_server, scene, javascript
):
    for user, action in ((scene["anna"], "list"), (scene["sanna"], "find")):
        context = browser.new_context(
            base_url=live_server.url,
            locale="fi-FI",
            java_script_enabled=javascript,
            viewport={"width": 1280, "height": 900},
        )
        context.set_default_timeout(10_000)
        context.javascript_enabled_for_axe = javascript
        log_in(context, live_server, user)
        page = context.new_page()
        page.goto("/fi/")
        page.get_by_role("link", name="Osaajaverkosto").first.click()
        expect(page.locator("h1")).to_have_text("Osaajaverkosto")
        assert_wcag22(page)
        if action == "list":
            page.get_by_role("link", name="Liity osaajaverkostoon").click()
            assert_wcag22(page)
            page.fill('input[name="title"]', "Digikehittäjä")
            page.get_by_label("Liikunta ja ulkoilu").check()
            page.get_by_label("ruotsi").check()
            page.fill('input[name="tags"]', "tilavaraus")
            page.fill('textarea[name="bio"]', "Autan tilavarauksissa.")
            page.locator("main form button[type=submit]").click()
            expect(page.locator("h1")).to_have_text("Anna Heikkinen")
            expect(page.locator("main")).to_contain_text("Olet nyt mukana osaajaverkostossa.")
            assert_wcag22(page)
        else:
            page.select_option('select[name="language"]', "sv")
            page.locator("main form[method=get] button[type=submit]").click()
            expect(page.locator("main")).to_contain_text("1 henkilö")
            page.get_by_role("link", name="Anna Heikkinen").click()
            expect(page.locator("main")).to_contain_text("Liikunta ja ulkoilu")
            assert_wcag22(page)
            page.get_by_role("link", name="Kirjoita henkilölle Anna Heikkinen").click()
            assert_wcag22(page)
            page.fill('input[name="subject"]', "Tilavaraus")
            page.fill('textarea[name="message"]', "Voisitteko kertoa kokemuksistanne?")
            page.locator("main form button[type=submit]").click()
            expect(page.locator("main")).to_contain_text("Viestisi lähetettiin henkilölle Anna Heikkinen.")
            assert PersonMessage.objects.filter(sender=scene["sanna"]).count() == 1
            page.goto("/fi/people/topics/service-class/P27/")
            expect(page.locator("main")).to_contain_text("Anna Heikkinen")
            assert_wcag22(page)
        context.close()
