"""The moderation queue: coordinators only, oldest first, filters, claims, any kind of item."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from municipalities.models import MembershipRole
from solutions.models import ItemKind, ModerationItem
from tests import factories
from tests.conftest import member_of
from tests.moderation.conftest import age

QUEUE = reverse("solutions:moderation_queue")


def test_visitors_are_sent_to_log_in(client, db):
    response = client.get(QUEUE)
    assert (response.status_code, "next=" in response["Location"]) == (302, True)


@pytest.mark.parametrize("persona", ["unverified", "member", "editor", "org_admin", "outsider_admin"])
def test_everyone_but_coordinators_is_refused(persona, request, client_for):
    user = request.getfixturevalue(persona)
    assert client_for(user).get(QUEUE).status_code == 403


def test_items_wait_oldest_first_with_kind_organisation_and_waiting_time(
    coordinator, client_for, submit, propose, other_organisation, editor
):
    age(submit(title="Uusi hakemus"), 1)
    age(submit(title="Vanha hakemus"), 9)
    published = factories.SolutionFactory(
        organisation=editor.memberships.get().organisation, title="Julkaistu"
    )
    age(propose(published, summary="Uusi tiivistelmä"), 3)
    response = client_for(coordinator).get(QUEUE)
    html = response.content.decode().replace("\xa0", " ")
    assert [item.label for item in response.context["rows"]] == ["Vanha hakemus", "Julkaistu", "Uusi hakemus"]
    assert "1 viikko, 2 päivää" in html


def test_the_waiting_time_is_in_the_language_of_the_page(coordinator, client_for, submit):
    age(submit(), 2)
    html = client_for(coordinator).get("/en/moderation/").content.decode().replace("\xa0", " ")
    assert "2 days" in html


def test_filters_narrow_the_queue_by_kind(coordinator, client_for, submit, propose, editor):
    submit(title="Hakemus")
    published = factories.SolutionFactory(
        organisation=editor.memberships.get().organisation, title="Julkaistu"
    )
    propose(published, summary="Muutos")
    response = client_for(coordinator).get(QUEUE, {"kind": ItemKind.REVISION})
    assert [item.label for item in response.context["rows"]] == ["Julkaistu"]


def test_filters_narrow_the_queue_by_organisation(
    coordinator, client_for, submit, other_organisation, organisation
):
    salla_editor = member_of(other_organisation, MembershipRole.EDITOR)
    submit(title="Kuhmon")
    submit(title="Sallan", organisation=other_organisation, by=salla_editor)
    response = client_for(coordinator).get(QUEUE, {"organisation": "salla"})
    assert [item.label for item in response.context["rows"]] == ["Sallan"]


def test_claiming_shows_the_reviewer_to_other_coordinators(
    coordinator, other_coordinator, client_for, submit
):
    item = submit(title="Hakemus")
    client_for(coordinator).post(reverse("solutions:moderation_claim", args=[item.pk]))
    html = client_for(other_coordinator).get(QUEUE).content.decode()
    assert "Kaisa Koordinaattori" in html


def test_claimed_by_me_and_unclaimed_filters(coordinator, other_coordinator, client_for, submit):
    mine, theirs = submit(title="Minun"), submit(title="Toisen")
    submit(title="Vapaa")
    client_for(coordinator).post(reverse("solutions:moderation_claim", args=[mine.pk]))
    client_for(other_coordinator).post(reverse("solutions:moderation_claim", args=[theirs.pk]))
    client = client_for(coordinator)
    labels = [
        [item.label for item in client.get(QUEUE, {"claimed": claimed}).context["rows"]]
        for claimed in ("mine", "unclaimed")
    ]
    assert labels == [["Minun"], ["Vapaa"]]


def test_releasing_gives_the_item_back(coordinator, client_for, submit):
    item = submit()
    client = client_for(coordinator)
    client.post(reverse("solutions:moderation_claim", args=[item.pk]))
    client.post(reverse("solutions:moderation_release", args=[item.pk]))
    item.refresh_from_db()
    assert item.claimed_by is None


def test_claiming_an_item_someone_else_reviews_says_who(coordinator, other_coordinator, client_for, submit):
    item = submit()
    client_for(other_coordinator).post(reverse("solutions:moderation_claim", args=[item.pk]))
    response = client_for(coordinator).post(
        reverse("solutions:moderation_claim", args=[item.pk]), {"next": QUEUE}, follow=True
    )
    assert "Ville Valvoja" in response.content.decode()


def test_claiming_needs_a_post(coordinator, client_for, submit):
    item = submit()
    assert (
        client_for(coordinator).get(reverse("solutions:moderation_claim", args=[item.pk])).status_code == 405
    )


def test_claiming_is_for_coordinators_only(editor, client_for, submit):
    item = submit()
    response = client_for(editor).post(reverse("solutions:moderation_claim", args=[item.pk]))
    item.refresh_from_db()
    assert (response.status_code, item.claimed_by) == (403, None)


def test_a_claim_never_redirects_off_the_site(coordinator, client_for, submit):
    item = submit()
    response = client_for(coordinator).post(
        reverse("solutions:moderation_claim", args=[item.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("solutions:moderation_review", args=[item.pk])


def test_any_kind_of_item_shows_in_the_queue(coordinator, client_for, organisation):
    # A kind without its own template (a reported comment, later) still shows, through the default row.
    ModerationItem.objects.create(
        content_type=ContentType.objects.get_for_model(organisation),
        object_id=organisation.pk,
        kind=ItemKind.REPORT,
        organisation=organisation,
        submitted_at=timezone.now(),
    )
    html = client_for(coordinator).get(QUEUE).content.decode()
    assert "Kuhmo" in html


def test_the_queue_needs_the_same_number_of_queries_however_long_it_is(
    coordinator, client_for, submit, propose, editor, other_organisation
):
    """Every kind of item at once: submissions, edits, reported posts and held first posts."""
    from solutions.community.models import Answer, Comment, HelpRequest
    from solutions.community.services import discussion, moderation
    from tests.conftest import member_of
    from tests.discussion.helpers import trust

    client = client_for(coordinator)
    organisation = editor.memberships.get().organisation
    reporter = member_of(other_organisation, "member")

    def fill(n):
        for index in range(n):
            submit()
            solution = factories.SolutionFactory(organisation=organisation)
            propose(solution, summary=f"Muutos {index}")
            writer = trust(member_of(other_organisation, "member"))
            comment = Comment(
                solution=solution, author=writer, organisation=other_organisation, body="Mainos"
            )
            discussion.save_post(comment)
            moderation.report(comment, reporter, "Roskapostia")
            newcomer = member_of(other_organisation, "member")
            request = HelpRequest(author=newcomer, organisation=other_organisation, title=f"Apua {index}")
            request.question = "Miten?"
            discussion.save_post(request)  # a new account's first post: held
            help_request = HelpRequest.objects.create(
                author=editor,
                organisation=organisation,
                title=f"Kysymys {index}",
                question="?",
                state="published",
            )
            answerer = member_of(other_organisation, "member")
            answer = Answer(help_request=help_request, author=answerer, organisation=other_organisation)
            answer.body = "Vastaus"
            discussion.save_post(answer)  # held as well

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(QUEUE).status_code == 200
        return len(queries)

    fill(1)
    small = count()
    fill(8)
    assert count() == small
