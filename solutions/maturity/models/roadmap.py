"""Roadmaps: planned digitalisation of an organisation or a region, per life event and service class.

An item belongs either to an organisation or to a region (never both). Roadmaps are public, so
that two municipalities planning the same thing find each other and the solution that exists.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from municipalities.models import Organisation, Region
from solutions.models import LifeEvent, ServiceClass


class RoadmapStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class BudgetClass(models.TextChoices):
    UNKNOWN = "unknown", _("Not known yet")
    SMALL = "small", _("Under 20,000 euros")
    MEDIUM = "medium", _("20,000–100,000 euros")
    LARGE = "large", _("100,000–500,000 euros")
    VERY_LARGE = "very_large", _("Over 500,000 euros")


class RoadmapQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related(
            "organisation",
            "organisation__region",
            "region",
            "life_event",
            "service_class",
            "service_class__parent",
        )


class RoadmapItem(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roadmap_items",
        verbose_name=_("organisation"),
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roadmap_items",
        verbose_name=_("region"),
    )
    life_event = models.ForeignKey(
        LifeEvent, on_delete=models.PROTECT, related_name="roadmap_items", verbose_name=_("life event")
    )
    service_class = models.ForeignKey(
        ServiceClass,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="roadmap_items",
        verbose_name=_("service class"),
    )
    title = models.CharField(_("what"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=4000)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    status = models.CharField(
        _("status"), max_length=12, choices=RoadmapStatus.choices, default=RoadmapStatus.PLANNED
    )
    budget_class = models.CharField(
        _("budget class"), max_length=12, choices=BudgetClass.choices, default=BudgetClass.UNKNOWN
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("updated by"),
    )
    version = models.PositiveIntegerField(default=1)

    objects = RoadmapQuerySet.as_manager()

    class Meta:
        ordering = ["year", "quarter", "pk"]
        verbose_name = _("roadmap item")
        verbose_name_plural = _("roadmap items")
        constraints = [
            models.CheckConstraint(
                condition=(Q(organisation__isnull=False) & Q(region__isnull=True))
                | (Q(organisation__isnull=True) & Q(region__isnull=False)),
                name="roadmap_item_one_owner",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def owner(self):
        return self.organisation or self.region

    @property
    def service_group_id(self) -> int | None:
        """The top-level service class of the item, to find others planning the same."""
        if self.service_class is None:
            return None
        return self.service_class.parent_id or self.service_class_id

    @property
    def when(self) -> str:
        return f"{self.year} Q{self.quarter}" if self.quarter else str(self.year)
