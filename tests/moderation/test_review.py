"""The review page: the solution as it would be published, a revision's changes, the decision, history."""

import pytest
from django.urls import reverse

from solutions.models import ModerationState
from solutions.moderation.diff import text_diff
from solutions.moderation.forms import CANNED_TEXT
from solutions.services import publishing as workflow
from tests import factories


def review_url(item):
    return reverse("solutions:moderation_review", args=[item.pk])


def decide(client, item, decision, reason="", canned=""):
    return client.post(review_url(item), {"decision": decision, "reason": reason, "canned_reason": canned})


@pytest.mark.parametrize("persona", ["member", "editor", "outsider_admin"])
def test_only_coordinators_open_the_review_page(persona, request, client_for, submit):
    item = submit()
    assert client_for(request.getfixturevalue(persona)).get(review_url(item)).status_code == 403


def test_a_submission_is_shown_as_it_would_be_published(coordinator, client_for, submit):
    item = submit(title="Tilavarausjärjestelmä", description="## Käyttö\n\nVaraa **tiloja** verkossa.")
    html = client_for(coordinator).get(review_url(item)).content.decode()
    assert '<h1 id="solution-title">Tilavarausjärjestelmä</h1>' in html
    assert "<strong>tiloja</strong>" in html


def test_a_revision_shows_what_changes_field_by_field(coordinator, client_for, propose, organisation):
    published = factories.SolutionFactory(
        organisation=organisation, summary="Varaa kunnan tiloja.", tags=["tilat"]
    )
    item = propose(published, summary="Varaa kunnan tiloja ja laitteita.", tags=["tilat", "laitteet"])
    response = client_for(coordinator).get(review_url(item))
    diffs = {diff.name: str(diff.html) for diff in response.context["diffs"]}
    assert diffs == {
        "summary": "Varaa kunnan <del>tiloja.</del><ins>tiloja ja laitteita.</ins>",
        "tags": '<ul class="diff-list"><li>tilat</li><li><ins>laitteet</ins></li></ul>',
    }


def test_the_revision_preview_shows_the_proposed_text_and_tags(
    coordinator, client_for, propose, organisation
):
    published = factories.SolutionFactory(organisation=organisation, title="Vanha nimi", tags=["tilat"])
    item = propose(published, title="Uusi nimi", tags=["laitteet"])
    html = client_for(coordinator).get(review_url(item)).content.decode()
    assert (
        '<h1 id="solution-title">Uusi nimi</h1>' in html,
        "?tag=laitteet" in html,
        "?tag=tilat" in html,
    ) == (
        True,
        True,
        False,
    )


def test_the_revision_preview_leaves_the_published_solution_alone(
    coordinator, client_for, propose, organisation
):
    published = factories.SolutionFactory(organisation=organisation, title="Vanha nimi", tags=["tilat"])
    item = propose(published, title="Uusi nimi", tags=["laitteet"])
    client_for(coordinator).get(review_url(item))
    published.refresh_from_db()
    assert (published.title, list(published.tags.names())) == ("Vanha nimi", ["tilat"])


def test_diffs_escape_what_editors_wrote():
    assert str(text_diff("<b>vanha</b>", "<script>alert(1)</script>")) == (
        "<del>&lt;b&gt;vanha&lt;/b&gt;</del><ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins>"
    )


def test_approving_publishes_the_solution(coordinator, client_for, submit):
    item = submit()
    response = decide(client_for(coordinator), item, "approve")
    item.refresh_from_db()
    solution = item.target
    assert (response.status_code, solution.moderation_state) == (302, ModerationState.PUBLISHED)


@pytest.mark.parametrize("decision", ["request_changes", "reject"])
def test_requesting_changes_or_rejecting_needs_a_reason(decision, coordinator, client_for, submit):
    item = submit()
    response = decide(client_for(coordinator), item, decision)
    item.refresh_from_db()
    assert (response.status_code, item.is_open, "reason" in response.context["form"].errors) == (
        400,
        True,
        True,
    )


def test_a_ready_reason_is_used_when_the_reason_box_is_empty(coordinator, client_for, submit):
    item = submit()
    decide(client_for(coordinator), item, "request_changes", canned="contact")
    decision = item.decisions.get()
    assert decision.reason == str(CANNED_TEXT["contact"])


def test_a_written_reason_wins_over_the_ready_one(coordinator, client_for, submit):
    item = submit()
    decide(client_for(coordinator), item, "reject", reason="Ei kuulu luetteloon.", canned="contact")
    assert item.decisions.get().reason == "Ei kuulu luetteloon."


def test_a_revision_cannot_be_sent_back_for_changes(coordinator, client_for, propose, organisation):
    item = propose(factories.SolutionFactory(organisation=organisation), summary="Uusi")
    response = decide(client_for(coordinator), item, "request_changes", reason="Korjaa")
    assert (response.status_code, item.decisions.exists()) == (400, False)


def test_the_second_coordinator_is_told_who_decided_first(coordinator, other_coordinator, client_for, submit):
    item = submit()
    decide(client_for(other_coordinator), item, "approve")
    response = client_for(coordinator).post(
        review_url(item), {"decision": "reject", "reason": "Ei käy"}, follow=True
    )
    html = response.content.decode()
    assert ("Ville Valvoja" in html, item.decisions.count()) == (True, 1)


def test_the_history_shows_every_decision_with_its_reason(coordinator, client_for, submit, editor):
    item = submit()
    decide(client_for(coordinator), item, "request_changes", reason="Lisää yhteystiedot.")
    solution = item.target
    solution.refresh_from_db()
    second = workflow.resubmit(solution, editor)
    html = client_for(coordinator).get(review_url(second)).content.decode()
    assert ("Lisää yhteystiedot." in html, "Kaisa Koordinaattori" in html) == (True, True)


@pytest.mark.parametrize("persona", ["member", "editor", "coordinator"])
def test_the_organisation_and_coordinators_read_the_history(
    persona, request, client_for, submit, coordinator
):
    item = submit()
    decide(client_for(coordinator), item, "reject", reason="Päällekkäinen ratkaisu.")
    url = reverse("solutions:solution_history", args=[item.target.slug])
    response = client_for(request.getfixturevalue(persona)).get(url)
    assert (response.status_code, "Päällekkäinen ratkaisu." in response.content.decode()) == (200, True)


def test_outsiders_do_not_find_the_history(outsider_admin, client_for, submit, coordinator):
    item = submit()
    decide(client_for(coordinator), item, "reject", reason="Päällekkäinen ratkaisu.")
    url = reverse("solutions:solution_history", args=[item.target.slug])
    assert client_for(outsider_admin).get(url).status_code == 404


def test_visitors_are_sent_to_log_in_for_the_history(client, submit):
    url = reverse("solutions:solution_history", args=[submit().target.slug])
    assert client.get(url).status_code == 302


def test_claiming_opens_the_item(coordinator, client_for, submit):
    item = submit()
    response = client_for(coordinator).post(
        reverse("solutions:moderation_claim", args=[item.pk]), {"next": reverse("solutions:moderation_queue")}
    )
    assert response.url == reverse("solutions:moderation_review", args=[item.pk])


def test_an_item_someone_else_reviews_is_not_decided_past_them(coordinator, other_coordinator, submit):
    item = submit()
    workflow.claim(item, other_coordinator)
    with pytest.raises(workflow.AlreadyClaimed):
        workflow.approve(item, coordinator)
    item.refresh_from_db()
    assert item.state == "open"


def test_a_resubmission_returns_to_the_coordinator_who_asked_for_changes(
    coordinator, other_coordinator, editor, submit
):
    item = submit()
    workflow.claim(item, coordinator)
    workflow.request_changes(item, coordinator, "Lisää yhteyshenkilö.")
    solution = item.target
    again = workflow.resubmit(solution, editor)
    assert again.claimed_by == coordinator
    with pytest.raises(workflow.AlreadyClaimed):
        workflow.approve(again, other_coordinator)


def test_a_missing_reason_is_summarised_at_the_top_of_the_page(coordinator, client_for, submit):
    item = submit()
    html = (
        client_for(coordinator)
        .post(reverse("solutions:moderation_review", args=[item.pk]), {"decision": "reject", "reason": ""})
        .content.decode()
    )
    summary = html.index("error-summary")
    assert summary < html.index('id="solution-title"')  # before the preview, not 2,000 px down
    assert 'href="#id_reason"' in html[summary : summary + 2000]
