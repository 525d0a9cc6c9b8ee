"""What a person's data export holds about reuse: adoptions they recorded, their contact-person
roles and the messages they sent to contact persons."""

from municipalities.accounts.export import export_section
from solutions.community.models import AdoptionEvent, Referent, ReferentMessage


def _iso(value):
    return value.isoformat() if value else None


@export_section("reuse")
def reuse(user):
    events = AdoptionEvent.objects.filter(changed_by=user).select_related(
        "adoption__organisation", "adoption__solution"
    )
    return {
        "adoption_changes": [
            {
                "organisation": event.adoption.organisation.name_fi,
                "solution": event.adoption.solution.title,
                "status": event.status,
                "note": event.note,
                "changed_at": _iso(event.changed_at),
            }
            for event in events.order_by("changed_at", "pk")
        ],
        "contact_person_for": [
            {
                "organisation": referent.organisation.name_fi,
                "solution": referent.solution.title,
                "since": _iso(referent.created_at),
            }
            for referent in Referent.objects.filter(user=user)
            .select_related("organisation", "solution")
            .order_by("created_at", "pk")
        ],
        "messages_to_contact_persons": [
            {
                "solution": message.solution.title,
                "organisation": message.organisation.name_fi if message.organisation else None,
                "subject": message.subject,
                "message": message.body,
                "recipients": message.recipient_count,
                "sent_at": _iso(message.created_at),
            }
            for message in ReferentMessage.objects.filter(sender=user)
            .select_related("organisation", "solution")
            .order_by("created_at", "pk")
        ],
    }
