"""What this app hears from the catalogue's events: an approved revision brings its document along."""

from kuntajako.events import bus
from solutions.models import Decision, ModerationDecision, Revision
from solutions.opencode.services.importing import promote_pending


def revision_decided(event) -> None:
    decision = ModerationDecision.objects.filter(pk=event.object_id).first()
    if decision is None or decision.decision != Decision.APPROVED:
        return
    if decision.content_type.model_class() is not Revision:
        return
    promote_pending(Revision(pk=decision.object_id))


def subscribe_all() -> None:
    bus.subscribe("solution.decided", revision_decided)
