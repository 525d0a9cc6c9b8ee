"""Two coordinators deciding the same item at the same moment: one decision, one clear message."""

import time

import pytest

from solutions import workflow
from solutions.models import ModerationDecision, ModerationItem, ModerationState, Solution
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
