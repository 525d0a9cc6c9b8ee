"""Edits of a published solution, kept apart until a coordinator approves them.

The published text stays online while a revision is pending. Approval copies the revision's data onto
the solution; rejection leaves the solution as it was. The revision itself is never deleted, so what
an editor wrote can always be opened, edited again and resubmitted.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from solutions.models.solution import Solution


class RevisionState(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class RevisionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=RevisionState.PENDING)


class Revision(models.Model):
    solution = models.ForeignKey(
        Solution, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("solution")
    )
    # Field values as the editor form produces them: plain values, and many-to-many relations as
    # lists of codes (vocabularies), ids (organisations) or names (tags); see solutions.services.publishing.
    data = models.JSONField(_("edited content"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    state = models.CharField(
        _("state"), max_length=12, choices=RevisionState.choices, default=RevisionState.PENDING
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [
            # A second edit while one waits updates the waiting one instead of queueing another.
            models.UniqueConstraint(
                fields=["solution"], condition=Q(state="pending"), name="revision_one_pending_per_solution"
            ),
        ]

    def __str__(self):
        return f"{self.solution} ({self.get_state_display()})"
