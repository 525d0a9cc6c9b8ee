"""The publishing workflow, transition by transition, for every persona."""

import pytest
from django.core.exceptions import PermissionDenied

from solutions.models import (
    Decision,
    ItemKind,
    ItemState,
    ModerationDecision,
    ModerationItem,
    ModerationState,
    Revision,
    RevisionState,
    Solution,
)
from solutions.notifications.models import Notification
from solutions.services import publishing as workflow
from tests import factories

pytestmark = pytest.mark.django_db

NOT_EDITORS = ["unverified", "member", "outsider_admin", "coordinator"]


def persona(request, name):
    return request.getfixturevalue(name)


def submitted_item(solution, user):
    return workflow.submit(solution, user)


# Submitting


@pytest.mark.parametrize("name", ["editor", "org_admin"])
def test_editors_submit_a_draft_to_the_queue(request, draft, name):
    user = persona(request, name)
    item = workflow.submit(draft, user)
    draft.refresh_from_db()
    assert draft.moderation_state == ModerationState.SUBMITTED
    assert (item.kind, item.state, item.target, item.organisation, item.submitted_by) == (
        ItemKind.SUBMISSION,
        ItemState.OPEN,
        draft,
        draft.organisation,
        user,
    )


@pytest.mark.parametrize("name", NOT_EDITORS)
def test_others_may_not_submit(request, draft, name):
    with pytest.raises(PermissionDenied):
        workflow.submit(draft, persona(request, name))
    assert not ModerationItem.objects.exists()


@pytest.mark.parametrize(
    "state", [ModerationState.SUBMITTED, ModerationState.REJECTED, ModerationState.ARCHIVED]
)
def test_only_drafts_and_changes_requested_can_be_submitted(draft, editor, state):
    Solution.objects.filter(pk=draft.pk).update(moderation_state=state)
    draft.refresh_from_db()
    with pytest.raises(workflow.InvalidTransition):
        workflow.submit(draft, editor)


def test_submitting_twice_does_not_queue_twice(draft, editor):
    workflow.submit(draft, editor)
    with pytest.raises(workflow.InvalidTransition):
        workflow.submit(draft, editor)
    assert ModerationItem.objects.count() == 1


def test_resubmit_only_after_changes_requested(draft, editor):
    with pytest.raises(workflow.InvalidTransition):
        workflow.resubmit(draft, editor)


# Deciding submissions


def test_approval_publishes_and_sets_the_publication_date_once(draft, editor, coordinator):
    item = workflow.submit(draft, editor)
    decision = workflow.approve(item, coordinator)
    draft.refresh_from_db()
    assert draft.moderation_state == ModerationState.PUBLISHED
    assert draft.published_at == decision.decided_at
    first = draft.published_at
    workflow.archive(draft, editor)
    workflow.restore(draft, editor)
    draft.refresh_from_db()
    assert draft.published_at == first


@pytest.mark.parametrize("name", ["unverified", "member", "editor", "org_admin", "outsider_admin"])
def test_only_coordinators_decide(request, draft, editor, name):
    item = workflow.submit(draft, editor)
    for decide in (workflow.approve, workflow.request_changes, workflow.reject):
        with pytest.raises(PermissionDenied):
            decide(item, persona(request, name), "Syy")
    item.refresh_from_db()
    assert item.state == ItemState.OPEN


@pytest.mark.parametrize("decide", [workflow.request_changes, workflow.reject])
@pytest.mark.parametrize("reason", ["", "   "])
def test_request_changes_and_reject_need_a_reason(draft, editor, coordinator, decide, reason):
    item = workflow.submit(draft, editor)
    with pytest.raises(workflow.ReasonRequired):
        decide(item, coordinator, reason)
    draft.refresh_from_db()
    assert draft.moderation_state == ModerationState.SUBMITTED


def test_changes_requested_then_resubmitted_then_approved(draft, editor, coordinator):
    first = workflow.submit(draft, editor)
    workflow.request_changes(first, coordinator, "Lisää lisenssi.")
    draft.refresh_from_db()
    assert draft.moderation_state == ModerationState.CHANGES_REQUESTED
    workflow.save_draft(draft, editor, {"licence": "EUPL-1.2"}, expected_version=draft.version)
    second = workflow.resubmit(draft, editor)
    workflow.approve(second, coordinator)
    draft.refresh_from_db()
    assert (draft.moderation_state, draft.licence) == (ModerationState.PUBLISHED, "EUPL-1.2")
    assert list(ModerationDecision.objects.filter(solution=draft).values_list("decision", "reason")) == [
        (Decision.APPROVED, ""),
        (Decision.CHANGES_REQUESTED, "Lisää lisenssi."),
    ]


def test_rejection_is_final_for_the_submission(draft, editor, coordinator):
    item = workflow.submit(draft, editor)
    workflow.reject(item, coordinator, "Ei julkinen palvelu.")
    draft.refresh_from_db()
    assert draft.moderation_state == ModerationState.REJECTED
    with pytest.raises(workflow.InvalidTransition):
        workflow.submit(draft, editor)


def test_a_decided_item_cannot_be_decided_again(draft, editor, coordinator, coordinating_organisation):
    from tests.conftest import member_of

    other = member_of(coordinating_organisation, "coordinator", display_name="Toinen Koordinaattori")
    item = workflow.submit(draft, editor)
    stale = ModerationItem.objects.get(pk=item.pk)
    workflow.approve(item, coordinator)
    with pytest.raises(workflow.AlreadyDecided) as raised:
        workflow.reject(stale, other, "Myöhässä")
    assert raised.value.decided_by == coordinator
    assert "Kaisa Koordinaattori" in raised.value.message
    assert ModerationDecision.objects.count() == 1


# Revisions


def test_an_edit_of_a_published_solution_waits_and_the_old_text_stays(published, editor, coordinator):
    data = {**workflow.solution_data(published), "title": "Uusi otsikko", "tags": ["kuljetus"]}
    revision = workflow.propose_revision(published, editor, data)
    published.refresh_from_db()
    assert published.title == "Koulukuljetusten reititys"
    assert list(published.tags.names()) == []
    item = ModerationItem.objects.get(kind=ItemKind.REVISION)
    assert item.target == revision
    workflow.approve(item, coordinator)
    published.refresh_from_db()
    revision.refresh_from_db()
    assert (published.title, list(published.tags.names())) == ("Uusi otsikko", ["kuljetus"])
    assert revision.state == RevisionState.APPROVED


def test_a_rejected_revision_never_replaces_the_text_and_is_kept(published, editor, coordinator):
    data = {**workflow.solution_data(published), "summary": "Huonompi tiivistelmä."}
    revision = workflow.propose_revision(published, editor, data)
    workflow.reject(ModerationItem.objects.get(kind=ItemKind.REVISION), coordinator, "Epäselvä.")
    published.refresh_from_db()
    revision.refresh_from_db()
    assert published.summary == "Reitit lasketaan kerran päivässä."
    assert (revision.state, revision.data["summary"]) == (RevisionState.REJECTED, "Huonompi tiivistelmä.")
    assert workflow.editable_revision(published) == revision
    again = workflow.propose_revision(published, editor, {**data, "summary": "Parempi tiivistelmä."})
    assert again.pk != revision.pk
    assert ModerationItem.objects.open().get().target == again


def test_a_second_edit_updates_the_pending_revision(published, editor, org_admin):
    first = workflow.propose_revision(published, editor, {"title": "Eka"})
    second = workflow.propose_revision(published, org_admin, {"title": "Toka"})
    assert first.pk == second.pk
    assert Revision.objects.get().data == {"title": "Toka"}
    assert ModerationItem.objects.count() == 1


def test_changes_cannot_be_requested_on_a_revision(published, editor, coordinator):
    workflow.propose_revision(published, editor, {"title": "Eka"})
    with pytest.raises(workflow.InvalidTransition):
        workflow.request_changes(ModerationItem.objects.get(), coordinator, "Muuta")


@pytest.mark.parametrize("name", NOT_EDITORS)
def test_others_may_not_propose_revisions(request, published, name):
    with pytest.raises(PermissionDenied):
        workflow.propose_revision(published, persona(request, name), {"title": "Kaapattu"})


def test_drafts_are_not_edited_through_revisions(draft, editor):
    with pytest.raises(workflow.InvalidTransition):
        workflow.propose_revision(draft, editor, {"title": "X"})


# Drafts and concurrent edits


def test_save_draft_refuses_a_stale_version_and_keeps_the_newer_text(draft, editor, org_admin):
    opened_at = draft.version
    workflow.save_draft(draft, editor, {"title": "Eeron otsikko"}, expected_version=opened_at)
    with pytest.raises(workflow.StaleVersion) as raised:
        workflow.save_draft(draft, org_admin, {"title": "Ainon otsikko"}, expected_version=opened_at)
    draft.refresh_from_db()
    assert draft.title == "Eeron otsikko"
    assert raised.value.current.version == opened_at + 1


def test_published_solutions_are_not_saved_as_drafts(published, editor):
    with pytest.raises(workflow.InvalidTransition):
        workflow.save_draft(published, editor, {"title": "Suoraan julki"})


@pytest.mark.parametrize("name", NOT_EDITORS)
def test_others_may_not_save_drafts(request, draft, name):
    with pytest.raises(PermissionDenied):
        workflow.save_draft(draft, persona(request, name), {"title": "X"})


def test_create_draft_gives_a_unique_slug_and_relations(organisation, editor, other_organisation):
    sc = factories.ServiceClassFactory(code="P1")
    data = {
        "title": "Tilavarausjärjestelmä",
        "summary": "Varaa tiloja.",
        "kind": "software",
        "partners": [other_organisation.pk],
        "service_classes": ["P1"],
        "tags": ["varaus", "tilat"],
        "contacts": [{"name": "Eero", "role": "Kehittäjä", "email": "eero@kuhmo.fi"}],
    }
    first = workflow.create_draft(organisation, editor, data)
    second = workflow.create_draft(organisation, editor, data)
    assert (first.slug, second.slug) == ("tilavarausjarjestelma", "tilavarausjarjestelma-2")
    assert first.moderation_state == ModerationState.DRAFT
    assert workflow.solution_data(first)["service_classes"] == [sc.code]
    assert workflow.solution_data(first)["contacts"][0]["email"] == "eero@kuhmo.fi"
    assert sorted(first.tags.names()) == ["tilat", "varaus"]


@pytest.mark.parametrize("name", NOT_EDITORS)
def test_others_may_not_create(request, organisation, name):
    with pytest.raises(PermissionDenied):
        workflow.create_draft(organisation, persona(request, name), {"title": "X", "kind": "api"})


# Archiving


@pytest.mark.parametrize("name", ["editor", "org_admin", "coordinator"])
def test_archive_and_restore(request, published, name):
    user = persona(request, name)
    workflow.archive(published, user)
    assert not Solution.objects.published().filter(pk=published.pk).exists()
    workflow.restore(published, user)
    assert Solution.objects.published().filter(pk=published.pk).exists()
    assert list(ModerationDecision.objects.values_list("decision", flat=True)) == [
        Decision.RESTORED,
        Decision.ARCHIVED,
    ]


@pytest.mark.parametrize("name", ["unverified", "member", "outsider_admin"])
def test_others_may_not_archive(request, published, name):
    with pytest.raises(PermissionDenied):
        workflow.archive(published, persona(request, name))


def test_archive_only_published_and_restore_only_archived(draft, published, editor):
    with pytest.raises(workflow.InvalidTransition):
        workflow.archive(draft, editor)
    with pytest.raises(workflow.InvalidTransition):
        workflow.restore(published, editor)


def test_archiving_withdraws_a_pending_revision(published, editor):
    revision = workflow.propose_revision(published, editor, {"title": "Kesken"})
    workflow.archive(published, editor)
    revision.refresh_from_db()
    assert revision.state == RevisionState.WITHDRAWN
    assert not ModerationItem.objects.open().exists()


# Claiming


def test_claim_and_release(draft, editor, coordinator, coordinating_organisation):
    from tests.conftest import member_of

    other = member_of(coordinating_organisation, "coordinator", display_name="Toinen")
    item = workflow.submit(draft, editor)
    workflow.claim(item, coordinator)
    with pytest.raises(workflow.AlreadyClaimed):
        workflow.claim(item, other)
    with pytest.raises(workflow.InvalidTransition):
        workflow.release(item, other)
    workflow.claim(item, other, take_over=True)
    item.refresh_from_db()
    assert item.claimed_by == other
    workflow.release(item, other)
    item.refresh_from_db()
    assert item.claimed_by is None


def test_editors_may_not_claim(draft, editor):
    item = workflow.submit(draft, editor)
    with pytest.raises(PermissionDenied):
        workflow.claim(item, editor)


# The log


def test_decisions_cannot_be_changed_or_deleted(draft, editor, coordinator):
    item = workflow.submit(draft, editor)
    decision = workflow.request_changes(item, coordinator, "Korjaa kuvaus.")
    decision.reason = "Toinen syy"
    with pytest.raises(TypeError):
        decision.save()
    with pytest.raises(TypeError):
        decision.delete()
    with pytest.raises(TypeError):
        ModerationDecision.objects.filter(pk=decision.pk).update(reason="X")
    with pytest.raises(TypeError):
        ModerationDecision.objects.all().delete()
    assert ModerationDecision.objects.get().reason == "Korjaa kuvaus."


# Telling the organisation


def test_decisions_notify_the_organisations_editors_in_the_site_and_by_mail(
    draft, editor, org_admin, member, coordinator, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        item = workflow.submit(draft, editor)
    mailoutbox.clear()  # the coordinator's mail about the new item in the queue
    with django_capture_on_commit_callbacks(execute=True):
        workflow.request_changes(item, coordinator, "Lisää yhteyshenkilö.")
    assert sorted(m.to[0] for m in mailoutbox) == sorted([editor.email, org_admin.email])
    mail = next(m for m in mailoutbox if m.to == [editor.email])
    assert "Tilavarausjärjestelmä" in mail.subject
    assert "Lisää yhteyshenkilö." in mail.body
    assert f"/our-solutions/{draft.slug}/" in mail.body
    notification = Notification.objects.get(recipient=editor)
    assert (notification.text, notification.read_at) == ("Lisää yhteyshenkilö.", None)
    assert not Notification.objects.filter(recipient=member).exists()
    # The coordinator was told of the submission when it entered the queue, not of their own decision.
    assert list(Notification.objects.filter(recipient=coordinator).values_list("kind", flat=True)) == [
        "queue"
    ]


def test_mail_is_written_in_the_recipients_language(
    draft, editor, coordinator, django_capture_on_commit_callbacks, mailoutbox
):
    editor.preferred_language = "en"
    editor.save()
    item = workflow.submit(draft, editor)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.approve(item, coordinator)
    assert "Tilavarausjärjestelmä" in mailoutbox[0].subject
    assert "published" in mailoutbox[0].subject
    assert Notification.objects.get(recipient=editor).url.startswith("/en/")


def test_the_actor_is_not_notified_of_their_own_archiving(
    published, editor, org_admin, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        workflow.archive(published, editor)
    assert [m.to for m in mailoutbox] == [[org_admin.email]]


def test_nothing_is_sent_when_the_decision_fails(
    draft, editor, coordinator, django_capture_on_commit_callbacks, mailoutbox
):
    item = workflow.submit(draft, editor)
    workflow.approve(item, coordinator)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(workflow.AlreadyDecided):
        workflow.reject(ModerationItem.objects.get(pk=item.pk), coordinator, "Uudestaan")
    assert mailoutbox == []


# Search follows the workflow


def test_an_approved_solution_is_found_by_search_and_an_archived_one_is_not(draft, editor, coordinator):
    from solutions.search import get_backend

    def found():
        results = get_backend().search(Solution.objects.published(), "Tilavarausjärjestelmä")
        return list(results.values_list("pk", flat=True))

    workflow.approve(workflow.submit(draft, editor), coordinator)
    assert found() == [draft.pk]
    workflow.archive(draft, editor)
    assert found() == []
