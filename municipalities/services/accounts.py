"""What happens to an account: signing up, confirming its address, resetting its password, and
erasing it when its owner asks.

Nothing here tells a visitor whether an address has an account: sign-up answers the same for a new
and a known address (the owner of a known one gets a "you already have an account" mail), and a
password reset is handed to the worker, which looks the address up there, so the page does the same
work either way. Every mail these send is throttled per address (kuntajako.ratelimit), so nobody
can fill someone's mailbox through our forms.
"""

from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import default_token_generator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from kuntajako import ratelimit
from kuntajako.mail import send_templated_mail
from municipalities import permissions
from municipalities.accounts.tokens import CONFIRMATION_MAX_AGE, make_confirmation_token
from municipalities.models import Membership, Organisation, User
from municipalities.services import membership

# Enough to stop a stuck button (or a script) from filling someone's mailbox.
RESEND_INTERVAL_SECONDS = 60
RESENDS_PER_DAY = 10
# Mails about an address that anyone can ask us to send: at most this many an hour per address.
ACCOUNT_MAILS_PER_HOUR = 3
HOUR = 3600

# What the apps above keep about a person and erase with the account: each registers a function
# `erase(user)` here from its AppConfig.ready(); delete_account runs them in its transaction.
ERASERS: list = []


def erases_with_account(function):
    ERASERS.append(function)
    return function


def sign_up(form) -> None:
    """Create the account of a valid sign-up form and mail a confirmation link; or, when the address
    already has an account, mail its owner instead. Both hash the password, so they take as long."""
    email = form.cleaned_data["email"]
    existing = User.objects.filter(email__iexact=email).first()
    if existing is None:
        try:
            with transaction.atomic():
                user = form.save()
        except IntegrityError:  # the same address signed up at the same moment
            existing = User.objects.get(email__iexact=email)
        else:
            if ratelimit.allow("signup-mail", email, limit=ACCOUNT_MAILS_PER_HOUR, window=HOUR):
                send_confirmation(user)
            return
    make_password(form.cleaned_data["password1"])
    if ratelimit.allow("signup-mail", email, limit=ACCOUNT_MAILS_PER_HOUR, window=HOUR):
        send_templated_mail(existing, "account_exists", {})


def request_password_reset(email: str) -> None:
    """Queue a reset link for `email`; the worker finds out whether anyone has that address."""
    if ratelimit.allow("password-reset", email, limit=ACCOUNT_MAILS_PER_HOUR, window=HOUR):
        transaction.on_commit(lambda: send_password_reset.enqueue(email=email))


@task()
def send_password_reset(email: str) -> None:
    for user in PasswordResetForm().get_users(email):
        send_templated_mail(
            user,
            "account_password_reset",
            {
                "uid": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )


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
    """Send a new link unless one went out within the last minute (or ten today); False when too soon."""
    if not ratelimit.allow("resend-confirmation", user.pk, limit=1, window=RESEND_INTERVAL_SECONDS):
        return False
    if not ratelimit.allow("resend-confirmation-day", user.pk, limit=RESENDS_PER_DAY, window=24 * HOUR):
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
        for erase in ERASERS:
            erase(user)
        user.email = f"deleted-{user.pk}@invalid.invalid"
        user.display_name = ""
        user.email_confirmed_at = None
        user.is_active = False
        user.is_staff = False
        user.is_superuser = False
        user.deleted_at = timezone.now()
        user.set_unusable_password()
        user.save()
