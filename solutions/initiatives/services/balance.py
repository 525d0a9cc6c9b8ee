"""What initiatives add to an organisation's exchange balance (solutions.community.reuse.panels)."""

from django.utils.translation import gettext_lazy as _

from solutions.initiatives.models import InitiativeStatus, PartnerState
from solutions.models import ModerationState


def jointly_developed(organisation) -> list[tuple[str, int]]:
    """Delivered initiatives whose solution is published and in which `organisation` was a
    confirmed partner (the proposer is one): each counts for every partner. One query."""
    count = (
        organisation.initiative_partners.filter(
            state=PartnerState.CONFIRMED,
            initiative__status=InitiativeStatus.DELIVERED,
            initiative__solution__moderation_state=ModerationState.PUBLISHED,
        )
        .values("initiative")
        .distinct()
        .count()
    )
    return [("jointly_developed", _("Solutions developed together in initiatives"), count)]
