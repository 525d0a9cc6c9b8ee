"""Search on PostgreSQL: a weighted tsvector per solution, with trigram matching beside it.

The ``search_vector`` column (migration 0002, filled by a trigger) is built with the text-search
configuration of the solution's language, so the query is parsed with ``websearch_to_tsquery`` in
that same configuration: Finnish stemming makes `kirjastoissa` find `Kirjastojen`. Stemming does not
split compounds, so words of five letters or more are also looked for as substrings of
``search_text`` (title, summary, replaces and tags, lower-case and unaccented; trigram GIN index):
`järjestelmä` finds `varausjärjestelmä`. Only when neither finds anything in the given queryset,
trigram word similarity takes over to forgive typos.
"""

# SQL here is assembled only from this module's constants; user text travels as query parameters.
# ruff: noqa: S608, S611

from django.db.models import Exists, Q
from django.db.models.expressions import RawSQL

from solutions.search.base import ParsedQuery, RowSQL, SearchBackend, Term

CONFIGS = {"fi": "finnish", "sv": "swedish", "en": "english"}
# ts_rank weights for D, C, B, A: organisation, description, summary and tags, title.
WEIGHTS = "{0.05, 0.2, 0.5, 1.0}"
# How much closeness of the query to the words of title, summary and tags, and of the title alone,
# adds to the full-text rank: it orders compound and typo matches, which full text ranks 0.
SIMILARITY_WEIGHT = 0.2
TITLE_SIMILARITY_WEIGHT = 0.3
_MIN_SUBSTRING = 5


def _like_pattern(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _tsquery_by_language(column: str = "language") -> tuple[str, int]:
    """SQL choosing the query parsed in the row's configuration, and how many times it needs the text."""
    cases = " ".join(
        f"WHEN '{code}' THEN websearch_to_tsquery('{config}', %s)" for code, config in CONFIGS.items()
    )
    return f"CASE {column} {cases} ELSE websearch_to_tsquery('simple', %s) END", len(CONFIGS) + 1


def _fulltext_match(query: str) -> tuple[str, list]:
    # One branch per language, each a constant tsquery, so the GIN index serves every branch.
    branches = [
        f"(language = '{code}' AND search_vector @@ websearch_to_tsquery('{config}', %s))"
        for code, config in CONFIGS.items()
    ]
    known = ", ".join(f"'{code}'" for code in CONFIGS)
    branches.append(f"(language NOT IN ({known}) AND search_vector @@ websearch_to_tsquery('simple', %s))")
    return " OR ".join(branches), [query] * len(branches)


def _substring_term(term: Term) -> tuple[str, list] | None:
    text = term.stem
    if len(text) < _MIN_SUBSTRING:
        return None
    return "search_text LIKE lower(unaccent('unaccent', %s))", [_like_pattern(text)]


def _substring_match(parsed: ParsedQuery) -> tuple[str, list] | None:
    """Every group found as a substring and no excluded word present; None when a group is too short."""
    parts, params = [], []
    for group in parsed.groups:
        alternatives = [found for found in map(_substring_term, group) if found]
        if not alternatives:
            return None
        parts.append("(" + " OR ".join(sql for sql, _ in alternatives) + ")")
        params += [p for _, ps in alternatives for p in ps]
    if not parts:
        return None
    for term in parsed.excluded:
        parts.append("search_text NOT LIKE lower(unaccent('unaccent', %s))")
        params.append(_like_pattern(term.text))
    if parsed.excluded:
        # An excluded word anywhere in the solution excludes it, as it does for the full-text match.
        anywhere, anywhere_params = _fulltext_match(" or ".join(f'"{term.text}"' for term in parsed.excluded))
        parts.append(f"NOT ({anywhere})")
        params += anywhere_params
    return " AND ".join(parts), params


class PostgresSearchBackend(SearchBackend):
    def search_parsed(self, queryset, query, parsed):
        fulltext_sql, params = _fulltext_match(query)
        substring = _substring_match(parsed)
        if substring:
            fulltext_sql = f"{fulltext_sql} OR ({substring[0]})"
            params = params + substring[1]
        matching = Q(pk__in=RawSQL(f"SELECT id FROM solutions_solution WHERE {fulltext_sql}", params))

        unaccented = "lower(unaccent('unaccent', %s))"
        title = "lower(unaccent('unaccent', __ROW__.title))"
        similar = Q(
            pk__in=RawSQL(f"SELECT id FROM solutions_solution WHERE {unaccented} <%% search_text", [query])
        )
        # One uncorrelated EXISTS, evaluated once per query: typo tolerance only when nothing matched.
        found_nothing = ~Exists(queryset.filter(matching))

        tsquery_sql, repeats = _tsquery_by_language("__ROW__.language")
        rank = RowSQL(
            f"ts_rank('{WEIGHTS}', __ROW__.search_vector, {tsquery_sql})"
            f" + {SIMILARITY_WEIGHT} * word_similarity({unaccented}, __ROW__.search_text)"
            f" + {TITLE_SIMILARITY_WEIGHT} * word_similarity({unaccented}, {title})",
            [query] * repeats + [query, query],
        )
        return queryset.filter(matching | (found_nothing & similar)).annotate(search_rank=rank)
