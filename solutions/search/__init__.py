"""Full-text search of the catalogue, one interface over two databases.

``get_backend()`` picks the implementation by ``connection.vendor``. ``search(queryset, query)``
narrows a queryset of solutions and annotates ``search_rank`` (higher is better) without ordering, so
facet code can keep filtering and counting; a blank query (or one with no words) changes nothing.
Queries read like a web search box: all words must match, "quoted words" are a phrase, -word
excludes, `or` accepts either side. Nothing the user types can break the query syntax, and a query
is cut to ``MAX_QUERY_LENGTH`` characters.

- analysis.py: the one analysis of text (Voikko lemmas and compound parts for Finnish, Snowball for
  Swedish and English), used when indexing and when reading a query.
- index.py: the index itself, on both databases (schema, entries, `manage.py reindex`).
- base.py: query parsing, typo correction against the index's vocabulary, highlighting.
- postgres.py / sqlite.py: the query in tsquery / FTS5 syntax, and the rank.
- explain.py: why a result matched (which field, which vocabulary name).
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
