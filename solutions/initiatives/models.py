"""Joint development initiatives: a development need that several organisations build together.

An organisation (or a coordinator) proposes a need; other organisations join as partners with a
commitment that their own admin confirms. The initiative moves

    gathering partners --agree--> agreed --start--> in development --deliver--> delivered
    (any of the first three) --close (reason required)--> closed

and, when delivered, becomes a solution of the proposing organisation with every confirmed partner
as a co-publisher. Every change goes through solutions.initiatives.services.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from municipalities.models import Organisation
from solutions.community.models.discussion import Post, PostQuerySet
from solutions.models import LifeEvent, ServiceClass, Solution


class InitiativeStatus(models.TextChoices):
    GATHERING = "gathering", _("Gathering partners")
    AGREED = "agreed", _("Agreed")
    IN_DEVELOPMENT = "in_development", _("In development")
    DELIVERED = "delivered", _("Delivered")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = (InitiativeStatus.GATHERING, InitiativeStatus.AGREED, InitiativeStatus.IN_DEVELOPMENT)


class BudgetClass(models.TextChoices):
    UNKNOWN = "unknown", _("Not estimated yet")
    SMALL = "small", _("Under 20 000 euros")
    MEDIUM = "medium", _("20 000–100 000 euros")
    LARGE = "large", _("100 000–500 000 euros")
    VERY_LARGE = "very_large", _("Over 500 000 euros")


class InitiativeQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("organisation").annotate(
            partner_count=models.Count("partners", filter=Q(partners__state=PartnerState.CONFIRMED))
        )

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)


class Initiative(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    problem = models.TextField(
        _("development need"),
        max_length=20000,
        help_text=_("What problem should be solved, and for whom. Markdown."),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="initiatives",
        verbose_name=_("proposing organisation"),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    service_classes = models.ManyToManyField(
        ServiceClass, blank=True, related_name="initiatives", verbose_name=_("service classes")
    )
    life_events = models.ManyToManyField(
        LifeEvent, blank=True, related_name="initiatives", verbose_name=_("life events")
    )
    linked_solutions = models.ManyToManyField(
        Solution,
        blank=True,
        related_name="initiatives",
        verbose_name=_("existing solutions and procurement documents"),
    )
    licence = models.CharField(
        _("intended licence"), max_length=64, blank=True, help_text=_("SPDX identifier, e.g. EUPL-1.2.")
    )
    budget_class = models.CharField(
        _("rough budget"), max_length=12, choices=BudgetClass.choices, default=BudgetClass.UNKNOWN
    )
    status = models.CharField(
        _("status"), max_length=16, choices=InitiativeStatus.choices, default=InitiativeStatus.GATHERING
    )
    closed_reason = models.TextField(_("reason for closing"), blank=True)
    solution = models.OneToOneField(
        Solution,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiative",
        verbose_name=_("delivered solution"),
    )
    # Raised on every change: a form carrying an older number is told someone acted in between.
    version = models.PositiveIntegerField(default=1, editable=False)
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("development initiative")
        verbose_name_plural = _("development initiatives")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=InitiativeStatus.CLOSED) | ~Q(closed_reason=""),
                name="initiative_closed_has_reason",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("initiatives:detail", args=[self.slug])

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def confirmed_organisation_ids(self) -> set[int]:
        """Organisations that are confirmed partners (the proposer is one from the start).

        Read from the prefetched partners when the page prefetched them."""
        return {p.organisation_id for p in self.partners.all() if p.state == PartnerState.CONFIRMED}


class PartnerState(models.TextChoices):
    PENDING = "pending", _("Waiting for the organisation's admin")
    CONFIRMED = "confirmed", _("Confirmed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Partner(models.Model):
    """An organisation taking part in an initiative, with what it commits to."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="partners", verbose_name=_("initiative")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="initiative_partners",
        verbose_name=_("organisation"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=PartnerState.choices, default=PartnerState.PENDING
    )
    money = models.BooleanField(_("money"), default=False)
    money_euros = models.PositiveIntegerField(_("euros"), null=True, blank=True)
    people = models.BooleanField(_("people"), default=False)
    piloting = models.BooleanField(_("piloting"), default=False)
    requirements = models.BooleanField(_("requirements"), default=False)
    commitment = models.TextField(_("commitment in words"), max_length=2000, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "organisation"], name="partner_once_per_initiative"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} → {self.initiative}"

    @property
    def commitment_labels(self) -> list[str]:
        labels = []
        for name in ("money", "people", "piloting", "requirements"):
            if getattr(self, name):
                labels.append(str(self._meta.get_field(name).verbose_name))
        return labels


class InitiativeUpdate(models.Model):
    """News from the partners: where the work stands."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="updates", verbose_name=_("initiative")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    body = models.TextField(_("update"), max_length=10000, help_text=_("Markdown."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("initiative update")
        verbose_name_plural = _("initiative updates")

    def __str__(self):
        return self.body[:40]

    def get_absolute_url(self):
        return f"{self.initiative.get_absolute_url()}#update-{self.pk}"


class InitiativeMessage(Post):
    """A message in an initiative's discussion: for everyone, or for the partners only."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="messages", verbose_name=_("initiative")
    )
    partners_only = models.BooleanField(_("for the partners only"), default=False)
    body = models.TextField(_("message"), max_length=5000)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("initiative message")
        verbose_name_plural = _("initiative messages")
        indexes = [
            models.Index(fields=["initiative", "partners_only", "created_at"], name="initiative_message_idx")
        ]

    def __str__(self):
        return self.body[:40]

    def get_absolute_url(self):
        return f"{self.initiative.get_absolute_url()}#message-{self.pk}"
