"""The search index, defined here and nowhere else: its schema on each database and how a solution
becomes an index entry.

Every text goes through the analysis of solutions/search/analysis.py, so both databases hold the
same pre-analysed lexemes:

- PostgreSQL: a `search_vector` tsvector column on solutions_solution with a GIN index, built from
  the lexemes (no text-search configuration involved), and a trigram index on the lexeme vocabulary
  (pg_trgm) for typo correction. Where the RUM extension is installed (Debian
  `postgresql-15-rum`), a RUM index on the same column as well: it returns matches in rank order
  (`ORDER BY search_vector <=> query LIMIT n`), so a search that matches most of the catalogue
  reads its best few hundred matches instead of ranking every one (see `has_ranked_index`). Without
  it search works the same, only slower on a large catalogue; the log says so once. Beside the
  vector, the ids the facets count (`FACET_COLUMNS`: service classes with their parents, tags, life
  events) as integer arrays, so counting a search's matches needs no joins.
- SQLite: an FTS5 table whose columns hold the lexemes as words, and an FTS5 trigram table over the
  vocabulary.

Weights: title A; summary, tags, "replaces" and the fi/sv/en names of the solution's service classes
and life events B; description and the other long texts C; organisation names D. A compound's parts
are indexed one weight below the whole word (A → B …), so a match on a part ranks a little below the
same word standing alone. A compound `tilavarausjärjestelmä` occupies one position per part (tila,
varaus, järjestelmä) and the whole word sits on the last of them, so `"tilojen varaus"` and
`"varaus järjestelmä"` match it as phrases, and `koulu kuljetus` meets `koulukuljetus`.

``ensure_schema`` creates what is missing; a post_migrate handler runs it after every `migrate`, so a
fresh database, a test database and a table rebuilt by a migration all get it. ``update(ids)``
refreshes index entries (signals call it after a save commits), ``rebuild()`` refreshes everything
(`manage.py reindex`).
"""

# SQL here is assembled only from this module's constants; user text travels as query parameters.
# ruff: noqa: S608

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import DatabaseError, connections, transaction
from django.db import connection as default_connection

from solutions.models import (
    LifeEvent,
    ModerationState,
    SearchConcept,
    SearchLexeme,
    ServiceClass,
    Solution,
    TagNames,
)
from solutions.search.analysis import analyze_text

FTS_TABLE = "solutions_solution_fts"
LEXEME_TRIGRAMS = "solutions_searchlexeme_trigram"
LEXEME_TABLE = "solutions_searchlexeme"
CONCEPT_TABLE = "solutions_searchconcept"
# Long descriptions say what they are about early on; past this many words, nothing more is indexed.
MAX_TOKENS_PER_FIELD = 1500
# PostgreSQL keeps at most 256 positions of a lexeme and positions up to 16,383.
MAX_POSITIONS = 256
MAX_POSITION = 16383
BATCH = 500

logger = logging.getLogger(__name__)

WEIGHTS = "ABCD"
# SQLite columns in the order of the FTS5 table: whole words and compound parts for each weight.
FTS_COLUMNS = ("a", "a_parts", "b", "b_parts", "c", "c_parts", "d")

# PostgreSQL also keeps, beside each entry, the ids its facets count: service classes with their
# parents, tags and life events. Counting them for a search's few thousand matches is then one
# unnest of arrays already read with the row, not three joins (solutions/filters.py SharedCounts).
FACET_COLUMNS = ("search_class_ids", "search_tag_ids", "search_event_ids")

# Everything a list without search words counts (SharedCounts: kind, lifecycle, licence, publisher
# and the facet arrays), in a covering index: the counts read it alone (an index-only scan of 17 MB
# at 100,000 solutions) instead of the table's rows with their texts and vectors (240 MB). A list
# filtered to one kind of solution at 100,000: 183 → 19 ms for its counts; the unfiltered list's
# total 138 → 16 ms; a page with two ticked facets 370-450 → 186 ms in all.
FACETS_INDEX = "solutions_solution_facets_idx"

POSTGRES_SCHEMA = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE solutions_solution ADD COLUMN IF NOT EXISTS search_vector tsvector",
    *[
        f"ALTER TABLE solutions_solution ADD COLUMN IF NOT EXISTS {column} integer[]"
        for column in FACET_COLUMNS
    ],
    "CREATE INDEX IF NOT EXISTS solutions_solution_search_idx ON solutions_solution"
    " USING gin (search_vector)",
    f"CREATE INDEX IF NOT EXISTS solutions_searchlexeme_trgm_idx ON {LEXEME_TABLE} "
    "USING gin (lexeme gin_trgm_ops)",
    f"CREATE INDEX IF NOT EXISTS {FACETS_INDEX} ON solutions_solution (moderation_state, kind)"
    f" INCLUDE (id, organisation_id, lifecycle, licence, {', '.join(FACET_COLUMNS)})",
]

# How many of the most common lexemes ANALYZE keeps for the planner (ten times this many are kept for
# a tsvector). With the default 100, a word the catalogue lacks was guessed to match hundreds of
# solutions, and "is there any?" became a scan of the whole table that stops at the first match:
# 0.7 s at 100,000 solutions when nothing matched (a typo such as `etälunta`), 0.5 ms with this.
SEARCH_STATISTICS = 1000
# Keep the search vector in the row itself (compressed where need be) rather than in the TOAST
# table: ranking, the phrase recheck and the length normalisation each read it again, and each read
# of an out-of-line value is a lookup in the TOAST table. A solution's row with its vector is
# typically 2-3 kB, over PostgreSQL's default 2 kB threshold for moving values out. At 100,000
# solutions, reading a broad search's 5,001 matches touched 36,000 buffers (7 per row) and took
# 52-69 ms with the vector out of line; 4,500 buffers and 35-40 ms with it in the row (same rows,
# freshly compacted either way). Rows already written move in when rewritten (`manage.py reindex`).
TOAST_TUPLE_TARGET = 8160
STORAGE_SQL = [
    f"ALTER TABLE solutions_solution ALTER COLUMN search_vector SET STATISTICS {SEARCH_STATISTICS}",
    "ALTER TABLE solutions_solution ALTER COLUMN search_vector SET STORAGE MAIN",
    f"ALTER TABLE solutions_solution SET (toast_tuple_target = {TOAST_TUPLE_TARGET})",
]

# Rank-ordered index: optional, because the extension is a separate package and creating it needs
# the rights to create an extension.
RANKED_INDEX = "solutions_solution_search_rum"
POSTGRES_RANKED_SCHEMA = [
    "CREATE EXTENSION IF NOT EXISTS rum",
    f"CREATE INDEX IF NOT EXISTS {RANKED_INDEX} ON solutions_solution"
    " USING rum (search_vector rum_tsvector_ops)",
]

SQLITE_SCHEMA = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    + ", ".join(FTS_COLUMNS)
    + ", tokenize = 'unicode61 remove_diacritics 0')",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {LEXEME_TRIGRAMS} USING fts5(lexeme, tokenize = 'trigram')",
]

# What migrations before this module left behind: triggers that the index no longer uses.
_OBSOLETE = {
    "postgresql": [
        "DROP TRIGGER IF EXISTS solutions_solution_search_refresh ON solutions_solution",
        "DROP FUNCTION IF EXISTS solutions_solution_search_refresh()",
        "ALTER TABLE solutions_solution DROP COLUMN IF EXISTS search_text",
    ],
    "sqlite": [
        "DROP TRIGGER IF EXISTS solutions_solution_fts_insert",
        "DROP TRIGGER IF EXISTS solutions_solution_fts_update",
        "DROP TRIGGER IF EXISTS solutions_solution_fts_delete",
    ],
}


def _table_exists(connection, name: str) -> bool:
    return name in connection.introspection.table_names()


def _schema_present(connection) -> bool:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            columns = ("search_vector", *FACET_COLUMNS)
            cursor.execute(
                "SELECT count(*) FROM pg_attribute WHERE attrelid = 'solutions_solution'::regclass"
                f" AND attname IN ({', '.join(['%s'] * len(columns))}) AND NOT attisdropped",
                columns,
            )
            return cursor.fetchone()[0] == len(columns)
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = %s", [FTS_TABLE])
        return cursor.fetchone() is not None


def _obsolete_present(connection) -> bool:
    """Triggers of the former, migration-defined index: their rows must be rebuilt."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT 1 FROM pg_trigger WHERE tgname = 'solutions_solution_search_refresh'")
        else:
            cursor.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'solutions_solution_fts_%%'"
            )
        return cursor.fetchone() is not None


def _indexes_present(connection) -> bool:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT count(*) FROM pg_indexes WHERE indexname IN"
                " ('solutions_solution_search_idx', 'solutions_searchlexeme_trgm_idx', %s)",
                [FACETS_INDEX],
            )
            return cursor.fetchone()[0] == 3
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [LEXEME_TRIGRAMS])
        return cursor.fetchone() is not None


def _rum_installable(connection) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        return cursor.fetchone() is not None


def _create_ranked_index(connection) -> None:
    """Create the RUM index where the extension can be had; say once in the log when it cannot."""
    if not _rum_installable(connection):
        logger.warning(
            "The PostgreSQL extension rum is not installed (Debian package postgresql-15-rum):"
            " searches that match much of a large catalogue rank every match and are slow."
        )
        return
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            for statement in POSTGRES_RANKED_SCHEMA:
                cursor.execute(statement)
    except DatabaseError as error:
        logger.warning("No rank-ordered search index (%s): search ranks every match.", error)
    _ranked_index_cache.clear()


# {(alias, database name): whether the RUM index exists}, looked up once per process.
_ranked_index_cache: dict[tuple[str, str], bool] = {}


def has_ranked_index(connection=None) -> bool:
    """Whether this PostgreSQL database has the RUM index that returns matches in rank order."""
    connection = connection or default_connection
    if connection.vendor != "postgresql":
        return False
    key = (connection.alias, connection.settings_dict.get("NAME") or "")
    if key not in _ranked_index_cache:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [RANKED_INDEX])
            _ranked_index_cache[key] = cursor.fetchone() is not None
    return _ranked_index_cache[key]


def _ensure_storage(connection) -> None:
    """The planner statistics and the in-row storage of the search vector (see STORAGE_SQL)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.attstattarget, a.attstorage, c.reloptions FROM pg_attribute a"
            " JOIN pg_class c ON c.oid = a.attrelid WHERE a.attrelid = 'solutions_solution'::regclass"
            " AND a.attname = 'search_vector' AND NOT a.attisdropped"
        )
        row = cursor.fetchone()
        if row is None:
            return
        statistics, storage, options = row
        if (
            statistics != SEARCH_STATISTICS
            or storage != "m"
            or f"toast_tuple_target={TOAST_TUPLE_TARGET}" not in (options or [])
        ):
            for statement in STORAGE_SQL:
                cursor.execute(statement)


def ensure_schema(sender=None, using="default", verbosity=1, **kwargs) -> bool:
    """Create the index where it is missing and fill it; True when something was created.

    Connected to post_migrate: after every `migrate`, whatever the migrations did to the tables.
    """
    connection = connections[using]
    if connection.vendor not in ("postgresql", "sqlite"):
        return False
    if not all(
        _table_exists(connection, name) for name in ("solutions_solution", LEXEME_TABLE, CONCEPT_TABLE)
    ):
        return False  # migrations of this app have not run (yet)
    created = not _schema_present(connection) or _obsolete_present(connection)
    if not created and _indexes_present(connection):
        if connection.vendor == "postgresql":
            _ensure_storage(connection)  # an older database
            if not has_ranked_index(connection):
                _create_ranked_index(connection)  # an older database, or rum installed since
        return False
    with connection.cursor() as cursor:
        for statement in _OBSOLETE[connection.vendor]:
            cursor.execute(statement)
        for statement in POSTGRES_SCHEMA if connection.vendor == "postgresql" else SQLITE_SCHEMA:
            cursor.execute(statement)
    if connection.vendor == "postgresql":
        _ensure_storage(connection)
        _create_ranked_index(connection)
    if created:
        rebuild(using=using)
    return created


# -- what goes into the index ---------------------------------------------------------------------


@dataclass
class Entry:
    """The analysed text of one solution: for each weight, the tokens of its fields in order."""

    fields: dict[str, list] = field(default_factory=lambda: {weight: [] for weight in WEIGHTS})
    # The ids the facets count (PostgreSQL keeps them beside the entry): classes with their parents.
    class_ids: list[int] = field(default_factory=list)
    tag_ids: list[int] = field(default_factory=list)
    event_ids: list[int] = field(default_factory=list)

    def add(self, weight: str, text: str, language: str) -> None:
        tokens = self.fields[weight]
        if len(tokens) < MAX_TOKENS_PER_FIELD:
            tokens.extend(analyze_text(text, language)[: MAX_TOKENS_PER_FIELD - len(tokens)])

    def lexemes(self) -> set[str]:
        return {
            lexeme
            for tokens in self.fields.values()
            for token in tokens
            for lexeme in (*token.lexemes, *token.parts)
        }

    def tsvector(self) -> str:
        """A tsvector literal: `'lexeme':3A,7B …`. Lexemes are letters and digits only."""
        positions: dict[str, list[str]] = {}
        position = 1
        for weight in WEIGHTS:
            part_weight = WEIGHTS[min(WEIGHTS.index(weight) + 1, len(WEIGHTS) - 1)]
            for token in self.fields[weight]:
                for offset, part in enumerate(token.parts):
                    positions.setdefault(part, []).append(
                        f"{min(position + offset, MAX_POSITION)}{part_weight}"
                    )
                last = min(position + max(len(token.parts) - 1, 0), MAX_POSITION)
                for lexeme in token.lexemes:
                    positions.setdefault(lexeme, []).append(f"{last}{weight}")
                position += max(len(token.parts), 1)
            position += 1  # fields do not run into each other as phrases
        return " ".join(
            f"'{lexeme}':{','.join(places[:MAX_POSITIONS])}" for lexeme, places in sorted(positions.items())
        )

    def fts_columns(self) -> list[str]:
        """The SQLite FTS5 columns: whole words per weight, and the same words with compounds split."""
        columns = []
        for weight in WEIGHTS:
            tokens = self.fields[weight]
            columns.append(" ".join(lexeme for token in tokens for lexeme in token.lexemes))
            if weight != "D":
                columns.append(
                    " ".join(word for token in tokens for word in (token.parts or token.lexemes[:1]))
                )
        return columns


def _names(item) -> Iterable[tuple[str, str]]:
    for language in ("fi", "sv", "en"):
        yield getattr(item, f"name_{language}", "") or "", language


def entry_for(solution) -> Entry:
    """The index entry of a solution whose tags, classes, events and organisation are at hand."""
    entry = Entry()
    language = solution.language or "fi"
    entry.add("A", solution.title, language)
    entry.add("B", solution.summary, language)
    for tag in solution.tags.all():
        entry.add("B", tag.name, language)
        names = getattr(tag, "names", None)  # its other languages' names, where a coordinator gave them
        if names is not None:
            for name, name_language in _names(names):
                if name and name != tag.name:
                    entry.add("B", name, name_language)
    entry.add("B", solution.replaces, language)
    for item in (*solution.service_classes.all(), *solution.life_events.all()):
        for name, name_language in _names(item):
            entry.add("B", name, name_language)
    classes = solution.service_classes.all()
    entry.class_ids = sorted({c.pk for c in classes} | {c.parent_id for c in classes if c.parent_id})
    entry.tag_ids = sorted({tag.pk for tag in solution.tags.all()})
    entry.event_ids = sorted({event.pk for event in solution.life_events.all()})
    for text in (
        solution.description,
        solution.context,
        solution.results,
        solution.lessons_learned,
        solution.connected_systems,
    ):
        entry.add("C", text, language)
    for name, name_language in _names(solution.organisation):
        entry.add("D", name, name_language)
    return entry


def _solutions(ids):
    return (
        Solution.objects.filter(pk__in=ids)
        .select_related("organisation")
        .prefetch_related("tags__names", "service_classes", "life_events")
        .only(
            "pk",
            "title",
            "summary",
            "replaces",
            "description",
            "context",
            "results",
            "lessons_learned",
            "connected_systems",
            "language",
            "moderation_state",
            "organisation__name_fi",
            "organisation__name_sv",
            "organisation__name_en",
        )
    )


def _write(connection, rows: list[tuple[int, Entry]], removed: list[int]) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            if rows:
                values = ", ".join(
                    ["(%s, %s::tsvector, %s::integer[], %s::integer[], %s::integer[])"] * len(rows)
                )
                params = [
                    value
                    for pk, entry in rows
                    for value in (pk, entry.tsvector(), entry.class_ids, entry.tag_ids, entry.event_ids)
                ]
                cursor.execute(
                    "UPDATE solutions_solution AS s SET search_vector = v.vector,"
                    " search_class_ids = v.classes, search_tag_ids = v.tags, search_event_ids = v.events"
                    f" FROM (VALUES {values}) AS v(id, vector, classes, tags, events) WHERE s.id = v.id",
                    params,
                )
            return
        gone = removed + [pk for pk, _ in rows]
        for start in range(0, len(gone), BATCH):
            chunk = gone[start : start + BATCH]
            cursor.execute(
                f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})", chunk
            )
        if rows:
            placeholders = ", ".join(["%s"] * (len(FTS_COLUMNS) + 1))
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, {', '.join(FTS_COLUMNS)}) VALUES ({placeholders})",
                [[pk, *entry.fts_columns()] for pk, entry in rows],
            )


def _add_lexemes(connection, lexemes: Counter) -> None:
    """Add new lexemes to the vocabulary (counts of known ones grow only on a rebuild)."""
    if not lexemes:
        return
    existing = set(
        SearchLexeme.objects.using(connection.alias)
        .filter(lexeme__in=list(lexemes))
        .values_list("lexeme", flat=True)
    )
    new = [lexeme for lexeme in lexemes if lexeme not in existing]
    if not new:
        return
    SearchLexeme.objects.using(connection.alias).bulk_create(
        [SearchLexeme(lexeme=lexeme, document_count=lexemes[lexeme]) for lexeme in new],
        ignore_conflicts=True,
        batch_size=BATCH,
    )
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {LEXEME_TRIGRAMS} (lexeme) VALUES (%s)", [[lexeme] for lexeme in new]
            )


def update(ids=None, using: str = "default") -> None:
    """Refresh the index entries of these solutions (deleted ones leave the index)."""
    connection = connections[using]
    if connection.vendor not in ("postgresql", "sqlite") or not _schema_present(connection):
        return
    ids = sorted(set(ids))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        rows, vocabulary = [], Counter()
        for solution in _solutions(chunk).using(using):
            entry = entry_for(solution)
            rows.append((solution.pk, entry))
            if solution.moderation_state == ModerationState.PUBLISHED:
                vocabulary.update(entry.lexemes())
        found = {pk for pk, _ in rows}
        with transaction.atomic(using=using):
            _write(connection, rows, [pk for pk in chunk if pk not in found])
            _add_lexemes(connection, vocabulary)


def rebuild(using: str = "default", progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild every index entry and the vocabulary with exact counts; returns the number indexed.

    ``progress(done, total)`` is called after each batch.
    """
    connection = connections[using]
    if connection.vendor not in ("postgresql", "sqlite") or not _schema_present(connection):
        return 0
    ids = list(Solution.objects.using(using).order_by("pk").values_list("pk", flat=True))
    vocabulary: Counter = Counter()
    with transaction.atomic(using=using):
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS_TABLE}")
        for start in range(0, len(ids), BATCH):
            rows = []
            for solution in _solutions(ids[start : start + BATCH]).using(using):
                entry = entry_for(solution)
                rows.append((solution.pk, entry))
                if solution.moderation_state == ModerationState.PUBLISHED:
                    vocabulary.update(entry.lexemes())
            _write(connection, rows, [])
            if progress:
                progress(min(start + BATCH, len(ids)), len(ids))
        SearchLexeme.objects.using(using).all().delete()
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {LEXEME_TRIGRAMS}")
        _add_lexemes(connection, vocabulary)
        rebuild_concepts(using)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE solutions_solution")
            cursor.execute(f"ANALYZE {LEXEME_TABLE}")
    return len(ids)


def is_ready(connection=None) -> bool:
    return _schema_present(connection or default_connection)


# -- concepts: the national vocabularies' names across languages ----------------------------------

LANGUAGES = ("fi", "sv", "en")


def concept_key(text: str, language: str) -> str:
    """A name as a set of lexemes: the same for `Home care`, `home care` and `care, home`."""
    return " ".join(sorted({token.lexemes[0] for token in analyze_text(text, language)}))[:200]


def _concept_rows(items) -> dict[str, list]:
    """{key: names} for these service classes or life events: each name points to the others."""
    rows = {}
    for item in items:
        names = [(getattr(item, f"name_{code}", "") or "", code) for code in LANGUAGES]
        names = [(name, code) for name, code in names if name.strip()]
        for name, code in names:
            key = concept_key(name, code)
            others = [[other, other_code] for other, other_code in names if other_code != code]
            if key and others:
                rows[key] = others
    return rows


def update_concepts(items, using: str = "default") -> None:
    """Record the names of these service classes or life events (after one was saved)."""
    with transaction.atomic(using=using):
        for key, names in _concept_rows(items).items():
            SearchConcept.objects.using(using).update_or_create(key=key, defaults={"names": names})


def rebuild_concepts(using: str = "default") -> None:
    rows = _concept_rows(
        [
            *ServiceClass.objects.using(using).all(),
            *LifeEvent.objects.using(using).all(),
            *TagNames.objects.using(using).all(),
        ]
    )
    with transaction.atomic(using=using):
        SearchConcept.objects.using(using).all().delete()
        SearchConcept.objects.using(using).bulk_create(
            [SearchConcept(key=key, names=names) for key, names in rows.items()], batch_size=BATCH
        )
