"""What a person follows and how they are told, for their own data export."""

from municipalities.accounts.export import export_section
from solutions.notifications.models.follow import EmailChoice, NotificationPreference, Subscription


def _iso(value):
    return value.isoformat() if value else None


@export_section("follows")
def follows(user):
    rows = Subscription.objects.filter(user=user).select_related(
        "solution", "organisation", "tag", "service_class", "help_request", "initiative"
    )
    return [
        {"kind": row.field, "target": str(row.target), "followed_at": _iso(row.created_at)} for row in rows
    ]


@export_section("notification_settings")
def notification_settings(user):
    preference = NotificationPreference.objects.filter(user=user).first()
    return {"email": preference.email if preference else EmailChoice.IMMEDIATELY.value}
