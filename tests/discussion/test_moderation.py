"""Reports, the moderation queue, hiding, a new account's first post and rate limits."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.urls import reverse

from solutions.community.models import Comment, PostState, Report
from solutions.community.services import moderation
from solutions.models import Decision, ItemKind, ItemState, ModerationDecision, ModerationItem
from tests import factories
from tests.checks import validate_html
from tests.concurrency import run_at_once
from tests.conftest import member_of
from tests.discussion.helpers import PERSONAS, comment_on, new_member, trust

pytestmark = pytest.mark.django_db


def report_url(comment):
    return reverse("solutions:discussion:report", args=["comment", comment.pk])


def hide_url(comment):
    return reverse("solutions:discussion:hide", args=["comment", comment.pk])


@pytest.fixture
def comment(organisation, solution):
    author = trust(new_member(organisation, display_name="Kalle Kirjoittaja"))
    return comment_on(solution, author, "Tämä on asiatonta mainontaa: osta nyt!")


class TestReports:
    @pytest.mark.parametrize("persona", [name for name in PERSONAS if name != "unverified"])
    def test_anyone_with_a_confirmed_address_reports(self, request, client_for, comment, persona):
        response = client_for(request.getfixturevalue(persona)).post(
            report_url(comment), {"reason": "Mainos"}
        )
        assert response.status_code == 200
        assert "Thank you for the report" in response.content.decode()
        assert Report.objects.get().reason == "Mainos"

    def test_an_unconfirmed_account_cannot_report(self, client_for, unverified, comment):
        # One unconfirmed account could otherwise fill the queue with reports.
        assert client_for(unverified).post(report_url(comment), {"reason": "Mainos"}).status_code == 403
        assert not Report.objects.exists()

    def test_visitor_logs_in_first(self, client, comment):
        response = client.post(report_url(comment), {"reason": "Mainos"})
        assert response.status_code == 302
        assert not Report.objects.exists()

    def test_author_cannot_report_own_comment(self, client_for, comment):
        assert client_for(comment.author).post(report_url(comment), {"reason": "x"}).status_code == 403

    def test_a_reason_is_needed(self, client_for, editor, comment):
        response = client_for(editor).post(report_url(comment), {"reason": ""})
        assert response.status_code == 400
        assert not Report.objects.exists()

    def test_reports_of_one_comment_share_one_queue_item(self, client_for, editor, outsider_admin, comment):
        client_for(editor).post(report_url(comment), {"reason": "Mainos"})
        client_for(outsider_admin).post(report_url(comment), {"reason": "Roskapostia"})
        item = ModerationItem.objects.get()
        assert (item.kind, item.state, item.target) == (ItemKind.REPORT, ItemState.OPEN, comment)
        assert Report.objects.count() == 2

    def test_answers_and_help_requests_can_be_reported(self, client_for, editor, trusted, organisation):
        from solutions.community.models import Answer, HelpRequest

        help_request = HelpRequest.objects.create(
            author=trusted, organisation=organisation, title="Kysymys", question="Miten?"
        )
        answer = Answer.objects.create(
            help_request=help_request, author=trusted, organisation=organisation, body="Näin."
        )
        client = client_for(editor)
        for kind, post in (("help-request", help_request), ("answer", answer)):
            url = reverse("solutions:discussion:report", args=[kind, post.pk])
            assert client.post(url, {"reason": "Asiaton"}).status_code == 200
        assert ModerationItem.objects.filter(kind=ItemKind.REPORT).count() == 2


class TestHiding:
    def test_coordinator_hides_with_a_reason_and_a_placeholder_stays(
        self, client, client_for, editor, coordinator, comment, solution
    ):
        client_for(editor).post(report_url(comment), {"reason": "Mainos"})
        response = client_for(coordinator).post(hide_url(comment), {"reason": "Mainontaa"})
        assert response.status_code == 302
        page = client.get(solution.get_absolute_url()).content.decode()
        assert "osta nyt" not in page
        assert "Removed by moderation." in page
        item = ModerationItem.objects.get()
        assert (item.state, item.decision, item.decided_by) == (
            ItemState.DECIDED,
            Decision.HIDDEN,
            coordinator,
        )
        decision = ModerationDecision.objects.get()
        assert (decision.reason, decision.target, decision.item) == ("Mainontaa", comment, item)
        assert Report.objects.get().resolved_at is not None

    def test_a_reason_is_required(self, client_for, coordinator, comment):
        assert client_for(coordinator).post(hide_url(comment), {"reason": ""}).status_code == 400
        comment.refresh_from_db()
        assert comment.state == PostState.PUBLISHED

    @pytest.mark.parametrize("persona", ["member", "editor", "org_admin", "outsider_admin"])
    def test_only_coordinators_hide(self, request, client_for, comment, persona):
        response = client_for(request.getfixturevalue(persona)).post(hide_url(comment), {"reason": "x"})
        assert response.status_code == 403
        comment.refresh_from_db()
        assert comment.state == PostState.PUBLISHED

    def test_a_second_coordinator_is_told(self, client_for, coordinator, coordinating_organisation, comment):
        other = member_of(coordinating_organisation, "coordinator", display_name="Toinen Koordinaattori")
        client_for(coordinator).post(hide_url(comment), {"reason": "Mainontaa"})
        response = client_for(other).post(hide_url(comment), {"reason": "Myös minusta"})
        assert response.status_code == 409
        assert "Kaisa Koordinaattori already decided" in response.content.decode()
        assert ModerationDecision.objects.count() == 1

    def test_dismissing_keeps_the_comment(self, client_for, editor, coordinator, comment):
        client_for(editor).post(report_url(comment), {"reason": "En pidä tästä"})
        item = ModerationItem.objects.get()
        response = client_for(coordinator).post(
            reverse("solutions:discussion:dismiss_reports", args=[item.pk]), {"reason": "Asiallinen"}
        )
        assert response.status_code == 302
        comment.refresh_from_db()
        item.refresh_from_db()
        assert (comment.state, item.state, item.decision) == (
            PostState.PUBLISHED,
            ItemState.DECIDED,
            Decision.APPROVED,
        )
        again = client_for(coordinator).post(reverse("solutions:discussion:dismiss_reports", args=[item.pk]))
        assert again.status_code == 409

    def test_queue_links_to_the_decision_page(self, client_for, editor, coordinator, comment):
        client_for(editor).post(report_url(comment), {"reason": "Mainos"})
        item = ModerationItem.objects.get()
        client = client_for(coordinator)
        queue = client.get(reverse("solutions:moderation_queue")).content.decode()
        item_url = reverse("solutions:discussion:moderation_item", args=[item.pk])
        assert item_url in queue
        page = client.get(item_url)
        assert "Mainos" in page.content.decode()
        assert client_for(editor).get(item_url).status_code == 403
        assert validate_html({"item": page.content.decode()}) == []


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_hiding_at_once_make_one_decision(organisation, coordinating_organisation):
    if connection.vendor != "postgresql":
        pytest.skip("Row locks need PostgreSQL.")
    author = trust(new_member(organisation))
    target = comment_on(factories.SolutionFactory(organisation=organisation), author, "Asiaton")
    coordinators = [member_of(coordinating_organisation, "coordinator") for _ in range(2)]
    results = run_at_once(*[lambda c=c: moderation.hide(target, c, "Asiaton") for c in coordinators])
    outcomes = ["already decided" if isinstance(r, moderation.AlreadyDecided) else "hidden" for r in results]
    assert not [
        r for r in results if isinstance(r, Exception) and not isinstance(r, moderation.AlreadyDecided)
    ]
    assert sorted(outcomes) == ["already decided", "hidden"]
    assert (
        ModerationDecision.objects.filter(
            content_type=ContentType.objects.get_for_model(Comment), object_id=target.pk
        ).count()
        == 1
    )


class TestFirstPost:
    def test_first_comment_waits_for_moderation(self, client, client_for, organisation, solution):
        newcomer = new_member(organisation, display_name="Uusi Jäsen")
        client_for(newcomer).post(
            reverse("solutions:discussion:add_comment", args=[solution.slug]),
            {"body": "Ensimmäinen kommenttini", "organisation": organisation.pk},
        )
        comment = Comment.objects.get()
        assert comment.state == PostState.HELD
        assert "Ensimmäinen kommenttini" not in client.get(solution.get_absolute_url()).content.decode()
        own = client_for(newcomer).get(solution.get_absolute_url()).content.decode()
        assert "Ensimmäinen kommenttini" in own
        assert "Waiting for moderation" in own
        item = ModerationItem.objects.get()
        assert (item.kind, item.target, item.submitted_by) == (ItemKind.HELD_POST, comment, newcomer)

    def test_approving_publishes_it_and_later_posts_need_no_wait(
        self, client, client_for, coordinator, organisation, solution
    ):
        newcomer = new_member(organisation)
        url = reverse("solutions:discussion:add_comment", args=[solution.slug])
        client_for(newcomer).post(url, {"body": "Eka", "organisation": organisation.pk})
        item = ModerationItem.objects.get()
        assert (
            client_for(newcomer)
            .post(reverse("solutions:discussion:approve_held", args=[item.pk]))
            .status_code
            == 403
        )
        response = client_for(coordinator).post(reverse("solutions:discussion:approve_held", args=[item.pk]))
        assert response.status_code == 302
        assert "Eka" in client.get(solution.get_absolute_url()).content.decode()
        client_for(newcomer).post(url, {"body": "Toka", "organisation": organisation.pk})
        assert Comment.objects.get(body="Toka").state == PostState.PUBLISHED
        assert ModerationDecision.objects.get().decision == Decision.APPROVED

    def test_rejecting_keeps_it_from_readers(self, client, client_for, coordinator, organisation, solution):
        newcomer = new_member(organisation)
        client_for(newcomer).post(
            reverse("solutions:discussion:add_comment", args=[solution.slug]),
            {"body": "Roskaa", "organisation": organisation.pk},
        )
        item = ModerationItem.objects.get()
        response = client_for(coordinator).post(
            reverse("solutions:discussion:reject_held", args=[item.pk]), {"reason": "Roskapostia"}
        )
        assert response.status_code == 302
        assert "Roskaa" not in client.get(solution.get_absolute_url()).content.decode()
        assert ModerationDecision.objects.get().decision == Decision.REJECTED

    def test_coordinators_are_trusted_from_the_start(self, client_for, coordinator, solution):
        client_for(coordinator).post(
            reverse("solutions:discussion:add_comment", args=[solution.slug]),
            {"body": "Tervetuloa", "organisation": coordinator.memberships.get().organisation_id},
        )
        assert Comment.objects.get().state == PostState.PUBLISHED


class TestRateLimits:
    def test_the_eleventh_comment_in_ten_minutes_waits_and_the_text_is_kept(
        self, client_for, trusted, solution
    ):
        for number in range(9):  # With the earlier approved comment `trusted` brings, ten in all.
            comment_on(solution, trusted, f"Kommentti {number}")
        client = client_for(trusted)
        url = reverse("solutions:discussion:add_comment", args=[solution.slug])
        response = client.post(url, {"body": "Yksi liikaa", "organisation": solution.organisation.pk})
        assert response.status_code == 429
        page = response.content.decode()
        assert "Please wait" in page
        assert "Yksi liikaa" in page
        assert not Comment.objects.filter(body="Yksi liikaa").exists()

    def test_older_comments_do_not_count(self, client_for, trusted, solution):
        from tests.discussion.helpers import minutes_ago

        for number in range(12):
            comment_on(solution, trusted, f"Vanha {number}")
        Comment.objects.filter(author=trusted).update(created_at=minutes_ago(11))
        response = client_for(trusted).post(
            reverse("solutions:discussion:add_comment", args=[solution.slug]),
            {"body": "Uusi", "organisation": solution.organisation.pk},
        )
        assert response.status_code == 302
