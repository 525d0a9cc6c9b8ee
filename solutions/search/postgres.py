"""Search on PostgreSQL: the pre-analysed `search_vector` (solutions/search/index.py) with a GIN index.

The query is analysed in Python exactly as the documents were and written as a tsquery of lexemes
(``'kirjasto' | 'librari'``), cast with ``::tsquery`` so no text-search configuration re-reads it.
A query word matches any of its lexemes, or its compound parts in a row (`koulukuljetus` finds
"koulu kuljetus"); a "quoted phrase" joins words with ``<->``; -word negates; `or` joins terms.
Ranking is ts_rank with the weights below (title A down to organisation names D; a compound part
counts one weight lower than the whole word).
"""

import logging
from contextlib import contextmanager

from django.core.exceptions import EmptyResultSet
from django.db import OperationalError, connections, transaction
from django.db.models import BooleanField, Q
from psycopg.errors import QueryCanceled

from solutions.search.analysis import QueryWord
from solutions.search.base import AnalysedTerm, Plan, RowSQL, SearchBackend, no_rank
from solutions.search.index import LEXEME_TABLE, has_ranked_index

logger = logging.getLogger(__name__)

# Which solutions match, written with `@@@`, PostgreSQL's other name for `@@` on a tsvector, which
# only the GIN index serves. The RUM index answers `@@` as well, and the planner preferred it for
# finding matches (its estimates are lower) although it is many times slower at that: 60 ms against
# 5 ms for `ateriapalvelujen tilaus`, 26 against 12 ms for the 21,814 matches of `asukas palaute`
# at 100,000 solutions. RUM is there to return matches in rank order (`ranked_ids`), not to find them.
MATCH = "@@@"
# Below this many expected matches, "is there any match?" asks the GIN index (see `any_match`).
SCAN_FOR_ANY_ABOVE = 1000


def _estimated_rows(explained) -> float:
    """The planner's estimate of the rows under the LIMIT of an EXPLAIN (FORMAT JSON) result."""
    if isinstance(explained, str):
        import json

        explained = json.loads(explained)
    node = explained[0]["Plan"]
    return node["Plans"][0]["Plan Rows"] if node.get("Plans") else node["Plan Rows"]


# How long the RUM index may take for a search's best matches. It ranks every match before it
# returns the first, so a relaxed search of many common words ("palvelu järjestelmä kunta asukas …":
# no solution has them all, nearly every one has some) took 370 ms at 100,000 solutions, where the
# broadest real searches take 25-50 ms. Past this the caller ranks a capped share of the matches
# instead (SolutionFilter.results): worse results for such a query, but a page within 0.5 s.
RANKED_TIMEOUT_MS = 250
# What ranked_ids orders by (the RUM index's distance to the query).
RANK_ORDER = "__ROW__.search_vector <=> %s::tsquery"


@contextmanager
def local_settings(connection, settings: dict[str, str]):
    """PostgreSQL settings for the statements of this block only (set_config's is_local), also
    inside a longer transaction, where they are put back afterwards."""
    inside_transaction = connection.in_atomic_block
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for name, value in settings.items():
            cursor.execute("SELECT set_config(%s, %s, true)", [name, value])
        yield
        # After an error the savepoint's rollback takes the settings back; outside a longer
        # transaction they end with this one.
        if inside_transaction:
            cursor.execute(
                "SELECT set_config(name, reset_val, true) FROM pg_settings WHERE name = ANY(%s)",
                [list(settings)],
            )


# ts_rank weights for D, C, B, A.
WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"
# Length normalisation as BM25 does it (b = 0.75): the rank is divided by
# 1 - b + b × length / TYPICAL_LENGTH, where length is the number of distinct lexemes in the entry.
# A short text that is about the query outranks a long one that mentions it in passing, yet a long
# text is not pushed down in proportion to its length. TYPICAL_LENGTH is about a solution with a
# title, a two-sentence summary and a few paragraphs of description.
LENGTH_B = 0.75
TYPICAL_LENGTH = 80


def rank_sql(vector: str) -> str:
    """The rank of ``vector`` against the tsquery parameter (%s)."""
    return (
        f"ts_rank('{WEIGHTS}', {vector}, %s::tsquery, 0)"
        f" / ({1 - LENGTH_B} + {LENGTH_B / TYPICAL_LENGTH} * length({vector}))"
    )


def _quote(lexeme: str) -> str:
    # Lexemes are letters and digits only (analysis.py); quoting makes them plain lexemes regardless.
    return "'" + lexeme.replace("'", "''").replace("\\", "\\\\") + "'"


def word_tsquery(word: QueryWord) -> str:
    alternatives = [_quote(lexeme) for lexeme in word.lexemes]
    if word.parts:
        alternatives.append("(" + " <-> ".join(_quote(part) for part in word.parts) + ")")
    return "(" + " | ".join(alternatives) + ")"


def term_tsquery(term: AnalysedTerm) -> str:
    return "(" + " <-> ".join(word_tsquery(word) for word in term.words) + ")"


def plan_tsquery(plan: Plan) -> tuple[str, str]:
    """The tsquery text of what must match and of what is excluded ('' when none)."""
    wanted = " & ".join("(" + " | ".join(map(term_tsquery, group)) + ")" for group in plan.groups)
    if wanted and plan.alternatives:
        wanted = " | ".join([f"({wanted})", *map(term_tsquery, plan.alternatives)])
    excluded = " | ".join(map(term_tsquery, plan.excluded))
    return wanted, excluded


class PostgresSearchBackend(SearchBackend):
    def search_plan(self, queryset, plan):
        if not plan:
            return no_rank(queryset)
        wanted, excluded = plan_tsquery(plan)
        if excluded:
            queryset = queryset.exclude(
                RowSQL(
                    f"COALESCE(__ROW__.search_vector {MATCH} %s::tsquery, false)",
                    [excluded],
                    output_field=BooleanField(),
                )
            )
        if not wanted:
            return no_rank(queryset)
        matches = RowSQL(f"__ROW__.search_vector {MATCH} %s::tsquery", [wanted], output_field=BooleanField())
        rank = RowSQL(rank_sql("__ROW__.search_vector"), [wanted])
        return queryset.filter(Q(matches)).annotate(search_rank=rank)

    def match_estimate(self, queryset):
        """The planner's estimate of how many rows ``queryset`` has (EXPLAIN, about a millisecond)."""
        try:
            sql, params = queryset.order_by().values("pk")[:1].query.sql_with_params()
        except EmptyResultSet:
            return 0.0
        with connections[queryset.db].cursor() as cursor:
            cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
            return _estimated_rows(cursor.fetchone()[0])

    def any_match(self, queryset, estimate=None):
        """Whether the search has any match, without reading the whole table to find out.

        For "is there any?" the planner weighs a scan of the table that stops at its first match
        against the GIN index, by its estimate of the matches. Where it expects a few dozen and
        there are none (`etälunta`: the parts "etä" <-> "lumi" are common, together never), that
        scan reads all 100,000 rows (310 ms) where the index answers in 4 ms. Below
        SCAN_FOR_ANY_ABOVE expected matches the question goes to the index (only bitmap scans
        allowed: the GIN index, which cannot be scanned otherwise); above it the scan finds a
        match at once, which building the index's bitmap of 20,000 matches would not (20-30 ms).
        ``estimate``: ``match_estimate(queryset)``, when the caller asked for it already.
        """
        if estimate is None:
            estimate = self.match_estimate(queryset)
        rows = queryset.order_by().values("pk")[:1]
        if estimate >= SCAN_FOR_ANY_ABOVE:
            return rows.exists()
        with local_settings(connections[queryset.db], {"enable_seqscan": "off", "enable_indexscan": "off"}):
            return rows.exists()

    def ranked_ids(self, queryset, plan, limit, share=None):
        """The ids of the best ``limit`` matches in the index's own rank order (RUM), or None.

        RUM ranks with the same field weights as ``search_plan`` but without its length
        normalisation, so the caller re-ranks these candidates exactly; reading them costs a walk of
        the index instead of ranking every match, which is what a broad query needs. When the index
        takes over RANKED_TIMEOUT_MS: the ids of any ``share`` matches, for the caller to rank.
        """
        if not plan or not has_ranked_index():
            return None
        wanted, _excluded = plan_tsquery(plan)
        if not wanted:
            return None
        # The RUM index answers `@@` (and only it: `queryset` matched with MATCH, for GIN).
        in_ranked_index = RowSQL(
            "__ROW__.search_vector @@ %s::tsquery", [wanted], output_field=BooleanField()
        )
        distance = RowSQL(RANK_ORDER, [wanted])
        ranked = queryset.filter(Q(in_ranked_index)).order_by(distance.asc())
        connection = connections[queryset.db]
        try:
            with local_settings(connection, {"statement_timeout": f"{RANKED_TIMEOUT_MS}ms"}):
                return list(ranked.values_list("pk", flat=True)[:limit])
        except OperationalError as error:
            if not isinstance(error.__cause__, QueryCanceled):
                raise
            logger.info("The ranked index took over %s ms for %r", RANKED_TIMEOUT_MS, plan.typed)
            return list(queryset.order_by().values_list("pk", flat=True)[: share or limit])

    def prefix_search(self, queryset, words):
        parts = []
        for word in words:
            alternatives = [_quote(lexeme) for lexeme in word.lexemes] + [_quote(word.text) + ":*"]
            parts.append("(" + " | ".join(alternatives) + ")")
        tsquery = " & ".join(parts)
        matches = RowSQL(f"__ROW__.search_vector {MATCH} %s::tsquery", [tsquery], output_field=BooleanField())
        rank = RowSQL(rank_sql("__ROW__.search_vector"), [tsquery])
        return queryset.filter(Q(matches)).annotate(search_rank=rank)

    def similar_lexemes(self, word):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT lexeme, document_count FROM {LEXEME_TABLE} WHERE lexeme %% %s"  # noqa: S608
                " ORDER BY similarity(lexeme, %s) DESC, document_count DESC LIMIT 10",
                [word, word],
            )
            return cursor.fetchall()
