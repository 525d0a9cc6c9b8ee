"""Controlled vocabularies of the national service catalogue (Suomi.fi PTV)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from municipalities.models import localized


class Vocabulary(models.Model):
    """A code list entry with names in Finnish, Swedish and English, possibly under a parent."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
    )
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)
    uri = models.URLField(_("URI"), max_length=300, blank=True)
    # Codes like P1.10 sort wrongly as text; the loader stores the position in the source list.
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "code"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")


class ServiceClass(Vocabulary):
    """A PTV service class (palveluluokka), two levels: P1 and P1.1."""

    description_fi = models.TextField(_("description in Finnish"), blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)

    class Meta(Vocabulary.Meta):
        verbose_name = _("service class")
        verbose_name_plural = _("service classes")

    @property
    def description(self) -> str:
        return localized(self, "description")

    def get_absolute_url(self):
        return reverse("solutions:solution_list") + f"?service_class={self.code}"


class LifeEvent(Vocabulary):
    """A PTV life event (elämäntapahtuma), such as having a child or moving."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("life event")
        verbose_name_plural = _("life events")

    def get_absolute_url(self):
        return reverse("solutions:solution_list") + f"?life_event={self.code}"


class TagNames(models.Model):
    """A tag's names in Finnish, Swedish and English, given by a coordinator.

    Tags are free words in whatever language their solution is written; with names here, a search
    in one language finds solutions tagged in another (`snöröjning` finds the solution tagged
    "lumityöt"), and the tag facet speaks the reader's language.
    """

    tag = models.OneToOneField(Tag, on_delete=models.CASCADE, related_name="names", verbose_name=_("tag"))
    name_fi = models.CharField(_("name in Finnish"), max_length=100, blank=True)
    name_sv = models.CharField(_("name in Swedish"), max_length=100, blank=True)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("tag names")
        verbose_name_plural = _("tag names")
        ordering = ["tag__name"]

    def __str__(self):
        return self.tag.name

    @property
    def name(self) -> str:
        return localized(self, "name") or self.tag.name
