from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from solutions.community.models import Adoption

DEFAULT_CURRENCY = "EUR"


class SavingMethod(models.TextChoices):
    ESTIMATED = "estimated", _("Estimated")
    MEASURED = "measured", _("Measured")


class AdoptionSaving(models.Model):
    """How the savings an adoption reports were arrived at: method, period and currency.

    An adoption without one counts as estimated, in euros, from its start date on.
    """

    adoption = models.OneToOneField(
        Adoption, on_delete=models.CASCADE, related_name="saving_details", verbose_name=_("adoption")
    )
    method = models.CharField(
        _("method"), max_length=10, choices=SavingMethod.choices, default=SavingMethod.ESTIMATED
    )
    period_start = models.DateField(_("period start"), null=True, blank=True)
    period_end = models.DateField(_("period end"), null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default=DEFAULT_CURRENCY)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("description of an adoption's savings")
        verbose_name_plural = _("descriptions of adoptions' savings")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_end__gte=F("period_start")),
                name="adoption_saving_period_in_order",
            )
        ]

    def __str__(self):
        return f"{self.adoption} ({self.get_method_display()})"
