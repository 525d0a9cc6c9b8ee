"""Full-text search of the catalogue, one interface over two databases.

``get_backend()`` picks the implementation by ``connection.vendor``. ``search(queryset, query)``
narrows a queryset of solutions and annotates ``search_rank`` (higher is better) without ordering, so
facet code can keep filtering and counting; a blank query (or one with no words) changes nothing.
Queries read like a web search box: all words must match, "quoted words" are a phrase, -word
excludes, `or` accepts either side. Nothing the user types can break the query syntax.

PostgreSQL: a weighted tsvector column kept by a trigger (title A; summary, replaces and tags B;
description and the other long texts C; organisation names D), built and queried with the
text-search configuration of the solution's language (Finnish stemming: `kirjastoissa` finds
`Kirjastojen`), matched with websearch_to_tsquery and ranked with ts_rank plus trigram closeness.
Words of five letters or more also match as substrings of title, summary and tags (compound parts:
`järjestelmä` finds `varausjärjestelmä`). If nothing matches at all, trigram word similarity
forgives typos; that choice is one EXISTS inside the same SQL query.

SQLite: an FTS5 table with the trigram tokenizer kept by triggers, queried with the stem of each word
as a substring (compounds and most inflections) and ranked with column-weighted bm25().

``highlight(text, query)`` escapes the text first, then marks words containing a query word's stem.
``reindex(ids)`` refreshes index rows (tags, organisation names, bulk loads); signals call it.
"""

from django.db import connection

from solutions.search.base import SearchBackend


def get_backend() -> SearchBackend:
    if connection.vendor == "postgresql":
        from solutions.search.postgres import PostgresSearchBackend

        return PostgresSearchBackend()
    if connection.vendor == "sqlite":
        from solutions.search.sqlite import SQLiteSearchBackend

        return SQLiteSearchBackend()
    raise NotImplementedError(f"No search backend for {connection.vendor}")


__all__ = ["SearchBackend", "get_backend"]
