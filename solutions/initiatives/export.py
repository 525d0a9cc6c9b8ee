"""What a person wrote and proposed in initiatives, for their own data export."""

from municipalities.accounts.export import export_section
from solutions.initiatives.models import Initiative, InitiativeMessage, InitiativeUpdate


def _iso(value):
    return value.isoformat() if value else None


@export_section("initiatives_proposed")
def proposed(user):
    return [
        {
            "title": initiative.title,
            "organisation": initiative.organisation.name_fi,
            "status": initiative.status,
            "created_at": _iso(initiative.created_at),
        }
        for initiative in Initiative.objects.filter(proposed_by=user).select_related("organisation")
    ]


@export_section("initiative_writing")
def writing(user):
    updates = InitiativeUpdate.objects.filter(author=user).select_related("initiative", "organisation")
    messages = InitiativeMessage.objects.filter(author=user).select_related("initiative", "organisation")
    return [
        *(
            {
                "initiative": u.initiative.title,
                "kind": "update",
                "organisation": u.organisation.name_fi,
                "text": u.body,
                "created_at": _iso(u.created_at),
            }
            for u in updates
        ),
        *(
            {
                "initiative": m.initiative.title,
                "kind": "partners" if m.partners_only else "everyone",
                "organisation": m.organisation.name_fi,
                "text": m.body,
                "state": m.state,
                "created_at": _iso(m.created_at),
            }
            for m in messages
        ),
    ]
