"""Creating, revoking and checking API tokens.

A secret looks like `kj_<prefix>_<rest>`. The prefix finds the row; the SHA-256 of the whole secret
is compared in constant time. Nothing that could rebuild the secret is stored, so a lost token is
revoked and a new one made.

A token acts as the admin who created it. `authenticate` returns that person only while they are
still an active, verified admin of the token's organisation: if they lose the role or leave, every
token they made stops working at once (and works again if they get the role back, unless revoked).
"""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kuntajako.events import bus
from municipalities import permissions
from municipalities.models import MembershipRole
from solutions.interfaces.models import ApiToken, Scope

SECRET_START = "kj_"  # noqa: S105 -- the public start of every secret, not a secret
PREFIX_LENGTH = 12
# How often the "last used" time is written: not on every request.
LAST_USED_RESOLUTION_SECONDS = 60


class TokenError(Exception):
    pass


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(organisation, user, *, name: str, scopes: list[str]) -> tuple[ApiToken, str]:
    """A new token of `organisation` acting as `user`; returns it and its secret, shown only once."""
    permissions.require(user, "create_api_token", organisation)
    unknown = set(scopes) - set(Scope.values)
    if unknown or not scopes:
        raise TokenError(_("Choose at least one of the offered scopes."))
    prefix = secrets.token_hex(PREFIX_LENGTH // 2)
    secret = f"{SECRET_START}{prefix}_{secrets.token_urlsafe(32)}"
    with transaction.atomic():
        token = ApiToken.objects.create(
            organisation=organisation,
            name=name,
            prefix=prefix,
            secret_hash=_hash(secret),
            scopes=[scope for scope in Scope.values if scope in scopes],
            created_by=user,
        )
        bus.record("api_token.created", target=token, actor=user, organisation=organisation.pk)
    return token, secret


def revoke_token(token: ApiToken, user) -> ApiToken:
    """Revoke `token` for good. Revoking a revoked token changes nothing."""
    permissions.require(user, "manage_api_tokens", token.organisation)
    with transaction.atomic():
        locked = ApiToken.objects.select_for_update().get(pk=token.pk)
        if locked.revoked_at is None:
            locked.revoked_at = timezone.now()
            locked.revoked_by = user
            locked.save(update_fields=["revoked_at", "revoked_by"])
            bus.record("api_token.revoked", target=locked, actor=user, organisation=locked.organisation_id)
    return locked


def authenticate(secret: str) -> ApiToken | None:
    """The active token whose secret this is, if its creator may still act for the organisation."""
    if not secret.startswith(SECRET_START):
        return None
    prefix = secret[len(SECRET_START) :].split("_", 1)[0]
    if len(prefix) != PREFIX_LENGTH:
        return None
    token = (
        ApiToken.objects.active().select_related("organisation", "created_by").filter(prefix=prefix).first()
    )
    if token is None or not secrets.compare_digest(token.secret_hash, _hash(secret)):
        return None
    user = token.created_by
    if user.deleted_at is not None or not permissions.has_role(
        user, token.organisation, MembershipRole.ADMIN
    ):
        return None
    now = timezone.now()
    if (
        token.last_used_at is None
        or (now - token.last_used_at).total_seconds() > LAST_USED_RESOLUTION_SECONDS
    ):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
