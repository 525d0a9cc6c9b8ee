"""The people network's part of a person's data export: their profile and the messages they sent."""

from municipalities.accounts.export import export_section
from solutions.people.models import PersonMessage, Profile


def _iso(value):
    return value.isoformat() if value else None


@export_section("expert_profile")
def expert_profile(user):
    profile = (
        Profile.objects.filter(user=user).prefetch_related("service_classes", "tags", "languages").first()
    )
    if profile is None:
        return None
    return {
        "title": profile.title,
        "about": profile.bio,
        "service_classes": [service_class.code for service_class in profile.service_classes.all()],
        "keywords": sorted(tag.name for tag in profile.tags.all()),
        "languages": [language.code for language in profile.languages.all()],
        "listed_since": _iso(profile.created_at),
        "updated_at": _iso(profile.updated_at),
    }


@export_section("messages_to_people")
def messages_to_people(user):
    return [
        {
            "to": message.recipient.public_name,
            "on_behalf_of": message.organisation.name_fi if message.organisation else None,
            "subject": message.subject,
            "message": message.body,
            "sent_at": _iso(message.created_at),
        }
        for message in PersonMessage.objects.filter(sender=user).select_related("recipient", "organisation")
    ]
