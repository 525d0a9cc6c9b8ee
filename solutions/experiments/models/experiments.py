from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from municipalities import permissions
from municipalities.models import Organisation
from solutions.experiments.models.calls import Call
from solutions.experiments.models.savings import DEFAULT_CURRENCY
from solutions.models import ServiceClass, Solution

MAX_EUROS_PER_YEAR = Decimal("100000000")
MAX_HOURS_PER_YEAR = 10_000_000


class ReviewState(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for review")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


class ExperimentStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")
    STOPPED = "stopped", _("Stopped")


class ExperimentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(review_state=ReviewState.PUBLISHED)

    def visible_to(self, user):
        """Published experiments, and an organisation's own ones to its members (coordinators see all)."""
        if permissions.is_coordinator(user):
            return self
        own = list(permissions.roles(user))
        return self.filter(Q(review_state=ReviewState.PUBLISHED) | Q(organisation_id__in=own))

    def for_listing(self):
        return self.select_related("organisation__region", "call").prefetch_related("service_classes")


class Experiment(models.Model):
    call = models.ForeignKey(
        Call, on_delete=models.PROTECT, related_name="experiments", verbose_name=_("call")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="experiments", verbose_name=_("organisation")
    )
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="partner_experiments", verbose_name=_("partner organisations")
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    hypothesis = models.TextField(_("hypothesis"), help_text=_("What you expect to change, and why."))
    service_changed = models.CharField(
        _("service it changes"), max_length=300, help_text=_("The service as citizens know it.")
    )
    service_classes = models.ManyToManyField(
        ServiceClass, blank=True, related_name="experiments", verbose_name=_("service classes")
    )
    measure = models.CharField(
        _("what is measured"), max_length=200, help_text=_("For example: handling time of one application.")
    )
    unit = models.CharField(_("unit"), max_length=50, help_text=_("For example: minutes."))
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))

    review_state = models.CharField(
        _("review"), max_length=12, choices=ReviewState.choices, default=ReviewState.SUBMITTED
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ExperimentStatus.choices, default=ExperimentStatus.PLANNED
    )
    lesson = models.TextField(_("lesson learned"), blank=True)
    measured_result = models.DecimalField(
        _("measured result"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    result_summary = models.TextField(_("what the experiment showed"), blank=True)
    savings_euros_per_year = models.DecimalField(
        _("measured savings in euros a year"),
        max_digits=11,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(MAX_EUROS_PER_YEAR)],
    )
    savings_hours_per_year = models.PositiveIntegerField(
        _("measured working hours saved a year"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_HOURS_PER_YEAR)],
    )
    savings_currency = models.CharField(_("currency"), max_length=3, default=DEFAULT_CURRENCY)
    solution = models.ForeignKey(
        Solution,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="experiments",
        verbose_name=_("solution made of it"),
    )

    submitted_at = models.DateTimeField(_("submitted"))
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Raised on every change: a form carrying an older number is told someone saved in between.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = ExperimentQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("experiment")
        verbose_name_plural = _("experiments")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="experiment_period_in_order"
            ),
            models.CheckConstraint(
                condition=Q(savings_euros_per_year__isnull=True) | Q(savings_euros_per_year__gte=0),
                name="experiment_savings_not_negative",
            ),
        ]
        indexes = [models.Index(fields=["review_state", "status"], name="experiment_state_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("experiments:experiment_detail", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.review_state == ReviewState.PUBLISHED

    @property
    def change_percent(self) -> Decimal | None:
        """How much the measured result differs from the baseline, in per cent of the baseline."""
        if self.measured_result is None or not self.baseline:
            return None
        return (self.measured_result - self.baseline) / self.baseline * 100
