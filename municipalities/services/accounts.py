"""What happens to an account: confirming its address, and erasing it when its owner asks."""

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from kuntajako.mail import send_templated_mail
from municipalities.accounts.tokens import CONFIRMATION_MAX_AGE, make_confirmation_token

# Enough to stop a stuck button (or a script) from filling someone's mailbox.
RESEND_INTERVAL_SECONDS = 60


def send_confirmation(user) -> None:
    """Mail `user` a link that confirms their address, in their language."""
    send_templated_mail(
        user,
        "account_confirm_email",
        {
            "token": make_confirmation_token(user),
            "valid_days": CONFIRMATION_MAX_AGE.days,
        },
    )


def resend_confirmation(user) -> bool:
    """Send a new link unless one went out within the last minute; False when it was too soon."""
    if not cache.add(f"accounts:resend-confirmation:{user.pk}", 1, RESEND_INTERVAL_SECONDS):
        return False
    send_confirmation(user)
    return True


def confirm_email(user) -> None:
    if user.email_confirmed_at is None:
        user.email_confirmed_at = timezone.now()
        user.save(update_fields=["email_confirmed_at"])


def delete_account(user) -> None:
    """Erase the person's data; their memberships stay so what they wrote still names the organisation.

    The address is replaced by a unique placeholder (so the real one can sign up again), the
    password is made unusable and the account inactive, which also ends every session of it.
    """
    with transaction.atomic():
        user.email = f"deleted-{user.pk}@invalid.invalid"
        user.display_name = ""
        user.email_confirmed_at = None
        user.is_active = False
        user.is_staff = False
        user.is_superuser = False
        user.deleted_at = timezone.now()
        user.set_unusable_password()
        user.save()
