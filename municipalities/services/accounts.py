"""What happens to an account: confirming its address, and erasing it when its owner asks."""

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from kuntajako.mail import send_templated_mail
from municipalities import permissions
from municipalities.accounts.tokens import CONFIRMATION_MAX_AGE, make_confirmation_token
from municipalities.models import Membership, Organisation
from municipalities.services import membership

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


def confirm_email(user):
    """Confirm the address; on an organisation's e-mail domain, the person becomes its member at once.

    Returns the membership so granted, or None.
    """
    if user.email_confirmed_at is None:
        user.email_confirmed_at = timezone.now()
        user.save(update_fields=["email_confirmed_at"])
    return join_by_domain(user)


def join_by_domain(user):
    """Make a confirmed person a member of the organisation whose e-mail domain their address is on
    (domains are unique, so there is at most one); None when there is none or they already are."""
    domain = user.email.rsplit("@", 1)[-1].strip().lower()
    organisation = Organisation.objects.filter(email_domains__domain=domain).first()
    if organisation is None or not permissions.may(user, "request_membership", organisation):
        return None
    try:
        return membership.request_membership(user, organisation)
    except membership.MembershipError:
        return None  # a request of the same moment won


def delete_account(user) -> None:
    """Erase the person's data and end their memberships and roles.

    What they wrote keeps naming the organisation they wrote for (posts carry it themselves). The
    address is replaced by a unique placeholder (so the real one can sign up again), the password is
    made unusable and the account inactive, which also ends every session of it. An organisation
    left without an admin is managed by the coordinators, as one that never had one.
    """
    with transaction.atomic():
        Membership.objects.filter(user=user).delete()
        permissions.forget_roles(user)
        user.email = f"deleted-{user.pk}@invalid.invalid"
        user.display_name = ""
        user.email_confirmed_at = None
        user.is_active = False
        user.is_staff = False
        user.is_superuser = False
        user.deleted_at = timezone.now()
        user.set_unusable_password()
        user.save()
