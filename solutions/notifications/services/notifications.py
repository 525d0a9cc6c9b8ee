"""Delivering notifications: in the site, and by e-mail as each person chose.

`deliver()` stores a Notification in the recipient's language and then follows their
NotificationPreference: mail at once (through kuntajako.mail, after the commit), queue a DigestEntry
for `manage.py send_digests`, or nothing. Given the event it answers, it writes at most one
notification per (event, recipient), so a fan-out that runs again never tells anyone twice. Every
mail carries a signed one-click unsubscribe link and the RFC 8058 List-Unsubscribe headers.

Who hears of which event is decided in solutions.notifications.handlers; whether a person may be
told at all, in `mailable()` (kuntajako.mail), the one answer to that question.
"""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation

from kuntajako.mail import mailable, mailable_users, send_templated_mail
from municipalities.models import Membership, MembershipRole, MembershipState, User
from solutions.notifications.models import (
    DigestEntry,
    EmailChoice,
    Notification,
    NotificationPreference,
    Subscription,
)

UNSUBSCRIBE_SALT = "solutions.notifications.unsubscribe"


# Preferences and unsubscribing


def email_choice(user) -> str:

    try:
        return user.notification_preference.email
    except NotificationPreference.DoesNotExist:
        return EmailChoice.IMMEDIATELY


def set_email_choice(user, choice: str) -> None:

    preference, _created = NotificationPreference.objects.update_or_create(
        user=user, defaults={"email": choice}
    )
    user.notification_preference = preference


def unsubscribe_token(user) -> str:
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT, compress=True)


def user_for_token(token: str):
    """The user a token was made for, or None if it was changed or the account is gone."""

    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=pk, is_active=True).first()


def unsubscribe_url(user) -> str:
    """The absolute unsubscribe address, in the recipient's language."""
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        path = reverse("solutions:follows:unsubscribe", args=[unsubscribe_token(user)])
    return settings.SITE_URL + path


def _mail(user, name: str, context: dict) -> None:
    url = unsubscribe_url(user)
    headers = {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    send_templated_mail(user, name, {**context, "unsubscribe_url": url}, headers=headers)


# Delivery


def deliver(
    recipient,
    kind: str,
    title,
    *,
    params=None,
    text: str = "",
    url=None,
    mail=None,
    mail_context=None,
    event=None,
):
    """Tell `recipient` in the site and, as they chose, by e-mail; return the Notification.

    `title` is a (lazy) translatable string formatted with `params`, and `url` a path or a callable
    giving one; both are made in the recipient's language. `mail` names a template whose subject and
    body become the e-mail (inside the notification frame with the unsubscribe link); without it the
    e-mail repeats the notification.
    """

    if not mailable(recipient):
        return None
    with translation.override(None):
        message = str(title)  # the source text, translated again wherever it is shown
    with translation.override(recipient.preferred_language or settings.LANGUAGE_CODE):
        title = str(title) % params if params else str(title)
        link = url() if callable(url) else (url or "")
    values = {
        "kind": kind,
        "title": title[:300],
        "message": message[:300],
        "params": {key: str(value) for key, value in (params or {}).items()},
        "text": text,
        "url": link,
    }
    if event is None:
        notification = Notification.objects.create(recipient=recipient, **values)
    else:
        notification, created = Notification.objects.get_or_create(
            recipient=recipient, event=event, defaults=values
        )
        if not created:
            return notification
    choice = email_choice(recipient)
    if choice == EmailChoice.IMMEDIATELY:
        context = {"notification": notification, "mail_template": mail, "url": link, **(mail_context or {})}
        _mail(recipient, "notification_mail", context)
    elif choice == EmailChoice.DAILY:
        DigestEntry.objects.create(notification=notification, recipient=recipient)
    return notification


def deliver_to_all(users, actor, kind, title, **kwargs):
    """Deliver to each distinct user once, never to the actor."""
    actor_pk = getattr(actor, "pk", actor)
    seen = set()
    for user in users:
        if user.pk in seen or user.pk == actor_pk:
            continue
        seen.add(user.pk)
        deliver(user, kind, title, **kwargs)


def users(query):
    """The people matching `query` who may be told anything, with their e-mail preference."""
    return mailable_users().filter(query).select_related("notification_preference")


def editors_of(organisation_id) -> Q:
    """The people who answer for an organisation's solutions: its confirmed editors and admins."""

    memberships = Membership.objects.filter(
        organisation_id=organisation_id,
        state=MembershipState.ACTIVE,
        role__in=[MembershipRole.EDITOR, MembershipRole.ADMIN],
        user__email_confirmed_at__isnull=False,
    )
    return Q(pk__in=memberships.values("user_id"))


def followers(**targets):

    return Q(pk__in=Subscription.objects.followers_of(**targets).values("user_id"))


# Digests


def send_digests(now=None) -> int:
    """Mail each person their waiting notifications in one e-mail; return how many were mailed.

    Each person's entries are claimed with one UPDATE of the rows still unmailed, so two runs at the
    same time, or one run repeated, never mail a notification twice.
    """

    now = now or timezone.now()
    sent = 0
    recipient_ids = (
        DigestEntry.objects.filter(emailed_at__isnull=True).values_list("recipient_id", flat=True).distinct()
    )
    for user in User.objects.filter(pk__in=list(recipient_ids)).select_related("notification_preference"):
        with transaction.atomic():
            pending = DigestEntry.objects.filter(recipient=user, emailed_at__isnull=True)
            ids = list(pending.values_list("pk", flat=True))
            claimed = DigestEntry.objects.filter(pk__in=ids, emailed_at__isnull=True).update(emailed_at=now)
            if claimed != len(ids):
                # Another run took some of them at the same moment; it mails them.
                transaction.set_rollback(True)
                continue
            if not ids or not mailable(user) or email_choice(user) == EmailChoice.NEVER:
                continue
            notifications = [
                entry.notification
                for entry in DigestEntry.objects.filter(pk__in=ids).select_related("notification")
            ]
            _mail(user, "notification_digest", {"notifications": notifications, "count": len(notifications)})
            sent += 1
    return sent
