"""Following and reading: each change a person makes to what they hear of.

Following needs the `follow` permission (a confirmed account); following twice, or a double click,
leaves one subscription. Marking notifications read touches only the person's own.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from municipalities import permissions
from solutions.notifications.models import Notification, Subscription
from solutions.notifications.models.follow import field_for


def follow(user, target) -> Subscription:
    permissions.require(user, "follow", target)
    values = {"user": user, field_for(target): target}
    try:
        with transaction.atomic():
            subscription, _created = Subscription.objects.get_or_create(**values)
    except IntegrityError:
        # The same person's other request created it a moment ago.
        subscription = Subscription.objects.get(**values)
    return subscription


def unfollow(user, target) -> None:
    Subscription.objects.filter(user=user, **{field_for(target): target}).delete()


def mark_read(user, notification=None) -> int:
    """Mark one of the user's notifications read, or all of them; return how many changed."""
    unread = Notification.objects.filter(recipient=user).unread()
    if notification is not None:
        unread = unread.filter(pk=notification.pk)
    return unread.update(read_at=timezone.now())
