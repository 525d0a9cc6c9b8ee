"""Search on SQLite: the FTS5 table of pre-analysed lexemes (solutions/search/index.py), ranked with bm25().

Each weight has two columns, the words as lexemes and the same words with compounds split into
their parts, so a whole-word match counts in both and a part match in one: a little less. The query
is the same analysis written in FTS5 syntax: a word is `("lexeme" OR "other" OR "part1 part2")`, a
phrase is a quoted sequence, -word is NOT. Every lexeme is quoted, so nothing a user types is syntax.
"""

# SQL here is assembled only from this module's constants; user text travels as query parameters.
# ruff: noqa: S608, S611

from itertools import product

from django.db.models import BooleanField, Q

from solutions.search.analysis import QueryWord
from solutions.search.base import AnalysedTerm, Plan, RowSQL, SearchBackend, no_rank
from solutions.search.index import FTS_TABLE, LEXEME_TABLE, LEXEME_TRIGRAMS

# bm25() weights of the columns a, a_parts, b, b_parts, c, c_parts, d (index.FTS_COLUMNS).
WEIGHTS = "2.0, 8.0, 1.0, 4.0, 0.5, 1.5, 0.5"
# A phrase of several words becomes at most this many FTS5 phrases (the words' alternatives).
MAX_PHRASE_VARIANTS = 8


def _string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _word_options(word: QueryWord) -> list[str]:
    options = list(word.lexemes)
    if word.parts:
        options.append(" ".join(word.parts))
    return options


def word_expression(word: QueryWord) -> str:
    return "(" + " OR ".join(map(_string, _word_options(word))) + ")"


def term_expression(term: AnalysedTerm) -> str:
    if len(term.words) == 1:
        return word_expression(term.words[0])
    phrases = []
    for combination in product(*(_word_options(word)[:3] for word in term.words)):
        phrases.append(_string(" ".join(combination)))
        if len(phrases) >= MAX_PHRASE_VARIANTS:
            break
    return "(" + " OR ".join(phrases) + ")"


def plan_expression(plan: Plan) -> tuple[str, str]:
    wanted = " AND ".join("(" + " OR ".join(map(term_expression, group)) + ")" for group in plan.groups)
    if wanted and plan.alternatives:
        wanted = " OR ".join([f"({wanted})", *map(term_expression, plan.alternatives)])
    excluded = " OR ".join(map(term_expression, plan.excluded))
    return wanted, excluded


def _matching(expression: str) -> RowSQL:
    return RowSQL(
        f"__ROW__.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)",
        [expression],
        output_field=BooleanField(),
    )


class SQLiteSearchBackend(SearchBackend):
    def search_plan(self, queryset, plan):
        if not plan:
            return no_rank(queryset)
        wanted, excluded = plan_expression(plan)
        if excluded:
            queryset = queryset.exclude(Q(_matching(excluded)))
        if not wanted:
            return no_rank(queryset)
        # The scores are computed once per query into a temporary table, then looked up per row.
        # bm25() is lower for better matches; the interface promises higher is better.
        rank = RowSQL(
            f"WITH ranked AS MATERIALIZED (SELECT rowid AS id, bm25({FTS_TABLE}, {WEIGHTS}) AS score"
            f" FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"
            " SELECT -score FROM ranked WHERE ranked.id = __ROW__.id",
            [wanted],
        )
        return queryset.filter(Q(_matching(wanted))).annotate(search_rank=rank)

    def prefix_search(self, queryset, words):
        parts = []
        for word in words:
            alternatives = [_string(lexeme) for lexeme in word.lexemes] + [_string(word.text) + "*"]
            parts.append("(" + " OR ".join(alternatives) + ")")
        expression = " AND ".join(parts)
        rank = RowSQL(
            f"WITH ranked AS MATERIALIZED (SELECT rowid AS id, bm25({FTS_TABLE}, {WEIGHTS}) AS score"
            f" FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"
            " SELECT -score FROM ranked WHERE ranked.id = __ROW__.id",
            [expression],
        )
        return queryset.filter(Q(_matching(expression))).annotate(search_rank=rank)

    def similar_lexemes(self, word):
        from django.db import connection

        grams = sorted({word[i : i + 3] for i in range(len(word) - 2)})
        if not grams:
            return []
        expression = " OR ".join(_string(gram) for gram in grams)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT l.lexeme, l.document_count FROM {LEXEME_TABLE} l WHERE l.lexeme IN ("
                f" SELECT lexeme FROM {LEXEME_TRIGRAMS} WHERE {LEXEME_TRIGRAMS} MATCH %s"
                " ORDER BY rank LIMIT 50)",
                [expression],
            )
            return cursor.fetchall()
