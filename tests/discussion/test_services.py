"""The discussion services hold their rules whoever calls them: the held-first-post gate, edits of a
just-approved post, rate limits under parallel requests, and four eyes in moderation."""

import pytest
from django.core.exceptions import PermissionDenied

from municipalities.models import MembershipRole
from solutions.community.models import Comment, PostState
from solutions.community.services import discussion, moderation
from solutions.models import ItemKind, ItemState, ModerationItem, ModerationState
from solutions.services import publishing
from tests import factories
from tests.concurrency import run_at_once
from tests.conftest import member_of
from tests.discussion.helpers import new_member, trust


def write(solution, author, body="Kommentti", organisation=None):
    organisation = organisation or author.memberships.first().organisation
    comment = Comment(solution=solution, author=author, organisation=organisation, body=body)
    held = discussion.save_post(comment)
    return comment, held


def held_item(post):
    return ModerationItem.objects.get(object_id=post.pk, kind=ItemKind.HELD_POST, state=ItemState.OPEN)


def test_a_rejected_first_post_does_not_open_the_gate(solution, other_organisation, coordinator):
    newcomer = new_member(other_organisation)
    first, held = write(solution, newcomer, "Osta halpoja kelloja!")
    assert held
    moderation.reject_held(held_item(first), coordinator, "Mainos")
    second, held_again = write(solution, newcomer, "Entä nyt?")
    assert held_again
    assert Comment.objects.get(pk=second.pk).state == PostState.HELD


def test_after_an_approved_first_post_the_next_appears_at_once(solution, other_organisation, coordinator):
    newcomer = new_member(other_organisation)
    first, _ = write(solution, newcomer)
    moderation.approve_held(held_item(first), coordinator)
    _, held = write(solution, newcomer, "Toinen")
    assert not held


def test_editing_the_just_approved_first_post_sends_it_back_to_the_queue(
    solution, other_organisation, coordinator
):
    newcomer = new_member(other_organisation)
    first, _ = write(solution, newcomer, "Hyvä ratkaisu.")
    moderation.approve_held(held_item(first), coordinator)
    edited = discussion.edit_comment(newcomer, first, "Osta halpoja kelloja osoitteesta …")
    assert edited.state == PostState.HELD
    assert held_item(first).kind == ItemKind.HELD_POST


def test_a_trusted_author_edits_without_waiting(solution, member):
    trust(member)
    comment, _ = write(solution, member, "Alkuperäinen")
    edited = discussion.edit_comment(member, comment, "Korjattu")
    assert (edited.state, edited.body) == (PostState.PUBLISHED, "Korjattu")


def test_services_check_permission_themselves(solution, member, unverified):
    trust(member)
    comment, _ = write(solution, member)
    other = member_of(factories.OrganisationFactory(), MembershipRole.MEMBER)
    with pytest.raises(PermissionDenied):
        discussion.edit_comment(other, comment, "Ei minun")
    with pytest.raises(PermissionDenied):
        discussion.delete_comment(other, comment)
    with pytest.raises(PermissionDenied):
        moderation.hide(comment, member, "Itse")
    with pytest.raises(PermissionDenied):
        write(solution, unverified, organisation=solution.organisation)


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_parallel_comments_cannot_pass_the_rate_limit(organisation):
    solution = factories.SolutionFactory(organisation=organisation)
    author = trust(member_of(organisation, MembershipRole.MEMBER))
    limit = discussion.limit_for(Comment).posts
    before = Comment.objects.filter(author=author).count()  # the trusted post counts too

    def one():
        return write(solution, author)

    results = run_at_once(*[one for _ in range(limit + 5)])
    refused = [result for result in results if isinstance(result, discussion.RateLimited)]
    assert Comment.objects.filter(author=author).count() == limit
    assert len(refused) == limit + 5 - (limit - before)


class TestFourEyes:
    @pytest.fixture
    def submission(self, organisation, coordinator):
        # The coordinator is also an editor of a municipality and submits its solution.
        factories.MembershipFactory(user=coordinator, organisation=organisation, role=MembershipRole.EDITOR)
        draft = factories.SolutionFactory(
            organisation=organisation, moderation_state=ModerationState.DRAFT, published_at=None
        )
        return publishing.submit(draft, coordinator)

    def test_no_one_approves_their_own_organisations_submission(
        self, submission, coordinator, coordinating_organisation
    ):
        member_of(coordinating_organisation, MembershipRole.COORDINATOR, display_name="Toinen Koordinaattori")
        with pytest.raises(PermissionDenied):
            publishing.approve(submission, coordinator)

    def test_another_coordinator_does(self, submission, coordinating_organisation):
        other = member_of(coordinating_organisation, MembershipRole.COORDINATOR)
        publishing.approve(submission, other)
        submission.refresh_from_db()
        assert submission.decision == "approved"

    def test_a_team_of_one_needs_the_setting_and_is_logged(self, submission, coordinator, settings, caplog):
        with pytest.raises(PermissionDenied):
            publishing.approve(submission, coordinator)
        settings.MODERATION_ALLOW_SOLE_COORDINATOR = True
        publishing.approve(submission, coordinator)
        assert "own organisation" in caplog.text


def test_the_review_page_says_why_a_coordinator_cannot_decide_their_own(
    client_for, organisation, coordinator, coordinating_organisation
):
    from django.urls import reverse

    factories.MembershipFactory(user=coordinator, organisation=organisation, role=MembershipRole.EDITOR)
    draft = factories.SolutionFactory(
        organisation=organisation, moderation_state=ModerationState.DRAFT, published_at=None
    )
    item = publishing.submit(draft, coordinator)
    member_of(coordinating_organisation, MembershipRole.COORDINATOR)
    page = client_for(coordinator).get(reverse("solutions:moderation_review", args=[item.pk]))
    html = page.content.decode()
    assert "Your own organisation sent this: another coordinator decides on it." in html
    assert 'name="decision"' not in html


class TestReports:
    @pytest.fixture
    def comment(self, solution, member):
        trust(member)
        comment, _ = write(solution, member, "Kommentti")
        return comment

    def test_an_unconfirmed_account_cannot_report(self, comment, unverified):
        with pytest.raises(PermissionDenied):
            moderation.report(comment, unverified, "Roskaa")

    def test_reports_are_limited_per_person(self, comment, outsider_admin):
        for index in range(moderation.REPORT_LIMIT.posts):
            moderation.report(comment, outsider_admin, f"Syy {index}")
        with pytest.raises(moderation.ReportLimited):
            moderation.report(comment, outsider_admin, "Vielä yksi")

    def test_the_reports_a_person_filed_are_in_their_data_export(self, comment, outsider_admin):
        from municipalities.accounts.export import export_user_data

        moderation.report(comment, outsider_admin, "Mainos")
        assert [report["reason"] for report in export_user_data(outsider_admin)["reports"]] == ["Mainos"]
