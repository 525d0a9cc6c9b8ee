"""Two coordinators deciding the same item at the same moment: one decision, one clear message."""

import time

import pytest

from solutions.models import ModerationDecision, ModerationItem, ModerationState, Solution
from solutions.services import publishing as workflow
from tests.concurrency import run_at_once
from tests.conftest import member_of


@pytest.mark.postgres_only
def test_two_coordinators_deciding_at_once_record_one_decision(
    transactional_db, draft, editor, coordinator, coordinating_organisation, monkeypatch
):
    other = member_of(coordinating_organisation, "coordinator", display_name="Toinen Koordinaattori")
    item = workflow.submit(draft, editor)
    slow = workflow._decide_submission

    def decide_slowly(*args):
        # Hold the row long enough that the other thread is certainly waiting on it meanwhile.
        time.sleep(0.3)
        return slow(*args)

    monkeypatch.setattr(workflow, "_decide_submission", decide_slowly)
    results = run_at_once(
        lambda: workflow.approve(ModerationItem.objects.get(pk=item.pk), coordinator),
        lambda: workflow.reject(ModerationItem.objects.get(pk=item.pk), other, "Ei sovi."),
    )
    decided = [r for r in results if isinstance(r, ModerationDecision)]
    refused = [r for r in results if isinstance(r, workflow.AlreadyDecided)]
    assert (len(decided), len(refused)) == (1, 1), results
    assert ModerationDecision.objects.count() == 1
    winner = decided[0]
    assert refused[0].decided_by == winner.decided_by
    assert refused[0].decided_at == winner.decided_at
    assert winner.decided_by.public_name in refused[0].message
    expected = ModerationState.PUBLISHED if winner.decision == "approved" else ModerationState.REJECTED
    assert Solution.objects.get(pk=draft.pk).moderation_state == expected


@pytest.mark.postgres_only
def test_two_editors_saving_the_same_draft_at_once(transactional_db, draft, editor, org_admin):
    version = draft.version
    results = run_at_once(
        lambda: workflow.save_draft(draft, editor, {"title": "Eero"}, expected_version=version),
        lambda: workflow.save_draft(draft, org_admin, {"title": "Aino"}, expected_version=version),
    )
    saved = [r for r in results if isinstance(r, Solution)]
    stale = [r for r in results if isinstance(r, workflow.StaleVersion)]
    assert (len(saved), len(stale)) == (1, 1), results
    assert Solution.objects.get(pk=draft.pk).title == saved[0].title


@pytest.mark.postgres_only
def test_a_file_added_while_the_edit_is_approved_is_never_left_unreviewed(
    transactional_db, published, editor, coordinator, monkeypatch, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from solutions.models import Attachment, ItemKind, Revision, RevisionState
    from tests.safety.files import PDF

    settings.MEDIA_ROOT = tmp_path
    revision = workflow.propose_revision(published, editor, workflow.solution_data(published))
    item = ModerationItem.objects.get(kind=ItemKind.REVISION, object_id=revision.pk)
    slow = workflow._apply_attachment_changes

    def apply_slowly(*args):
        # The solution and the revision are locked here: the upload must wait or have gone first.
        time.sleep(0.3)
        return slow(*args)

    monkeypatch.setattr(workflow, "_apply_attachment_changes", apply_slowly)
    results = run_at_once(
        lambda: workflow.approve(ModerationItem.objects.get(pk=item.pk), coordinator),
        lambda: workflow.add_attachment(
            Solution.objects.get(pk=published.pk),
            editor,
            title="Uusi",
            file=SimpleUploadedFile("uusi.pdf", PDF),
            content_type="application/pdf",
        ),
    )
    assert isinstance(results[0], ModerationDecision), results
    attachment = Attachment.objects.get()
    # Either it went into the approved edit before the decision, and is public with it, or it came
    # after and waits in a new pending revision: never attached to a decided revision.
    if attachment.revision_id is None:
        assert Revision.objects.get().state == RevisionState.APPROVED
    else:
        assert attachment.revision.state == RevisionState.PENDING
        assert attachment.revision != revision
