"""The vocabulary of the search index: every lexeme that published solutions contain.

Typo correction looks a query word up here (a few thousand short rows with a trigram index) rather
than comparing it with every document. The rows are written by solutions/search/index.py, never by
hand; `manage.py reindex` rebuilds them with exact document counts.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchLexeme(models.Model):
    lexeme = models.CharField(_("lexeme"), max_length=60, unique=True)
    # How many published solutions contain it (exact after a reindex, at least this many between).
    document_count = models.PositiveIntegerField(_("document count"), default=1)

    class Meta:
        verbose_name = _("search lexeme")
        verbose_name_plural = _("search lexemes")

    def __str__(self):
        return self.lexeme


class SearchConcept(models.Model):
    """A service class or life event name, as the index analyses it, with its names in the other
    languages: a query that is exactly one of these names also looks for the others (`home care`
    finds "Kotihoidon toiminnanohjaus"). ``key`` is the name's lexemes, sorted, space-separated;
    ``names`` a list of [name, language] pairs."""

    key = models.CharField(_("key"), max_length=200, unique=True)
    names = models.JSONField(_("names"), default=list)

    class Meta:
        verbose_name = _("search concept")
        verbose_name_plural = _("search concepts")

    def __str__(self):
        return self.key
