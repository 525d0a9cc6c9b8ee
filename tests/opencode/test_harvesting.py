"""Harvesting registered repositories from a local server: drafts, revisions, status and notices."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from solutions.models import Decision, ItemKind, ModerationDecision, ModerationItem, ModerationState
from solutions.notifications.models import Notification
from solutions.opencode.models import HarvestLog, HarvestSource, Outcome
from solutions.opencode.services import harvesting
from solutions.services import publishing
from tests.opencode.conftest import read

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(local_server, organisation, editor, minimal_text, django_capture_on_commit_callbacks):
    local_server.files["/kuhmo/publiccode.yml"] = (200, {}, minimal_text.encode())
    with django_capture_on_commit_callbacks(execute=True):
        source = harvesting.register(organisation, editor, local_server.url("/kuhmo/publiccode.yml"))
    source.refresh_from_db()
    return source


def serve(local_server, text):
    local_server.files["/kuhmo/publiccode.yml"] = (200, {}, text.encode())


def test_registering_reads_the_file_and_submits_a_new_solution_for_review(source):
    assert source.last_outcome == Outcome.CREATED
    assert source.last_valid is True
    solution = source.solution
    assert solution.title == "Päiväkotihaku"
    assert solution.moderation_state == ModerationState.SUBMITTED
    assert ModerationItem.objects.filter(kind=ItemKind.SUBMISSION, object_id=solution.pk).exists()
    assert HarvestLog.objects.filter(source=source, outcome=Outcome.CREATED).count() == 1


def test_a_changed_file_becomes_a_revision_in_the_queue(
    source, local_server, coordinator, minimal_text, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publishing.approve(ModerationItem.objects.get(kind=ItemKind.SUBMISSION), coordinator)
    assert harvesting.harvest(source).outcome == Outcome.UNCHANGED
    serve(local_server, minimal_text.replace("name: Päiväkotihaku", "name: Päiväkotihaku Plus"))
    log = harvesting.harvest(source)
    assert log.outcome == Outcome.REVISION
    item = ModerationItem.objects.get(kind=ItemKind.REVISION)
    assert item.target.data["title"] == "Päiväkotihaku Plus"
    source.solution.refresh_from_db()
    assert source.solution.title == "Päiväkotihaku"


def test_a_file_that_stops_validating_is_shown_with_its_messages_and_the_owner_is_told(
    source, local_server, editor, client, django_capture_on_commit_callbacks
):
    serve(local_server, read("invalid.publiccode.yml"))
    with django_capture_on_commit_callbacks(execute=True):
        log = harvesting.harvest(source)
    assert log.outcome == Outcome.INVALID
    assert {"key": "favouriteColour", "line": 10, "column": 1}.items() <= {
        **next(m for m in log.messages if m["key"] == "favouriteColour")
    }.items()
    notice = Notification.objects.get(recipient=editor, kind="harvest_invalid")
    assert "3:6 url: “not a url” is not an absolute URL" in notice.text
    page = client.get(reverse("opencode:harvest_status", args=[source.organisation.slug])).content.decode()
    assert "favouriteColour" in page
    assert "Invalid file" in page
    # Still invalid on the next reading: nobody is told twice.
    with django_capture_on_commit_callbacks(execute=True):
        harvesting.harvest(source)
    assert Notification.objects.filter(kind="harvest_invalid").count() == 1


def test_an_unreachable_file_is_recorded_with_the_reason(source, local_server):
    del local_server.files["/kuhmo/publiccode.yml"]
    log = harvesting.harvest(source)
    assert log.outcome == Outcome.FAILED
    assert "404" in log.messages[0]["text"]


def test_a_trusted_publisher_is_published_at_once_and_the_decision_is_logged(
    local_server, organisation, editor, coordinator, minimal_text, django_capture_on_commit_callbacks
):
    harvesting.set_trusted(organisation, coordinator, trusted=True)
    serve(local_server, minimal_text)
    with django_capture_on_commit_callbacks(execute=True):
        source = harvesting.register(organisation, editor, local_server.url("/kuhmo/publiccode.yml"))
    source.refresh_from_db()
    assert source.last_outcome == Outcome.PUBLISHED
    assert source.solution.moderation_state == ModerationState.PUBLISHED
    decision = ModerationDecision.objects.get(solution=source.solution)
    assert (decision.decision, decision.decided_by) == (Decision.APPROVED, editor)
    serve(local_server, minimal_text.replace("license: EUPL-1.2", "license: MIT"))
    with django_capture_on_commit_callbacks(execute=True):
        assert harvesting.harvest(source).outcome == Outcome.PUBLISHED
    source.solution.refresh_from_db()
    assert source.solution.licence == "MIT"


def test_only_https_addresses_register_without_the_test_setting(settings, organisation, editor):
    settings.OPENCODE_FETCH_ALLOW_LOOPBACK_HTTP = False
    with pytest.raises(publishing.WorkflowError):
        harvesting.register(organisation, editor, "http://127.0.0.1:9/publiccode.yml")
    assert not HarvestSource.objects.exists()


def test_the_harvest_command_reads_what_is_due(source, local_server, minimal_text):
    out = StringIO()
    call_command("harvest", stdout=out)
    assert out.getvalue() == ""  # read a moment ago
    call_command("harvest", "--all", stdout=out)
    assert "No changes" in out.getvalue()
