"""Every list a person meets, at phone width (390 × 844): nothing runs off the side of the screen,
a table reads as labelled rows with no column hidden, and the page passes axe-core."""

import pytest
from django.conf import settings
from django.test import Client

from municipalities.models import MembershipRole, OrganisationKind
from solutions.community.models import HelpRequest, PostState
from solutions.interfaces.services.tokens import create_token
from solutions.models import ModerationState
from solutions.services import publishing as workflow
from tests import factories
from tests.conftest import member_of


@pytest.fixture
def scene(transactional_db):
    region = factories.RegionFactory(code="19", name_fi="Lappi", name_sv="Lappland", name_en="Lapland")
    kuhmo = factories.OrganisationFactory(
        name_fi="Kuhmon kaupunki ja sen pitkänimiset liikelaitokset",
        slug="kuhmo",
        region=region,
        population=8_000,
    )
    for number in range(3):
        factories.OrganisationFactory(name_fi=f"Kunta {number}", region=region, population=1_000 * number)
    coordinating = factories.OrganisationFactory(
        name_fi="Kuntaliitto",
        slug="kuntaliitto",
        code=None,
        kind=OrganisationKind.COORDINATOR,
        population=None,
    )
    admin = member_of(kuhmo, MembershipRole.ADMIN, display_name="Aino Ylläpitäjä")
    editor = member_of(kuhmo, MembershipRole.EDITOR, display_name="Eero Editori")
    coordinator = member_of(coordinating, MembershipRole.COORDINATOR, display_name="Kaisa Koordinaattori")
    factories.SolutionFactory(organisation=kuhmo, title="Koulukuljetusten verkkopalvelu")
    draft = factories.SolutionFactory(
        organisation=kuhmo,
        title="Tilavarausjärjestelmä kaikille kunnan tiloille ja laitteille",
        moderation_state=ModerationState.DRAFT,
        published_at=None,
    )
    workflow.submit(draft, editor)
    create_token(kuhmo, admin, name="Integraatio asianhallintaan", scopes=["read", "write:drafts", "submit"])
    HelpRequest.objects.create(
        author=editor,
        organisation=kuhmo,
        title="Miten järjestämme kutsuliikenteen kyydit haja-asutusalueella?",
        question="Etsimme ratkaisua.",
        state=PostState.PUBLISHED,
    )
    return {"admin": admin, "editor": editor, "coordinator": coordinator}


def log_in(page, live_server, user):
    page.context.clear_cookies()
    if user is None:
        return
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


LISTS = [
    (None, "/fi/organisations/"),
    (None, "/fi/regions/"),
    (None, "/fi/solutions/"),
    (None, "/fi/help/"),
    ("coordinator", "/fi/moderation/"),
    ("editor", "/fi/our-solutions/"),
    ("admin", "/fi/organisations/kuhmo/members/"),
    ("admin", "/fi/organisations/kuhmo/members/api-tokens/"),
    ("admin", "/fi/account/"),
]


def overflowing(page):
    """Elements whose right edge is beyond the screen's, as "tag.class" strings (including those a
    scrolling box would hide)."""
    return page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            return [...document.querySelectorAll("body *")]
                .filter(element => element.getBoundingClientRect().right > width + 1)
                .filter(element => element.getClientRects().length)
                // Text for screen readers only is clipped to nothing wherever it lies.
                .filter(element => !element.closest(".visually-hidden, .table-scroll > table > thead"))
                .map(element => element.tagName.toLowerCase() + "." + element.className);
        }"""
    )


@pytest.mark.parametrize(("who", "url"), LISTS)
def test_a_list_fits_a_phone_screen(phone_page, live_server, scene, assert_accessible, who, url):
    log_in(phone_page, live_server, scene[who] if who else None)
    response = phone_page.goto(url)
    assert response.status == 200
    assert overflowing(phone_page) == []
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    # Every cell of a table says which column it belongs to, since the column headers are not shown.
    # (A cell holding only an action button is named by the button.)
    for cell in phone_page.locator("main .table-scroll td:not(.actions)").all():
        label = cell.evaluate("cell => getComputedStyle(cell, '::before').content")
        assert label not in ("none", "normal", ""), cell.inner_html()
    assert_accessible(phone_page)


def test_the_queue_button_is_on_the_phone_screen(phone_page, live_server, scene):
    log_in(phone_page, live_server, scene["coordinator"])
    phone_page.goto("/fi/moderation/")
    button = phone_page.get_by_role("button", name="Ota käsittelyyn").first
    box = button.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 390
    labels = phone_page.locator("main tbody tr td").evaluate_all(
        "cells => cells.map(cell => getComputedStyle(cell, '::before').content).join()"
    )
    assert "Lähettäjä" in labels
