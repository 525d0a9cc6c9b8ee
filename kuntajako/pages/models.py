"""The pages the law and good practice ask a public service to publish, kept in the database so that
coordinators can edit them in the admin without a deployment.

One row per page (accessibility statement, privacy notice, about, terms of use), with a title and a
Markdown body in Finnish, Swedish and English. A language left empty falls back to Finnish. After
each `migrate`, seeding.py writes the pages that do not exist yet; after that the text is the
coordinators'.
"""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

FALLBACK_LANGUAGE = "fi"


class PageKind(models.TextChoices):
    ABOUT = "about", _("About the service")
    ACCESSIBILITY = "accessibility", _("Accessibility statement")
    PRIVACY = "privacy", _("Privacy notice")
    TERMS = "terms", _("Terms of use")


class Page(models.Model):
    kind = models.CharField(_("page"), max_length=20, choices=PageKind.choices, unique=True)
    title_fi = models.CharField(_("title in Finnish"), max_length=200)
    title_sv = models.CharField(_("title in Swedish"), max_length=200, blank=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    body_fi = models.TextField(_("text in Finnish"), help_text=_("Markdown. Headings start at ##."))
    body_sv = models.TextField(_("text in Swedish"), blank=True, help_text=_("Markdown."))
    body_en = models.TextField(_("text in English"), blank=True, help_text=_("Markdown."))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["kind"]

    def __str__(self):
        return self.get_kind_display()

    def in_language(self, language: str | None = None) -> tuple[str, str, str]:
        """(title, Markdown body, language code) in `language` (the active one), or in Finnish."""
        language = language or translation.get_language() or FALLBACK_LANGUAGE
        title, body = getattr(self, f"title_{language}", ""), getattr(self, f"body_{language}", "")
        if title and body:
            return title, body, language
        return self.title_fi, self.body_fi, FALLBACK_LANGUAGE
