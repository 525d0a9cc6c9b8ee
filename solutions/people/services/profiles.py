"""Listing oneself in the people network, editing the profile, and leaving.

`save_profile` creates the profile (opting in) or updates it; a form opened before another save
carries an older version and gets StaleProfile instead of silently overwriting that save.
`leave` deletes the profile with its topics and languages, so the person is gone from every list at
once. `erase` does the same when the account is deleted, and drops the person's message log.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from kuntajako.events import bus
from municipalities.permissions import require
from solutions.people.models import PersonMessage, Profile, ProfileLanguage

TEXT_FIELDS = ("title", "bio")


class StaleProfile(Exception):
    """The profile was saved elsewhere (another window) after the form was opened."""

    message = _(
        "Your profile was saved in another window after you opened this page. Your text is kept "
        "below; check it against what is saved now, and save again to keep yours."
    )

    def __init__(self, current):
        self.current = current
        super().__init__(str(self.message))


def save_profile(user, data: dict, *, expected_version: int | None = None) -> Profile:
    """Create or update `user`'s profile from validated form data (title, bio, service_classes,
    tags, languages)."""
    require(user, "join_people_directory")
    with transaction.atomic():
        # Lock the person's row: two quick submits of the first listing must not both create one.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        profile = Profile.objects.select_for_update().filter(user=user).first()
        created = profile is None
        if created:
            profile = Profile.objects.create(user=user, **{name: data.get(name, "") for name in TEXT_FIELDS})
        else:
            if expected_version is not None and profile.version != expected_version:
                raise StaleProfile(profile)
            for name in TEXT_FIELDS:
                setattr(profile, name, data.get(name, ""))
            profile.version = F("version") + 1
            profile.save(update_fields=[*TEXT_FIELDS, "version", "updated_at"])
            profile.refresh_from_db(fields=["version"])
        profile.service_classes.set(data.get("service_classes") or [])
        profile.tags.set(data.get("tags") or [], clear=True)
        codes = set(data.get("languages") or [])
        profile.languages.exclude(code__in=codes).delete()
        existing = set(profile.languages.values_list("code", flat=True))
        ProfileLanguage.objects.bulk_create(
            ProfileLanguage(profile=profile, code=code) for code in sorted(codes - existing)
        )
        bus.record("people.listed" if created else "people.profile_edited", target=profile, actor=user)
    return profile


def leave(user) -> bool:
    """Take `user` out of the directory: the profile and everything on it are deleted."""
    with transaction.atomic():
        deleted, _counts = Profile.objects.filter(user=user).delete()
        if deleted:
            bus.record("people.left", target=user, actor=user)
    return bool(deleted)


def erase(user) -> None:
    """Run with the account's deletion: the profile and the person's messages go."""
    Profile.objects.filter(user=user).delete()
    PersonMessage.objects.filter(sender=user).delete()
    PersonMessage.objects.filter(recipient=user).delete()
