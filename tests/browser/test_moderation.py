"""A coordinator in a real browser: the queue and the review page pass axe-core's WCAG 2.1 A/AA rules,
and a decision with a ready reason can be made with the keyboard alone."""

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from municipalities.models import MembershipRole, OrganisationKind
from solutions.models import ItemKind, ModerationItem, ModerationState
from solutions.moderation.forms import CANNED_TEXT
from solutions.services import publishing as workflow
from tests import factories
from tests.conftest import member_of


@pytest.fixture
def people(transactional_db):
    organisation = factories.OrganisationFactory(name_fi="Kuhmo", slug="kuhmo")
    coordinating = factories.OrganisationFactory(
        name_fi="Kuntaliitto",
        slug="kuntaliitto",
        code=None,
        kind=OrganisationKind.COORDINATOR,
        population=None,
    )
    editor = member_of(organisation, MembershipRole.EDITOR, display_name="Eero Editori")
    coordinator = member_of(coordinating, MembershipRole.COORDINATOR, display_name="Kaisa Koordinaattori")
    return organisation, editor, coordinator


@pytest.fixture
def items(people):
    organisation, editor, _coordinator = people
    draft = factories.SolutionFactory(
        organisation=organisation,
        title="Tilavarausjärjestelmä",
        description="## Käyttö\n\nKuntalaiset varaavat tiloja verkossa.",
        moderation_state=ModerationState.DRAFT,
        published_at=None,
    )
    submission = workflow.submit(draft, editor)
    published = factories.SolutionFactory(organisation=organisation, title="Koulukuljetukset", tags=["kyyti"])
    data = {
        **workflow.solution_data(published),
        "summary": "Koulukyydit sovitaan verkossa.",
        "tags": ["kyyti"],
    }
    revision = workflow.propose_revision(published, editor, data)
    revision_item = ModerationItem.objects.get(kind=ItemKind.REVISION, object_id=revision.pk)
    return submission, revision_item


def log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_the_queue_is_accessible(page, live_server, people, items, assert_accessible):
    log_in(page, live_server, people[2])
    response = page.goto("/fi/moderation/")
    assert (response.status, page.locator("tbody tr").count()) == (200, 2)
    assert_accessible(page)


@pytest.mark.parametrize("which", ["submission", "revision"])
def test_the_review_page_is_accessible(which, page, live_server, people, items, assert_accessible):
    log_in(page, live_server, people[2])
    item = items[0] if which == "submission" else items[1]
    response = page.goto(f"/fi/moderation/{item.pk}/")
    assert (response.status, page.locator("h1").count()) == (200, 1)
    assert_accessible(page)


def tab_to(page, selector, limit=150):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_a_coordinator_requests_changes_with_a_ready_reason_using_the_keyboard(
    page, live_server, people, items, assert_accessible
):
    log_in(page, live_server, people[2])
    submission = items[0]
    page.goto(f"/fi/moderation/{submission.pk}/")
    tab_to(page, "input[name=decision]")
    page.keyboard.press("ArrowDown")
    tab_to(page, "select[name=canned_reason]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    filled = page.input_value("textarea[name=reason]")
    tab_to(page, "textarea[name=reason]")
    page.keyboard.press("End")
    page.keyboard.type(" Kiitos!")
    tab_to(page, "form[method=post] button[type=submit]:not(.button-secondary)")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fi/moderation/")
    submission.refresh_from_db()
    decision = submission.decisions.get()
    with translation.override("fi"):  # the page was /fi/; the test thread's language is whatever ran last
        ready_reason = str(CANNED_TEXT["contact"])
    assert (filled, decision.decision, decision.reason, submission.target.moderation_state) == (
        ready_reason,
        "changes_requested",
        f"{ready_reason} Kiitos!",
        ModerationState.CHANGES_REQUESTED,
    )
    assert_accessible(page)


def test_claiming_with_the_keyboard_shows_the_reviewer(page, live_server, people, items):
    log_in(page, live_server, people[2])
    page.goto("/fi/moderation/")
    tab_to(page, "form[action$='/claim/'] button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    claimed = ModerationItem.objects.filter(claimed_by=people[2]).count()
    assert (claimed, page.locator("form[action$='/release/']").count()) == (1, 1)
