"""Reuse: which organisations use which solutions, and who among their staff will help peers.

An Adoption is one organisation's relation to one published solution (interested, piloting, in use,
stopped), with its experience and any savings it reports; every status change is kept as an
AdoptionEvent. The publishing organisation does not mark its own solution: publishing already says it
uses it, and its own use is not reuse. Only piloting and in-use adoptions count as reuse (the reuse
count on cards, sorting by reuse, the "used by organisations like mine" filter and the balance of an
organisation). A Referent is a member who volunteers as the organisation's contact person for a
solution it uses or publishes; peers reach referents only through the site (ReferentMessage), which
never shows their addresses.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from municipalities.models import MembershipState, Organisation
from solutions.models.solution import ModerationState, Solution

MAX_EUROS_PER_YEAR = Decimal("100000000")
MAX_HOURS_PER_YEAR = 10_000_000


class AdoptionStatus(models.TextChoices):
    INTERESTED = "interested", _("Interested")
    PILOTING = "piloting", _("Piloting")
    IN_USE = "in_use", _("In use")
    STOPPED = "stopped", _("Stopped using")


# The statuses that count as reuse everywhere in the catalogue.
REUSE_STATUSES = (AdoptionStatus.IN_USE, AdoptionStatus.PILOTING)


class AdoptionQuerySet(models.QuerySet):
    def of_published(self):
        return self.filter(solution__moderation_state=ModerationState.PUBLISHED)

    def counted(self):
        """Adoptions that count as reuse: piloting or in use, by someone else than the publisher."""
        return self.filter(status__in=REUSE_STATUSES).exclude(organisation=F("solution__organisation"))


def reuse_count():
    """An expression: how many organisations pilot or use the solution of the row (no extra query)."""
    counted = (
        Adoption.objects.filter(solution=OuterRef("pk"), status__in=REUSE_STATUSES)
        .exclude(organisation=OuterRef("organisation"))
        .order_by()
        .values("solution")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=models.IntegerField()), Value(0))


def refresh_reuse_counts(solution_ids) -> None:
    """Recount Solution.reuse_count of the given solutions from their adoptions."""
    Solution.objects.filter(pk__in=list(solution_ids)).update(reuse_count=reuse_count())


class Adoption(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="adoptions", verbose_name=_("organisation")
    )
    solution = models.ForeignKey(
        Solution, on_delete=models.CASCADE, related_name="adoptions", verbose_name=_("solution")
    )
    status = models.CharField(_("status"), max_length=12, choices=AdoptionStatus.choices)
    since = models.DateField(_("since"), null=True, blank=True)
    experience = models.TextField(
        _("experience"), blank=True, help_text=_("What went well, what to watch out for, what it took.")
    )
    savings_euros_per_year = models.DecimalField(
        _("savings in euros a year"),
        max_digits=11,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(MAX_EUROS_PER_YEAR)],
    )
    savings_hours_per_year = models.PositiveIntegerField(
        _("working hours saved a year"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_HOURS_PER_YEAR)],
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    objects = AdoptionQuerySet.as_manager()

    class Meta:
        ordering = ["solution", "organisation"]
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "solution"], name="adoption_unique"),
            models.CheckConstraint(
                condition=Q(savings_euros_per_year__isnull=True) | Q(savings_euros_per_year__gte=0),
                name="adoption_savings_euros_not_negative",
            ),
        ]
        indexes = [models.Index(fields=["solution", "status"], name="adoption_solution_status_idx")]

    def __str__(self):
        return f"{self.organisation} – {self.solution} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        refresh_reuse_counts([self.solution_id])

    def delete(self, *args, **kwargs):
        solution_id = self.solution_id
        result = super().delete(*args, **kwargs)
        refresh_reuse_counts([solution_id])
        return result

    @property
    def counts_as_reuse(self) -> bool:
        return self.status in REUSE_STATUSES and self.organisation_id != self.solution.organisation_id


class AdoptionEvent(models.Model):
    """One status change of an adoption (the first one is its creation); never edited."""

    adoption = models.ForeignKey(
        Adoption, on_delete=models.CASCADE, related_name="events", verbose_name=_("adoption")
    )
    status = models.CharField(_("status"), max_length=12, choices=AdoptionStatus.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("adoption event")
        verbose_name_plural = _("adoption events")

    def __str__(self):
        return f"{self.adoption}: {self.get_status_display()} ({self.changed_at:%Y-%m-%d})"


class ReferentQuerySet(models.QuerySet):
    def active(self):
        """Referents who can still answer: active accounts that still belong to the organisation."""
        return self.filter(
            user__is_active=True,
            user__deleted_at__isnull=True,
            user__email_confirmed_at__isnull=False,
            user__memberships__organisation=F("organisation"),
            user__memberships__state=MembershipState.ACTIVE,
        )


class Referent(models.Model):
    """A member who volunteers as the organisation's contact person for a solution."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="referent_roles",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="referents", verbose_name=_("organisation")
    )
    solution = models.ForeignKey(
        Solution, on_delete=models.CASCADE, related_name="referents", verbose_name=_("solution")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ReferentQuerySet.as_manager()

    class Meta:
        ordering = ["solution", "organisation", "created_at"]
        verbose_name = _("referent")
        verbose_name_plural = _("referents")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "solution"], name="referent_unique"),
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation} – {self.solution}"


class ReferentMessage(models.Model):
    """A message sent to the referents of a solution: the log that rate limits and explains mailings."""

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="referent_messages",
        verbose_name=_("sender"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("sender's organisation"),
    )
    solution = models.ForeignKey(
        Solution, on_delete=models.CASCADE, related_name="referent_messages", verbose_name=_("solution")
    )
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"))
    recipient_count = models.PositiveSmallIntegerField(_("recipients"), default=0)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("message to referents")
        verbose_name_plural = _("messages to referents")

    def __str__(self):
        return self.subject
