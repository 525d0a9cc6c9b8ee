"""In a real browser: an editor submits an experiment to a call (an error keeps what was typed), a
coordinator approves it on its page, the editor starts and finishes it and makes a draft solution of
it; the lists and the savings page work without JavaScript; every page passes axe-core WCAG 2.2 AA."""

import re
from datetime import date, timedelta
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from municipalities.models import MembershipRole, MembershipState, OrganisationKind
from solutions.experiments.models import Call, Experiment, ExperimentStatus, ReviewState
from tests import factories

WCAG22_RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def assert_wcag22(page):
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG22_RULES}})
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(str(n['target']) for n in v['nodes'][:5])}"
        for v in results.response["violations"]
    ]
    assert not violations, f"{page.url}:\n" + "\n".join(violations)


def person(organisation, role, name):
    user = factories.UserFactory(display_name=name, email_confirmed_at=timezone.now())
    factories.MembershipFactory(user=user, organisation=organisation, role=role, state=MembershipState.ACTIVE)
    return user


@pytest.fixture
def scene(transactional_db):
    kainuu = factories.RegionFactory(code="18", name_fi="Kainuu", name_sv="Kajanaland", name_en="Kainuu")
    kuhmo = factories.OrganisationFactory(name_fi="Kuhmo", slug="kuhmo", region=kainuu, population=8_000)
    coordinating = factories.OrganisationFactory(
        name_fi="Kuntaliitto",
        slug="kuntaliitto",
        code=None,
        kind=OrganisationKind.COORDINATOR,
        population=None,
    )
    building = factories.ServiceClassFactory(code="P2", name_fi="Rakennettu ympäristö")
    call = Call.objects.create(
        title="Luvat verkossa",
        slug="luvat-verkossa",
        theme="Lupa-asiointi verkkoon.",
        support_offered="Asiantuntija-apua.",
        deadline=timezone.localdate() + timedelta(days=20),
    )
    call.service_classes.set([building])
    return {
        "call": call,
        "editor": person(kuhmo, MembershipRole.EDITOR, "Eero Editori"),
        "coordinator": person(coordinating, MembershipRole.COORDINATOR, "Kaisa Koordinaattori"),
    }


def log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_an_experiment_from_submission_to_a_draft_solution(page, live_server, scene):
    call = scene["call"]
    log_in(page, live_server, scene["editor"])
    page.goto(f"/fi/experiments/calls/{call.slug}/")
    assert_wcag22(page)
    page.get_by_role("link", name="Jätä kokeilu").click()
    page.fill('input[name="title"]', "Rakennuslupa verkossa")
    page.fill('textarea[name="hypothesis"]', "Sähköinen hakemus lyhentää käsittelyä.")
    page.fill('input[name="service_changed"]', "Rakennuslupa")
    page.fill('input[name="measure"]', "käsittelyaika")
    page.fill('input[name="unit"]', "päivää")
    page.fill('input[name="baseline"]', "40")
    page.fill('input[name="target"]', "28")
    page.fill('input[name="period_start"]', "2026-05-01")
    page.fill('input[name="period_end"]', "2026-01-01")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_contain_text("Jakson on päätyttävä")
    assert (
        page.locator('textarea[name="hypothesis"]').input_value() == "Sähköinen hakemus lyhentää käsittelyä."
    )
    assert_wcag22(page)
    page.fill('input[name="period_end"]', "2026-10-31")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Odottaa tarkastusta")
    assert_wcag22(page)
    experiment_path = urlsplit(page.url).path

    log_in(page, live_server, scene["coordinator"])
    page.goto("/fi/moderation/")
    expect(page.locator("main")).to_contain_text("Rakennuslupa verkossa")
    assert_wcag22(page)
    page.get_by_role("link", name="Rakennuslupa verkossa").click()
    page.locator('input[name="review-decision"][value="approve"]').check()
    page.get_by_role("button", name="Kirjaa päätös").click()
    expect(page.locator("main")).to_contain_text("Päätös kirjattu.")

    log_in(page, live_server, scene["editor"])
    page.goto(experiment_path)
    page.get_by_role("button", name="Aloita kokeilu").click()
    expect(page.locator("main")).to_contain_text("Kokeilu on käynnissä.")
    assert_wcag22(page)
    page.fill('input[name="finish-measured_result"]', "30")
    page.fill('input[name="finish-savings_euros_per_year"]', "12000")
    page.get_by_role("button", name="Päätä kokeilu", exact=True).click()
    expect(page.locator("main")).to_contain_text("Kokeilu on päättynyt.")
    assert_wcag22(page)
    page.locator('input[name="solution-kind"][value="experience"]').check()
    page.get_by_role("button", name="Tee siitä ratkaisuluonnos").click()
    expect(page.locator("h1")).to_have_text("Rakennuslupa verkossa")
    assert "/solutions/" in page.url


def test_lists_and_savings_pass_axe(page, scene):
    kuhmo = scene["editor"].memberships.get().organisation
    experiment = Experiment.objects.create(
        call=scene["call"],
        organisation=kuhmo,
        slug="mitattu",
        title="Mitattu kokeilu",
        hypothesis="Hypoteesi",
        service_changed="Rakennuslupa",
        measure="käsittelyaika",
        unit="päivää",
        baseline=Decimal(40),
        target=Decimal(28),
        period_start=date(2025, 1, 1),
        period_end=date(2025, 6, 30),
        review_state=ReviewState.PUBLISHED,
        status=ExperimentStatus.FINISHED,
        measured_result=Decimal(30),
        savings_euros_per_year=Decimal(12000),
        savings_hours_per_year=300,
        submitted_at=timezone.now(),
        published_at=timezone.now(),
    )
    experiment.service_classes.set(scene["call"].service_classes.all())
    page.goto("/fi/experiments/")
    expect(page.locator("main")).to_contain_text("Mitattu kokeilu")
    assert_wcag22(page)
    page.goto("/fi/savings/?by=region")
    expect(page.locator("main table").first).to_contain_text("12")
    expect(page.locator("main svg")).to_have_count(1)
    assert_wcag22(page)
    page.goto("/fi/experiments/mitattu/")
    assert_wcag22(page)


def test_lists_and_savings_without_javascript(browser, live_server, scene):
    # axe-core runs as script, so these pages are checked for it with script on, above.
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="fi-FI")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto("/fi/experiments/")
    expect(page.locator("main")).to_contain_text("Luvat verkossa")
    page.select_option('select[name="call"]', "luvat-verkossa")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"call=luvat-verkossa"))
    expect(page.locator("main")).to_contain_text("0 kokeilua")
    page.goto("/fi/savings/?by=region")
    expect(page.locator("h1")).to_have_text("Säästöt yhteensä")
    context.close()
