"""Signed links that confirm an e-mail address.

A link carries the user's id and the address it was sent to, signed with a timestamp. It is valid
for CONFIRMATION_MAX_AGE and works once: after the address is confirmed, or changed, the same link
no longer confirms anything. A link that is authentic but too old still names its user, so the
"send a new link" button on the expired page can work without logging in.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import signing

CONFIRMATION_MAX_AGE = timedelta(days=3)
_SALT = "kuntajako.accounts.confirm-email"


def make_confirmation_token(user) -> str:
    return signing.dumps({"user": user.pk, "email": user.email}, salt=_SALT)


@dataclass
class Confirmation:
    """What a confirmation link says: its user (None when forged) and whether it may still be used."""

    user: object | None
    expired: bool = False
    used: bool = False

    @property
    def usable(self) -> bool:
        return self.user is not None and not self.expired and not self.used


def read_confirmation_token(token: str) -> Confirmation:
    expired = False
    try:
        payload = signing.loads(token, salt=_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired:
        expired = True
        payload = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return Confirmation(user=None)
    if not isinstance(payload, dict):
        return Confirmation(user=None)
    user = (
        get_user_model()
        .objects.filter(pk=payload.get("user"), is_active=True, deleted_at__isnull=True)
        .first()
    )
    if user is None or user.email != payload.get("email"):
        return Confirmation(user=None)
    return Confirmation(user=user, expired=expired, used=user.email_confirmed_at is not None)
