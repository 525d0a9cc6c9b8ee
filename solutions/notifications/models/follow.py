"""Following: what a person wants to hear about, and how they want to hear it.

A Subscription points at exactly one thing: a solution, a tag, a service class, an organisation,
a help request or a development initiative. solutions.notifications turns events on those things
into Notifications for the followers (and for the people the thing belongs to);
NotificationPreference says whether each notification is also mailed at once, gathered into a
daily digest, or never mailed. A DigestEntry is a notification still waiting for the recipient's
next digest; `emailed_at` makes sending it once, and only once, a matter of one UPDATE.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from municipalities.models import Organisation
from solutions.community.models.help import HelpRequest
from solutions.initiatives.models import Initiative
from solutions.models.solution import Solution
from solutions.models.vocabulary import ServiceClass
from solutions.notifications.models.notification import Notification

# The field of each kind of target, in the order they are listed on "What I follow".
TARGET_FIELDS = ("solution", "organisation", "tag", "service_class", "help_request", "initiative")


def _only(field):
    condition = Q(**{f"{field}__isnull": False})
    for other in TARGET_FIELDS:
        if other != field:
            condition &= Q(**{f"{other}__isnull": True})
    return condition


class SubscriptionQuerySet(models.QuerySet):
    def for_target(self, target):
        return self.filter(**{field_for(target): target})

    def followers_of(self, **targets):
        """Users following any of the given targets: field name to an object or a list of them."""
        condition = Q()
        for field, value in targets.items():
            if isinstance(value, (list, tuple, set, models.QuerySet)):
                condition |= Q(**{f"{field}__in": value})
            elif value is not None:
                condition |= Q(**{field: value})
        if not condition:
            return self.none()
        return self.filter(condition)


class Subscription(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("user"),
    )
    solution = models.ForeignKey(
        Solution,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("solution"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    tag = models.ForeignKey(
        Tag, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("tag")
    )
    service_class = models.ForeignKey(
        ServiceClass,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service class"),
    )
    help_request = models.ForeignKey(
        HelpRequest,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("help request"),
    )
    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("development initiative"),
    )
    created_at = models.DateTimeField(_("followed since"), auto_now_add=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.CheckConstraint(
                condition=_only("solution")
                | _only("organisation")
                | _only("tag")
                | _only("service_class")
                | _only("help_request")
                | _only("initiative"),
                name="subscription_one_target",
            ),
            *[
                models.UniqueConstraint(
                    fields=["user", field],
                    condition=Q(**{f"{field}__isnull": False}),
                    name=f"subscription_unique_{field}",
                )
                for field in TARGET_FIELDS
            ],
        ]

    def __str__(self):
        return f"{self.user} → {self.target}"

    @property
    def field(self) -> str:
        return next(field for field in TARGET_FIELDS if getattr(self, f"{field}_id") is not None)

    @property
    def target(self):
        return getattr(self, self.field)


def field_for(target) -> str:
    """The Subscription field that points at objects like `target`."""
    for field in TARGET_FIELDS:
        if isinstance(target, Subscription._meta.get_field(field).related_model):
            return field
    raise TypeError(f"Nobody follows a {type(target).__name__}.")


class EmailChoice(models.TextChoices):
    IMMEDIATELY = "immediately", _("At once, one e-mail per notification")
    DAILY = "daily", _("Once a day, all new notifications in one e-mail")
    NEVER = "never", _("Never: I read notifications in the site")


class NotificationPreference(models.Model):
    """How a person wants notifications mailed; without a row, they are mailed at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preference",
        verbose_name=_("user"),
    )
    email = models.CharField(
        _("notifications by e-mail"),
        max_length=12,
        choices=EmailChoice.choices,
        default=EmailChoice.IMMEDIATELY,
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return f"{self.user}: {self.get_email_display()}"


class DigestEntry(models.Model):
    """A notification waiting for its recipient's daily digest."""

    notification = models.OneToOneField(
        Notification, on_delete=models.CASCADE, related_name="digest_entry", verbose_name=_("notification")
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("recipient")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("digest entry")
        verbose_name_plural = _("digest entries")
        indexes = [models.Index(fields=["emailed_at", "recipient"], name="digest_pending_idx")]

    def __str__(self):
        return str(self.notification)
