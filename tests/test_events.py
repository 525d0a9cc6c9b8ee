"""Events after commit: a decision is kept whatever happens to the notifications about it, and a
fan-out that runs again tells nobody twice."""

import pytest
from django.core import mail

from kuntajako.events import bus
from kuntajako.events.models import Event
from solutions.models import ModerationState, Solution
from solutions.notifications.models import Notification
from solutions.services import publishing
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def submitted(organisation, editor):
    draft = factories.SolutionFactory(
        organisation=organisation, moderation_state=ModerationState.DRAFT, published_at=None
    )
    return publishing.submit(draft, editor)


@pytest.fixture
def failing_handler():
    def fail(event):
        raise RuntimeError("mail server down")

    bus.subscribe("solution.decided", fail)
    yield fail
    if fail in bus.HANDLERS["solution.decided"]:
        bus.HANDLERS["solution.decided"].remove(fail)


def decision_notifications(editor):
    return Notification.objects.filter(recipient=editor, kind="moderation_approved")


def test_a_failing_fan_out_does_not_undo_the_decision_and_a_retry_tells_once(
    submitted, editor, coordinator, failing_handler, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    publishing.approve(submitted, coordinator)

    solution = Solution.objects.get(pk=submitted.object_id)
    assert solution.moderation_state == ModerationState.PUBLISHED  # committed with its decision
    event = Event.objects.get(name="solution.decided")
    assert event.handled_at is None  # the fan-out failed and left nothing half-done
    assert not decision_notifications(editor).exists()

    bus.HANDLERS["solution.decided"].remove(failing_handler)  # the mail server is back
    mail.outbox.clear()
    assert bus.handle_pending() >= 1
    assert decision_notifications(editor).count() == 1
    mailed = len(mail.outbox)
    assert mailed >= 1

    assert bus.handle(event.pk) is False  # a task that runs again finds it handled
    assert decision_notifications(editor).count() == 1
    assert len(mail.outbox) == mailed


def test_the_decision_commits_before_anyone_is_told(submitted, editor, coordinator):
    seen = {}

    def watch(event):
        # Handlers run after the decision's transaction committed: they see the new state.
        seen["state"] = Solution.objects.get(pk=submitted.object_id).moderation_state

    bus.subscribe("solution.decided", watch)
    try:
        publishing.approve(submitted, coordinator)
    finally:
        bus.HANDLERS["solution.decided"].remove(watch)
    assert seen["state"] == ModerationState.PUBLISHED
    assert decision_notifications(editor).count() == 1
