"""Search on SQLite: an FTS5 table with the trigram tokenizer, ranked with bm25().

Trigram tokens match any substring of three letters or more, so a query word finds Finnish compounds
that contain it, and matching on the word's stem (Term.stem) finds its inflected forms. Shorter
words cannot be looked up in a trigram index and are left out of the query.
"""

# SQL here is assembled only from this module's constants; user text travels as query parameters.
# ruff: noqa: S608, S611

import importlib

from django.db.models import Q
from django.db.models.expressions import RawSQL

from solutions.search.base import ParsedQuery, RowSQL, SearchBackend, Term, no_rank

TABLE = "solutions_solution_fts"
# Column weights for bm25(): title, summary (with `replaces`), tags, body, organisation names.
WEIGHTS = "10.0, 4.0, 4.0, 1.0, 0.5"
_MIN_TRIGRAM = 3


def _string(text: str) -> str:
    """An FTS5 string literal: whatever the user typed, it is only ever a substring to look for."""
    return '"' + text.replace('"', '""') + '"'


def _positive(term: Term) -> str | None:
    text = term.stem
    return _string(text) if len(text) >= _MIN_TRIGRAM else None


def _negative(term: Term) -> str | None:
    return _string(term.text) if len(term.text) >= _MIN_TRIGRAM else None


def match_expression(parsed: ParsedQuery) -> tuple[str, str]:
    """The FTS5 MATCH expressions for what must match and for what is excluded ('' when none)."""
    groups = []
    for group in parsed.groups:
        alternatives = [s for s in map(_positive, group) if s]
        if alternatives:
            groups.append("(" + " OR ".join(alternatives) + ")")
    excluded = [s for s in map(_negative, parsed.excluded) if s]
    return " AND ".join(groups), " OR ".join(excluded)


class SQLiteSearchBackend(SearchBackend):
    def search_parsed(self, queryset, query, parsed):
        wanted, excluded = match_expression(parsed)
        if not wanted and not excluded:
            # Only words too short for the trigram index: nothing can be looked up.
            return no_rank(queryset.none())
        if not wanted:
            return no_rank(
                queryset.exclude(
                    pk__in=RawSQL(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [excluded])
                )
            )
        expression = f"({wanted}) NOT ({excluded})" if excluded else wanted
        matching = RawSQL(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [expression])
        # The scores are computed once per query into a temporary table, then looked up per row.
        # bm25() is lower for better matches; the interface promises higher is better.
        rank = RowSQL(
            f"WITH ranked AS MATERIALIZED (SELECT rowid AS id, bm25({TABLE}, {WEIGHTS}) AS score"
            f" FROM {TABLE} WHERE {TABLE} MATCH %s)"
            " SELECT -score FROM ranked WHERE ranked.id = __ROW__.id",
            [expression],
        )
        return queryset.filter(Q(pk__in=matching)).annotate(search_rank=rank)


TRIGGERS = ("solutions_solution_fts_insert", "solutions_solution_fts_update", "solutions_solution_fts_delete")


def ensure_triggers(sender=None, using="default", **kwargs):
    """Restore the FTS triggers when a migration rebuilt solutions_solution and dropped them.

    SQLite cannot alter most columns in place, so Django rebuilds the table and the triggers on the
    old one are gone. Checked after every `migrate` (post_migrate), so no migration has to remember
    it; the index is refilled because rows may have changed while the triggers were missing.
    """
    from django.db import connections

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    search_index = importlib.import_module("solutions.migrations.0002_search_index")
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = %s", [TABLE])
        if cursor.fetchone() is None:
            return  # the search migration has not run (yet): nothing to restore
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN (%s, %s, %s)", list(TRIGGERS)
        )
        if len(cursor.fetchall()) == len(TRIGGERS):
            return
        for statement in search_index.SQLITE_BACKWARD[:3] + search_index.SQLITE_FORWARD[1:4]:
            cursor.execute(statement)
        cursor.execute(f"DELETE FROM {TABLE}")
        cursor.execute(search_index.SQLITE_FORWARD[4])
