"""Two people acting on the same news item at the same instant: one wins, the other is told."""

import time

import pytest

from solutions.models import ModerationDecision
from solutions.news.models import Post
from solutions.news.services import publishing
from tests.concurrency import run_at_once
from tests.conftest import member_of

pytestmark = pytest.mark.postgres_only


def test_two_coordinators_deciding_at_once_record_one_decision(
    transactional_db, submitted_post, coordinator, coordinating_organisation, monkeypatch
):
    other = member_of(coordinating_organisation, "coordinator", display_name="Toinen Koordinaattori")
    item = publishing.open_item(submitted_post)
    slow = publishing._publish

    def publish_slowly(*args):
        # Hold the row long enough that the other thread is certainly waiting on it meanwhile.
        time.sleep(0.3)
        return slow(*args)

    monkeypatch.setattr(publishing, "_publish", publish_slowly)
    results = run_at_once(
        lambda: publishing.approve(item, coordinator),
        lambda: publishing.reject(item, other, "Ei sovi."),
    )
    decided = [r for r in results if isinstance(r, ModerationDecision)]
    refused = [r for r in results if isinstance(r, publishing.AlreadyDecided)]
    assert (len(decided), len(refused)) == (1, 1), results
    assert ModerationDecision.objects.filter(object_id=submitted_post.pk).count() == 1


def test_two_editors_saving_the_same_draft_at_once(transactional_db, draft_post, editor, org_admin):
    version = draft_post.version
    results = run_at_once(
        lambda: publishing.save(draft_post, editor, {"title": "Eero"}, expected_version=version),
        lambda: publishing.save(draft_post, org_admin, {"title": "Aino"}, expected_version=version),
    )
    saved = [r for r in results if isinstance(r, Post)]
    stale = [r for r in results if isinstance(r, publishing.StaleVersion)]
    assert (len(saved), len(stale)) == (1, 1), results
    assert Post.objects.get(pk=draft_post.pk).title == saved[0].title
