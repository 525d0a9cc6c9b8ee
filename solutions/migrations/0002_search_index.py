"""Full-text search index of solutions, built differently on each database.

PostgreSQL: stored `search_vector` (weighted tsvector, per-row text-search configuration) and
`search_text` (unaccented lower-case title, summary, replaces and tags for trigram matching) columns,
filled by a BEFORE INSERT/UPDATE trigger, with GIN indexes. SQLite: an FTS5 table with the trigram
tokenizer, kept in step by AFTER INSERT/UPDATE/DELETE triggers. Neither is a model field: the ORM
never reads them, the search backends in solutions/search/ do.
"""

from django.db import migrations

# Tags live in taggit's generic tables; the content type is found by name so the SQL needs no ids.
PG_TAGS_OF = """
    COALESCE((
        SELECT string_agg(t.name, ' ' ORDER BY t.name)
        FROM taggit_taggeditem ti
        JOIN taggit_tag t ON t.id = ti.tag_id
        JOIN django_content_type ct ON ct.id = ti.content_type_id
        WHERE ti.object_id = {row}.id AND ct.app_label = 'solutions' AND ct.model = 'solution'
    ), '')
"""

PG_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "ALTER TABLE solutions_solution ADD COLUMN search_vector tsvector",
    "ALTER TABLE solutions_solution ADD COLUMN search_text text NOT NULL DEFAULT ''",
    # unaccent('unaccent', ...) names its dictionary, so the result does not depend on search_path.
    f"""
    CREATE FUNCTION solutions_solution_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        cfg regconfig := CASE NEW.language
            WHEN 'fi' THEN 'finnish' WHEN 'sv' THEN 'swedish' WHEN 'en' THEN 'english'
            ELSE 'simple' END;
        tags text := {PG_TAGS_OF.format(row="NEW")};
        organisation text := COALESCE((
            SELECT concat_ws(' ', o.name_fi, o.name_sv, o.name_en)
            FROM municipalities_organisation o WHERE o.id = NEW.organisation_id
        ), '');
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector(cfg, COALESCE(NEW.title, '')), 'A')
            || setweight(to_tsvector(cfg, concat_ws(' ', NEW.summary, NEW.replaces, tags)), 'B')
            || setweight(to_tsvector(cfg, concat_ws(' ', NEW.description, NEW.context, NEW.results,
                                                    NEW.lessons_learned, NEW.connected_systems)), 'C')
            || setweight(to_tsvector(cfg, organisation), 'D');
        NEW.search_text := lower(unaccent('unaccent', concat_ws(' ', NEW.title, NEW.summary, NEW.replaces, tags)));
        RETURN NEW;
    END
    $$
    """,
    # Every UPDATE recomputes, so `UPDATE ... SET title = title` is how reindex() refreshes tags.
    """
    CREATE TRIGGER solutions_solution_search_refresh
    BEFORE INSERT OR UPDATE ON solutions_solution
    FOR EACH ROW EXECUTE FUNCTION solutions_solution_search_refresh()
    """,
    "UPDATE solutions_solution SET title = title",
    "CREATE INDEX solutions_solution_search_vector_idx ON solutions_solution USING gin (search_vector)",
    "CREATE INDEX solutions_solution_search_text_trgm_idx ON solutions_solution "
    "USING gin (search_text gin_trgm_ops)",
]

PG_BACKWARD = [
    "DROP TRIGGER IF EXISTS solutions_solution_search_refresh ON solutions_solution",
    "DROP FUNCTION IF EXISTS solutions_solution_search_refresh()",
    "ALTER TABLE solutions_solution DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE solutions_solution DROP COLUMN IF EXISTS search_text",
]

SQLITE_TAGS_OF = """
    COALESCE((
        SELECT group_concat(t.name, ' ')
        FROM taggit_taggeditem ti
        JOIN taggit_tag t ON t.id = ti.tag_id
        JOIN django_content_type ct ON ct.id = ti.content_type_id
        WHERE ti.object_id = {row}.id AND ct.app_label = 'solutions' AND ct.model = 'solution'
    ), '')
"""

SQLITE_ROW = """
    INSERT INTO solutions_solution_fts (rowid, title, summary, tags, body, organisation)
    SELECT {row}.id, {row}.title, {row}.summary || ' ' || {row}.replaces, {tags},
           {row}.description || ' ' || {row}.context || ' ' || {row}.results || ' '
               || {row}.lessons_learned || ' ' || {row}.connected_systems,
           COALESCE((SELECT o.name_fi || ' ' || o.name_sv || ' ' || o.name_en
                     FROM municipalities_organisation o WHERE o.id = {row}.organisation_id), '')
"""


def _sqlite_row(row):
    return SQLITE_ROW.format(row=row, tags=SQLITE_TAGS_OF.format(row=row))


SQLITE_FORWARD = [
    # Trigram tokens find parts of Finnish compounds and inflected stems as substrings.
    """
    CREATE VIRTUAL TABLE solutions_solution_fts USING fts5(
        title, summary, tags, body, organisation, tokenize = 'trigram'
    )
    """,
    f"""
    CREATE TRIGGER solutions_solution_fts_insert AFTER INSERT ON solutions_solution BEGIN
        {_sqlite_row("NEW")};
    END
    """,
    # Every UPDATE refreshes, so `UPDATE ... SET title = title` is how reindex() refreshes tags.
    f"""
    CREATE TRIGGER solutions_solution_fts_update AFTER UPDATE ON solutions_solution BEGIN
        DELETE FROM solutions_solution_fts WHERE rowid = OLD.id;
        {_sqlite_row("NEW")};
    END
    """,
    """
    CREATE TRIGGER solutions_solution_fts_delete AFTER DELETE ON solutions_solution BEGIN
        DELETE FROM solutions_solution_fts WHERE rowid = OLD.id;
    END
    """,
    _sqlite_row("s") + " FROM solutions_solution s",
]

SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS solutions_solution_fts_insert",
    "DROP TRIGGER IF EXISTS solutions_solution_fts_update",
    "DROP TRIGGER IF EXISTS solutions_solution_fts_delete",
    "DROP TABLE IF EXISTS solutions_solution_fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("solutions", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(
            _run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
