"""A member marks in a real browser that their organisation uses a solution; it shows on the solution
page and on both organisations' pages, and every page on the way passes axe-core's WCAG 2.1 A/AA."""

from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from municipalities.models import MembershipRole, MembershipState
from tests import factories


@pytest.fixture
def scene(transactional_db):
    lappi = factories.RegionFactory(code="19", name_fi="Lappi", name_sv="Lappland", name_en="Lapland")
    kainuu = factories.RegionFactory(code="18", name_fi="Kainuu", name_sv="Kajanaland", name_en="Kainuu")
    kuhmo = factories.OrganisationFactory(name_fi="Kuhmo", slug="kuhmo", region=kainuu, population=8_000)
    salla = factories.OrganisationFactory(name_fi="Salla", slug="salla", region=lappi, population=3_300)
    solution = factories.SolutionFactory(
        organisation=kuhmo, title="Kirjaston digituki", slug="kirjaston-digituki"
    )
    member = factories.UserFactory(display_name="Sanna Sallasta", email_confirmed_at=timezone.now())
    factories.MembershipFactory(
        user=member, organisation=salla, role=MembershipRole.MEMBER, state=MembershipState.ACTIVE
    )
    return {"kuhmo": kuhmo, "salla": salla, "solution": solution, "member": member}


def log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_member_marks_use_and_it_shows_on_both_organisations_pages(
    page, live_server, scene, assert_accessible
):
    log_in(page, live_server, scene["member"])
    solution = scene["solution"]
    page.goto(f"/fi/solutions/{solution.slug}/")
    assert_accessible(page)
    page.locator('#reuse a[href$="/use/salla/"]').click()
    # The form's page has loaded, not just begun to (count() does not wait).
    page.wait_for_url("**/use/salla/")
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page)

    page.locator('input[name="status"][value="in_use"]').check()
    page.fill('input[name="since"]', "2025-02-01")
    page.fill('textarea[name="experience"]', "Otimme käyttöön kaikissa kirjastoissa.")
    page.fill('input[name="savings_euros_per_year"]', "-10")
    page.locator('main form button[type="submit"]').click()
    # The error keeps what was typed and says what is wrong, next to the field.
    expect(page.locator('input[name="savings_euros_per_year"][aria-invalid="true"]')).to_have_count(1)
    assert (
        page.locator('textarea[name="experience"]').input_value() == "Otimme käyttöön kaikissa kirjastoissa."
    )
    assert_accessible(page)

    page.fill('input[name="savings_euros_per_year"]', "2500")
    page.locator('main form button[type="submit"]').click()
    page.wait_for_url(lambda url: urlsplit(url).path == f"/fi/solutions/{solution.slug}/")
    reuse = page.locator("#reuse")
    expect(reuse).to_contain_text("Salla")
    expect(reuse).to_contain_text("Otimme käyttöön kaikissa kirjastoissa.")
    assert_accessible(page)

    page.goto("/fi/organisations/salla/")
    assert solution.title in page.locator("#reuse").inner_text()
    assert_accessible(page)

    page.goto("/fi/organisations/kuhmo/")
    shared = page.locator("#reuse")
    assert solution.title in shared.inner_text()
    assert shared.locator(".reuse-balance dd").first.inner_text().strip() == "1"
    assert_accessible(page)


def test_visitor_sees_reuse_on_the_list_sorted_by_reuse(page, scene, assert_accessible):
    from solutions.community.models import Adoption

    Adoption.objects.create(organisation=scene["salla"], solution=scene["solution"], status="in_use")
    page.goto("/fi/solutions/?sort=reuse")
    assert page.locator(".card-reuse").count() == 1
    assert_accessible(page)
