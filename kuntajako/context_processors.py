from functools import cache

from django.conf import settings

from solutions.models import ModerationItem
from solutions.notifications.models import Notification


def site(request):
    """Values every page template needs."""
    return {"SITE_NAME": "Kuntajako", "DEBUG": settings.DEBUG}


def notifications(request):
    """`notification_unread_count`: counted only when a page shows it, and never for visitors."""

    @cache
    def count() -> int:
        user = getattr(request, "user", None)
        known = getattr(request, "notification_unread_count", None)
        if known is not None:
            return known
        if user is None or not user.is_authenticated:
            return 0
        return Notification.objects.unread_count(user)

    return {"notification_unread_count": count}


def moderation(request):
    """`moderation_open_count`: items waiting in the queue, counted only where a coordinator's page
    shows the Moderation link (the template asks the permission module first)."""

    @cache
    def count() -> int:
        return ModerationItem.objects.open().count()

    return {"moderation_open_count": count}
