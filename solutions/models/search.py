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
