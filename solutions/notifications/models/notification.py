"""Notifications shown in the site, written alongside the e-mails about the same event."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from kuntajako.events.models import Event


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def unread_count(self, user) -> int:
        if not getattr(user, "is_authenticated", False):
            return 0
        return self.filter(recipient=user).unread().count()


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=40)
    title = models.CharField(_("title"), max_length=300)
    # The untranslated message and its values, so the site shows the title in the language of the
    # page being read; `title` keeps it as written for the recipient (their e-mail, older rows).
    message = models.CharField(_("message"), max_length=300, blank=True)
    params = models.JSONField(_("values"), default=dict, blank=True)
    text = models.TextField(_("text"), blank=True)
    url = models.CharField(_("address"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    # The event it tells of: one notification per event and person, however often the fan-out runs.
    event = models.ForeignKey(
        Event, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("event")
    )

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "recipient"],
                condition=models.Q(event__isnull=False),
                name="notification_once_per_event",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def display_title(self) -> str:
        """The title in the active language (the page's), falling back to the stored one."""
        if not self.message:
            return self.title
        try:
            return (gettext(self.message) % self.params if self.params else gettext(self.message))[:300]
        except (KeyError, TypeError, ValueError):
            return self.title

    @property
    def display_url(self) -> str:
        """The link in the active language: /fi/… becomes /en/… on an English page."""
        prefix, _slash, rest = self.url.lstrip("/").partition("/")
        if self.url.startswith("/") and prefix in dict(settings.LANGUAGES):
            return f"/{get_language()}/{rest}"
        return self.url
