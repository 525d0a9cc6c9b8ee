"""The moderation queue and the log of its decisions.

Every kind of thing a coordinator decides on, a submitted solution, a revision and later a reported
comment or a held post, is one ModerationItem pointing at its target through a generic relation, so
the queue is a single list. Each decision is written to ModerationDecision, which is append-only:
rows are never changed or deleted, by the application or through the admin.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from municipalities.models import Organisation
from solutions.models.solution import Solution
from solutions.moderation import registry


class ItemKind(models.TextChoices):
    SUBMISSION = "submission", _("New solution")
    REVISION = "revision", _("Edit of a published solution")
    REPORT = "report", _("Reported post")
    HELD_POST = "held_post", _("Held post")


class ItemState(models.TextChoices):
    OPEN = "open", _("Open")
    DECIDED = "decided", _("Decided")


class Decision(models.TextChoices):
    APPROVED = "approved", _("Approved")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ARCHIVED = "archived", _("Archived")
    RESTORED = "restored", _("Restored")
    HIDDEN = "hidden", _("Hidden")


class ModerationItemQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state=ItemState.OPEN)

    def for_queue(self):
        """Open items, oldest first, with what a queue row shows."""
        return (
            self.open()
            .select_related("organisation", "submitted_by", "claimed_by", "content_type")
            .order_by("submitted_at", "pk")
        )


class ModerationItem(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("content type"))
    object_id = models.PositiveBigIntegerField(_("object id"))
    target = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="moderation_items",
        verbose_name=_("organisation"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted"))
    state = models.CharField(_("state"), max_length=10, choices=ItemState.choices, default=ItemState.OPEN)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("claimed by"),
    )
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = ModerationItemQuerySet.as_manager()

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = _("moderation item")
        verbose_name_plural = _("moderation items")
        indexes = [
            models.Index(fields=["state", "submitted_at"], name="moderation_queue_idx"),
            models.Index(fields=["content_type", "object_id"], name="moderation_target_idx"),
        ]
        constraints = [
            # One open request per target and kind: a second submit cannot queue a duplicate.
            models.UniqueConstraint(
                fields=["content_type", "object_id", "kind"],
                condition=Q(state="open"),
                name="moderation_one_open_item_per_target",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.object_id} ({self.get_state_display()})"

    @property
    def is_open(self) -> bool:
        return self.state == ItemState.OPEN

    def get_kind_display(self):
        # Kinds added by apps above the catalogue are named in the queue's registry.
        return registry.EXTRA_KINDS.get(self.kind) or self._get_FIELD_display(self._meta.get_field("kind"))


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Moderation decisions are append-only.")

    def delete(self):
        raise TypeError("Moderation decisions are append-only.")


class ModerationDecision(models.Model):
    """One decision, for ever: who decided what about which object, when and why."""

    item = models.ForeignKey(
        ModerationItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("moderation item"),
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, verbose_name=_("content type"))
    object_id = models.PositiveBigIntegerField(_("object id"))
    target = GenericForeignKey("content_type", "object_id")
    # The solution the decision concerns, also when the target is a revision, so an organisation's
    # pages can show the latest decision per solution in one query.
    solution = models.ForeignKey(
        Solution,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="moderation_decisions",
        verbose_name=_("solution"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="moderation_decisions",
        verbose_name=_("organisation"),
    )
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"))

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_at", "-pk"]
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")
        indexes = [models.Index(fields=["solution", "-decided_at"], name="decision_solution_idx")]

    def __str__(self):
        return f"{self.get_decision_display()} – {self.decided_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("Moderation decisions are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Moderation decisions are append-only.")
