from django.conf import settings


def site(request):
    """Values every page template needs."""
    return {"SITE_NAME": "Kuntajako", "DEBUG": settings.DEBUG}


def notifications(request):
    """`notification_unread_count`: counted only when a page shows it, and never for visitors."""
    cached = []

    def count() -> int:
        if not cached:
            user = getattr(request, "user", None)
            known = getattr(request, "notification_unread_count", None)
            if known is not None:
                cached.append(known)
            elif user is None or not user.is_authenticated:
                cached.append(0)
            else:
                from solutions.models import Notification

                cached.append(Notification.objects.unread_count(user))
        return cached[0]

    return {"notification_unread_count": count}


def moderation(request):
    """`moderation_open_count`: items waiting in the queue, counted only where a coordinator's page
    shows the Moderation link (the template asks the permission module first)."""
    cached = []

    def count() -> int:
        if not cached:
            from solutions.models import ModerationItem

            cached.append(ModerationItem.objects.open().count())
        return cached[0]

    return {"moderation_open_count": count}
