"""Discussion and help requests in a real browser: a comment reported and removed by a coordinator,
a help request answered with a linked solution and accepted, and every new page under axe-core."""

import pytest
from django.conf import settings
from django.test import Client

from municipalities.models import MembershipRole, OrganisationKind
from solutions.community.models import Comment, HelpRequest, PostState
from tests import factories
from tests.conftest import member_of
from tests.discussion.helpers import trust


@pytest.fixture
def people(transactional_db):
    kuhmo = factories.OrganisationFactory(name_fi="Kuhmo", slug="kuhmo", population=8_000)
    salla = factories.OrganisationFactory(name_fi="Salla", slug="salla", population=3_300)
    coordinating = factories.OrganisationFactory(
        name_fi="Kuntaliitto",
        slug="kuntaliitto",
        code=None,
        kind=OrganisationKind.COORDINATOR,
        population=None,
    )
    return {
        "asker": trust(member_of(kuhmo, MembershipRole.MEMBER, display_name="Maija Jäsen")),
        "helper": trust(member_of(salla, MembershipRole.MEMBER, display_name="Olli Sallalainen")),
        "coordinator": member_of(
            coordinating, MembershipRole.COORDINATOR, display_name="Kaisa Koordinaattori"
        ),
        "kuhmo": kuhmo,
    }


def log_in(page, live_server, user):
    page.context.clear_cookies()
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_a_comment_is_reported_and_removed(page, live_server, people, assert_accessible):
    solution = factories.SolutionFactory(
        organisation=people["kuhmo"], title="Kirjaston tilavaraus", slug="tilavaraus"
    )
    log_in(page, live_server, people["asker"])
    page.goto(f"/en/solutions/{solution.slug}/")
    page.get_by_label("Comment", exact=True).fill("Ostakaa halpoja kelloja osoitteesta example.com!")
    page.get_by_role("button", name="Send comment").click()
    page.wait_for_selector("article.comment")
    assert_accessible(page)
    comment = Comment.objects.get(solution=solution)

    log_in(page, live_server, people["helper"])
    page.goto(f"/en/solutions/{solution.slug}/")
    page.locator(f"#comment-{comment.pk}").get_by_role("link", name="Report").click()
    assert_accessible(page)
    page.get_by_label("Why should a moderator look at this?").fill("Mainostusta")
    page.get_by_role("button", name="Send the report").click()
    page.get_by_role("heading", name="Thank you for the report").wait_for()

    log_in(page, live_server, people["coordinator"])
    page.goto("/en/moderation/")
    page.get_by_role("link", name="Ostakaa halpoja").click()
    assert "Mainostusta" in page.content()
    assert_accessible(page)
    page.get_by_label("Reason for removing").fill("Mainontaa, ei liity ratkaisuun.")
    page.get_by_role("button", name="Remove from view").click()
    page.wait_for_url("**/moderation/")

    page.context.clear_cookies()
    page.goto(f"/en/solutions/{solution.slug}/")
    assert "Removed by moderation." in page.content()
    assert "halpoja kelloja" not in page.content()
    comment.refresh_from_db()
    assert comment.state == PostState.HIDDEN


def test_a_help_request_is_answered_with_a_solution_and_accepted(
    page, live_server, people, assert_accessible
):
    linked = factories.SolutionFactory(title="Sallan liikuntavuorojen varaus", slug="sallan-varaus")
    log_in(page, live_server, people["asker"])
    page.goto("/en/help/ask/")
    assert_accessible(page)
    page.get_by_label("Title").fill("Miten varaatte liikuntavuoroja?")
    # The suggestions appear beside the form while typing (help-suggest.js).
    page.locator("#help-suggestions").get_by_role("link", name="Sallan liikuntavuorojen varaus").wait_for()
    page.get_by_label("Question").fill("Varaukset tulevat nyt **sähköpostilla**.")
    page.get_by_role("button", name="Preview").click()
    page.get_by_role("heading", name="Check your help request").wait_for()
    assert page.locator(".preview .prose strong").inner_text() == "sähköpostilla"
    assert_accessible(page)
    page.get_by_role("button", name="Publish").click()
    page.get_by_role("heading", name="Miten varaatte liikuntavuoroja?").wait_for()
    help_request = HelpRequest.objects.get()

    log_in(page, live_server, people["helper"])
    page.goto("/en/help/")
    assert_accessible(page)
    page.get_by_role("link", name="Miten varaatte liikuntavuoroja?").click()
    page.get_by_label("Your answer").fill("Meillä on tähän valmis ratkaisu, katsokaa tämä.")
    # The long list of solutions is a searchable box (combobox.js): type, arrow down, Enter.
    box = page.get_by_role("combobox", name="Solutions in the catalogue that help")
    box.fill("liikuntavuor")
    box.press("ArrowDown")
    assert_accessible(page)
    box.press("Enter")
    page.get_by_role("button", name="Remove Sallan liikuntavuorojen varaus").wait_for()
    page.get_by_role("button", name="Send the answer").click()
    page.locator(".answer").first.wait_for()
    assert_accessible(page)

    page.goto(f"/en/solutions/{linked.slug}/")
    page.get_by_role("heading", name="Suggested in answers").wait_for()
    assert_accessible(page)

    log_in(page, live_server, people["asker"])
    page.goto(f"/en/help/{help_request.pk}/")
    page.get_by_role("button", name="Accept this answer").click()
    page.get_by_role("heading", name="Accepted answer", exact=False).wait_for()
    assert "Solved" in page.content()
    assert_accessible(page)
    help_request.refresh_from_db()
    assert help_request.is_solved
