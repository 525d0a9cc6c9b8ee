"""Comments on a solution: who may write, edit, delete and reply, and what readers see."""

import pytest
from django.urls import reverse
from django.utils import timezone

from municipalities.models import MembershipRole
from solutions.community.models import Comment, PostState
from solutions.models import ModerationState
from tests import factories
from tests.checks import validate_html
from tests.discussion.helpers import PERSONAS, comment_on, minutes_ago, trust

pytestmark = pytest.mark.django_db


def add_url(solution):
    return reverse("solutions:discussion:add_comment", args=[solution.slug])


def test_visitor_is_sent_to_log_in_and_sees_an_invitation(client, solution):
    response = client.post(add_url(solution), {"body": "Hei"})
    assert response.status_code == 302
    assert "login" in response["Location"]
    page = client.get(solution.get_absolute_url()).content.decode()
    # The invitation in the discussion section: a link to log in that brings the visitor back here.
    url = solution.get_absolute_url()
    assert f'<a href="/en/account/login/?next={url}">Log in to comment</a>' in page
    assert not Comment.objects.exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_comment(request, client_for, solution, persona):
    user = request.getfixturevalue(persona)
    organisation = user.memberships.first().organisation if user.memberships.exists() else None
    response = client_for(user).post(
        add_url(solution), {"body": "Käytämme tätä myös.", "organisation": getattr(organisation, "pk", "")}
    )
    if persona == "unverified":
        assert response.status_code == 403
        assert not Comment.objects.exists()
    else:
        assert response.status_code == 302
        assert Comment.objects.get().author == user


def test_no_comments_on_an_unpublished_solution(client_for, member, organisation):
    draft = factories.SolutionFactory(
        organisation=organisation, moderation_state=ModerationState.DRAFT, published_at=None
    )
    response = client_for(member).post(add_url(draft), {"body": "Hei", "organisation": organisation.pk})
    assert response.status_code == 404


def test_comment_shows_the_author_and_the_organisation_but_no_address(client, client_for, trusted, solution):
    client_for(trusted).post(
        add_url(solution),
        {"body": "Toimii meillä hyvin.\nSuosittelen!", "organisation": solution.organisation.pk},
    )
    page = client.get(solution.get_absolute_url()).content.decode()
    assert "Maija Jäsen" in page
    assert "Toimii meillä hyvin.<br>Suosittelen!" in page
    assert trusted.email not in page


def test_text_is_escaped(client, client_for, trusted, solution):
    client_for(trusted).post(
        add_url(solution), {"body": "<script>alert(1)</script>", "organisation": solution.organisation.pk}
    )
    page = client.get(solution.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)" in page


def test_a_member_of_several_organisations_chooses_whom_they_speak_for(
    client_for, trusted, other_organisation, solution
):
    factories.MembershipFactory(user=trusted, organisation=other_organisation, role=MembershipRole.MEMBER)
    client = client_for(trusted)
    page = client.get(solution.get_absolute_url()).content.decode()
    assert "I speak for" in page
    client.post(add_url(solution), {"body": "Sallan puolesta.", "organisation": other_organisation.pk})
    assert Comment.objects.get(body="Sallan puolesta.").organisation == other_organisation


def test_an_organisation_the_author_does_not_belong_to_is_refused(
    client_for, trusted, other_organisation, solution
):
    response = client_for(trusted).post(
        add_url(solution), {"body": "Hei", "organisation": other_organisation.pk}
    )
    assert response.status_code == 400
    assert not Comment.objects.filter(body="Hei").exists()


def test_an_empty_comment_keeps_the_form_with_a_message(client_for, trusted, solution):
    response = client_for(trusted).post(
        add_url(solution), {"body": "   ", "organisation": solution.organisation.pk}
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


class TestEditing:
    def test_author_edits_within_fifteen_minutes(self, client, client_for, trusted, solution):
        comment = comment_on(solution, trusted, "Kirjoitusvirhe")
        response = client_for(trusted).post(
            reverse("solutions:discussion:edit_comment", args=[comment.pk]), {"body": "Korjattu"}
        )
        assert response.status_code == 302
        comment.refresh_from_db()
        assert comment.body == "Korjattu"
        assert "edited" in client.get(solution.get_absolute_url()).content.decode()

    def test_after_fifteen_minutes_the_comment_stays_as_it_was(self, client_for, trusted, solution):
        comment = comment_on(solution, trusted, "Vanha")
        Comment.objects.filter(pk=comment.pk).update(created_at=minutes_ago(16))
        url = reverse("solutions:discussion:edit_comment", args=[comment.pk])
        assert client_for(trusted).post(url, {"body": "Uusi"}).status_code == 403
        comment.refresh_from_db()
        assert comment.body == "Vanha"

    @pytest.mark.parametrize("persona", ["editor", "org_admin", "outsider_admin", "coordinator"])
    def test_nobody_else_edits(self, request, client_for, trusted, solution, persona):
        comment = comment_on(solution, trusted, "Oma")
        url = reverse("solutions:discussion:edit_comment", args=[comment.pk])
        assert client_for(request.getfixturevalue(persona)).post(url, {"body": "Muutettu"}).status_code == 403


class TestDeleting:
    def test_author_deletes_and_a_placeholder_stays(self, client, client_for, trusted, member, solution):
        comment = comment_on(solution, trusted, "Poistettava teksti")
        reply = comment_on(
            solution,
            factories.UserFactory(),
            "Vastaus jää",
            parent=comment,
            organisation=solution.organisation,
        )
        response = client_for(trusted).post(reverse("solutions:discussion:delete_comment", args=[comment.pk]))
        assert response.status_code == 302
        page = client.get(solution.get_absolute_url()).content.decode()
        assert "Poistettava teksti" not in page
        assert "Deleted by the author." in page
        assert reply.body in page

    @pytest.mark.parametrize("persona", ["editor", "org_admin", "outsider_admin", "coordinator"])
    def test_nobody_else_deletes(self, request, client_for, trusted, solution, persona):
        comment = comment_on(solution, trusted)
        url = reverse("solutions:discussion:delete_comment", args=[comment.pk])
        assert client_for(request.getfixturevalue(persona)).post(url).status_code == 403
        comment.refresh_from_db()
        assert comment.deleted_at is None

    def test_delete_asks_first(self, client_for, trusted, solution):
        comment = comment_on(solution, trusted)
        response = client_for(trusted).get(reverse("solutions:discussion:delete_comment", args=[comment.pk]))
        assert response.status_code == 200
        comment.refresh_from_db()
        assert comment.deleted_at is None


def test_replies_are_one_level_deep(client_for, trusted, editor, solution):
    trust(editor)
    top = comment_on(solution, trusted, "Ylin")
    reply = comment_on(solution, editor, "Vastaus", parent=top)
    client_for(trusted).post(
        add_url(solution),
        {"body": "Vastaus vastaukseen", "parent": reply.pk, "organisation": solution.organisation.pk},
    )
    assert Comment.objects.get(body="Vastaus vastaukseen").parent == top


def test_a_reply_to_another_solutions_comment_is_refused(client_for, trusted, solution):
    elsewhere = comment_on(factories.SolutionFactory(), trusted, "Muualla")
    response = client_for(trusted).post(
        add_url(solution), {"body": "Hei", "parent": elsewhere.pk, "organisation": solution.organisation.pk}
    )
    assert response.status_code == 400
    assert "Hei" in response.content.decode()


def test_solution_page_queries_do_not_grow_with_comments(
    client_for, django_assert_num_queries, trusted, solution
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(trusted)

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(solution.get_absolute_url()).status_code == 200
        return len(context)

    for number in range(5):
        top = comment_on(solution, trusted, f"Kommentti {number}")
    small = queries()
    for number in range(45):
        comment_on(solution, trusted, f"Vastaus {number}", parent=top if number % 2 else None)
    assert Comment.objects.filter(solution=solution).count() == 50
    assert queries() == small


def test_pages_are_valid_html(client_for, trusted, coordinator, solution):
    comment = comment_on(solution, trusted, "Hyvä!\nToinen rivi https://example.fi")
    comment_on(solution, coordinator, "Vastaus", parent=comment)
    comment_on(solution, trusted, "Piilotettu", state=PostState.HIDDEN)
    comment_on(solution, trusted, "Poistettu", deleted_at=timezone.now())
    author = client_for(trusted)
    documents = {
        "solution as author": author.get(solution.get_absolute_url()).content.decode(),
        "solution as coordinator": client_for(coordinator).get(solution.get_absolute_url()).content.decode(),
        "edit": author.get(reverse("solutions:discussion:edit_comment", args=[comment.pk])).content.decode(),
        "delete": author.get(
            reverse("solutions:discussion:delete_comment", args=[comment.pk])
        ).content.decode(),
        "error": author.post(
            add_url(solution), {"body": "", "organisation": solution.organisation.pk}
        ).content.decode(),
    }
    assert validate_html(documents) == []
