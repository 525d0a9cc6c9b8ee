"""One row per outgoing mail (see kuntajako.outbox.services.delivery for its life)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class OutgoingMailQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True, failed_at__isnull=True)

    def claimable(self, now):
        """Unsent rows nobody holds: never claimed, or whose holder's lease has run out."""
        return self.unsent().filter(Q(lease_until__isnull=True) | Q(lease_until__lte=now))


class OutgoingMail(models.Model):
    """A finished message (subject, plain-text body, recipients, headers) and how far it has got.

    Its states: waiting (no lease), held by a worker until `lease_until` (`claim_token` names the
    claim), sent (`sent_at`), or given up after too many failures (`failed_at`). `message_key`
    gives the Message-ID that every attempt to send the row carries.
    """

    message_key = models.UUIDField(_("message key"), default=uuid.uuid4, unique=True, editable=False)
    to = models.JSONField(_("recipients"), default=list)
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("body"))
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    claim_token = models.UUIDField(_("claim"), null=True, blank=True, editable=False)
    lease_until = models.DateTimeField(_("held until"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    failed_at = models.DateTimeField(_("given up"), null=True, blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mail")
        indexes = [
            models.Index(
                fields=["created_at"],
                name="outbox_unsent_idx",
                condition=Q(sent_at__isnull=True, failed_at__isnull=True),
            )
        ]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"

    @property
    def message_id(self) -> str:
        """The Message-ID header: the same for every attempt, so a receiver can drop a resend."""
        domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(" >") or "kuntajako.invalid"
        return f"<{self.message_key}@{domain}>"
