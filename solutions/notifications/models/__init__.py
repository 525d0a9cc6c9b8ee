from solutions.notifications.models.follow import (
    DigestEntry,
    EmailChoice,
    NotificationPreference,
    Subscription,
)
from solutions.notifications.models.notification import Notification

__all__ = ["DigestEntry", "EmailChoice", "Notification", "NotificationPreference", "Subscription"]
