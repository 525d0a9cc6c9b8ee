"""Writing to a listed person through the site, the way members write to a solution's referents.

It goes through the community's `send_site_message`: the same daily limit (messages to referents
and to people count together), the same mail path, and the recipient's address is never shown;
their reply goes to the sender's address.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import translation

from municipalities.permissions import require, role_in
from solutions.community.services.reuse import (
    MESSAGES_PER_DAY,
    RateLimited,
    messages_left_today,
    send_site_message,
)
from solutions.people.models import PersonMessage

__all__ = ["MESSAGES_PER_DAY", "RateLimited", "contact", "messages_left_today"]


def contact(*, sender, organisation, profile, subject: str, body: str) -> PersonMessage:
    """Mail `profile`'s owner on behalf of `organisation` (one of the sender's); RateLimited past
    the daily limit."""
    require(sender, "contact_person", profile)
    if role_in(sender, organisation) is None:
        raise PermissionDenied
    # The link in the mail opens the profile in the recipient's language.
    with translation.override(profile.user.preferred_language or settings.LANGUAGE_CODE):
        profile_url = settings.SITE_URL + profile.get_absolute_url()
    context = {
        "profile_url": profile_url,
        "sender_name": sender.public_name,
        "sender_organisation": organisation,
        "subject": subject,
        "body": body,
    }

    def log(count):
        return PersonMessage.objects.create(
            sender=sender, organisation=organisation, recipient=profile.user, subject=subject, body=body
        )

    message, _count = send_site_message(
        sender=sender,
        recipients=lambda: [(profile.user, {})],
        mail="person_contact",
        context=context,
        log=log,
    )
    return message
