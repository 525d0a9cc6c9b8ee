"""Outgoing mail, read-only: what waits, what was sent, what failed and why. The body stays out of
the admin (it may carry a password-reset link)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kuntajako.outbox.models import OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    list_display = ("subject", "recipients", "created_at", "attempts", "sent_at", "failed_at")
    list_filter = ("sent_at", "failed_at")
    date_hierarchy = "created_at"
    fields = readonly_fields = (
        "message_key", "to", "subject", "created_at", "attempts", "lease_until", "sent_at",
        "failed_at", "last_error",
    )  # fmt: skip

    @admin.display(description=_("recipients"))
    def recipients(self, mail):
        return ", ".join(mail.to)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
