"""publiccode.yml documents kept beside the solutions they describe, and the repositories harvested.

A solution imported from a publiccode.yml keeps the document (PubliccodeDocument), so that what the
catalogue's fields cannot hold (other languages, platforms, features, dependencies …) is exported
again unchanged. An edit that waits for review carries its document in `pending` until the
revision is approved. An organisation registers repositories (HarvestSource); every reading of one
leaves a HarvestLog with the outcome and the exact validation messages.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from municipalities.models import Organisation
from solutions.models import Revision, Solution


class PubliccodeDocument(models.Model):
    solution = models.OneToOneField(Solution, on_delete=models.CASCADE, related_name="publiccode")
    document = models.JSONField(_("publiccode.yml document"), default=dict)
    pending = models.JSONField(_("document waiting for review"), null=True, blank=True)
    pending_revision = models.ForeignKey(
        Revision, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("publiccode.yml document")
        verbose_name_plural = _("publiccode.yml documents")

    def __str__(self):
        return str(self.solution)


class TrustedPublisher(models.Model):
    """An organisation whose harvested changes a coordinator lets publish without review."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="trusted_publisher"
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    marked_at = models.DateTimeField(_("marked"), auto_now_add=True)

    class Meta:
        verbose_name = _("trusted publisher")
        verbose_name_plural = _("trusted publishers")

    def __str__(self):
        return str(self.organisation)


class Outcome(models.TextChoices):
    NEVER = "never", _("Not read yet")
    UNCHANGED = "unchanged", _("No changes")
    CREATED = "created", _("Draft created")
    UPDATED = "updated", _("Draft updated")
    REVISION = "revision", _("Edit sent for review")
    PUBLISHED = "published", _("Published at once")
    WAITING = "waiting", _("Waiting for an earlier review")
    INVALID = "invalid", _("Invalid file")
    FAILED = "failed", _("Could not be read")


class HarvestSource(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="harvest_sources")
    url = models.URLField(_("repository or file address"), max_length=500)
    raw_url = models.URLField(_("publiccode.yml address"), max_length=500)
    solution = models.ForeignKey(
        Solution, on_delete=models.SET_NULL, null=True, blank=True, related_name="harvest_sources"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    last_read_at = models.DateTimeField(_("last read"), null=True, blank=True)
    last_outcome = models.CharField(
        _("outcome"), max_length=12, choices=Outcome.choices, default=Outcome.NEVER
    )
    last_valid = models.BooleanField(_("valid"), null=True)
    last_messages = models.JSONField(_("messages"), default=list, blank=True)
    content_sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["url", "pk"]
        verbose_name = _("harvested repository")
        verbose_name_plural = _("harvested repositories")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "raw_url"], name="harvest_source_unique_url"),
        ]

    def __str__(self):
        return self.url


class HarvestLog(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    source = models.ForeignKey(HarvestSource, on_delete=models.CASCADE, related_name="logs")
    created_at = models.DateTimeField(_("read"), auto_now_add=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    valid = models.BooleanField(_("valid"), null=True)
    messages = models.JSONField(_("messages"), default=list, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("harvest log entry")
        verbose_name_plural = _("harvest log entries")
        indexes = [models.Index(fields=["-created_at"], name="harvest_log_created_idx")]

    def __str__(self):
        return f"{self.source} {self.created_at:%Y-%m-%d %H:%M} {self.outcome}"
