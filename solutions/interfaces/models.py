"""API tokens of organisations.

An organisation's admin creates a token with a name and scopes. The secret is shown once; the
database keeps its first characters (`prefix`, to find the row) and the SHA-256 of the whole secret.
A token acts as the admin who created it: each use re-checks that this person is still a verified
admin of the token's organisation, so a token stops working the moment its creator loses the role.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from municipalities.models import Organisation


class Scope(models.TextChoices):
    READ = "read", _("Read the organisation's unpublished solutions")
    WRITE_DRAFTS = "write:drafts", _("Create and edit drafts, propose edits of published solutions")
    SUBMIT = "submit", _("Submit drafts for review")


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=16, unique=True)
    secret_hash = models.CharField(_("SHA-256 of the secret"), max_length=64)
    scopes = models.JSONField(_("scopes"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def get_scopes_display(self) -> list[str]:
        return [Scope(scope).label for scope in self.scopes if scope in Scope.values]
