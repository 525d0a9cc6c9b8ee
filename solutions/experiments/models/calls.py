from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from municipalities.models import Organisation
from solutions.models import LifeEvent, ServiceClass


class CallQuerySet(models.QuerySet):
    def open(self):
        return self.filter(deadline__gte=timezone.localdate())

    def for_listing(self):
        return self.select_related("organisation").prefetch_related("service_classes", "life_events")


class Call(models.Model):
    """A call for experiments, opened by a coordinator; open until its deadline (inclusive)."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    theme = models.TextField(_("theme"), help_text=_("What the call is about and what it hopes to learn."))
    service_classes = models.ManyToManyField(
        ServiceClass, blank=True, related_name="calls", verbose_name=_("service classes")
    )
    life_events = models.ManyToManyField(
        LifeEvent, blank=True, related_name="calls", verbose_name=_("life events")
    )
    deadline = models.DateField(_("deadline"), help_text=_("The last day to submit an experiment."))
    support_offered = models.TextField(
        _("support offered"), help_text=_("Funding, expert help or tools that the experiments get.")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="calls",
        verbose_name=_("opened by organisation"),
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)

    objects = CallQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at", "-pk"]
        verbose_name = _("call for experiments")
        verbose_name_plural = _("calls for experiments")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("experiments:call_detail", args=[self.slug])

    @property
    def is_open(self) -> bool:
        return self.deadline >= timezone.localdate()
