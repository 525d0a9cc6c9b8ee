"""The search index is defined in code: migrate creates it, and `reindex` rebuilds it."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.models.signals import post_migrate

from solutions.models import SearchLexeme, Solution
from solutions.search import get_backend, index
from tests import factories


def _send_post_migrate():
    config = apps.get_app_config("solutions")
    post_migrate.send(
        sender=config, app_config=config, using="default", verbosity=0, interactive=False, plan=[], apps=apps
    )


def _drop_index():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE solutions_solution DROP COLUMN search_vector")
        else:
            cursor.execute(f"DROP TABLE {index.FTS_TABLE}")


@pytest.mark.django_db(transaction=True)
def test_post_migrate_recreates_a_missing_index_and_fills_it():
    # What a migration that rebuilds the solutions table (SQLite) or a restored dump would leave.
    _drop_index()
    missed = factories.SolutionFactory(title="Koulukuljetusten reititys")
    assert not index.is_ready()

    _send_post_migrate()

    assert index.is_ready()
    assert list(get_backend().search(Solution.objects.all(), "koulukuljetus")) == [missed]
    edited = factories.SolutionFactory(title="Vanha otsikko")
    edited.title = "Ruokalistojen julkaisu"
    edited.save()
    assert list(get_backend().search(Solution.objects.all(), "ruokalista")) == [edited]


def test_reindex_command_rebuilds_entries_and_the_vocabulary(db):
    solution = factories.SolutionFactory(title="Kirjastojen aineistohaku")
    Solution.objects.filter(pk=solution.pk).update(title="Jätehuollon tilaukset")  # no signal
    assert list(get_backend().search(Solution.objects.all(), "jätehuolto")) == []

    out = StringIO()
    call_command("reindex", stdout=out, stderr=StringIO())

    assert "Indexed 1 solutions" in out.getvalue()
    assert list(get_backend().search(Solution.objects.all(), "jätehuolto")) == [solution]
    lexemes = set(SearchLexeme.objects.values_list("lexeme", flat=True))
    assert {"jätehuolto", "jäte", "huolto", "tilaus"} <= lexemes
    assert "aineistohaku" not in lexemes


def test_vocabulary_holds_only_published_words(db):
    factories.SolutionFactory(
        title="Salainen luonnosjärjestelmä", moderation_state="draft", published_at=None
    )
    call_command("reindex", stdout=StringIO(), stderr=StringIO())
    assert not SearchLexeme.objects.filter(lexeme="luonnosjärjestelmä").exists()


@pytest.mark.postgres_only
def test_the_planner_keeps_enough_lexeme_statistics_to_use_the_index(db):
    # With PostgreSQL's default, a word the catalogue lacks was guessed to match hundreds of rows
    # and "is there any match?" read the whole table (see index.SEARCH_STATISTICS).
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstattarget FROM pg_attribute WHERE attrelid = 'solutions_solution'::regclass"
            " AND attname = 'search_vector'"
        )
        assert cursor.fetchone()[0] == index.SEARCH_STATISTICS


@pytest.mark.postgres_only
def test_a_long_solutions_search_vector_stays_in_its_row(db):
    # Ranking a search's matches reads every match's vector several times; out of line, each read
    # is a lookup in the TOAST table (see index.TOAST_TUPLE_TARGET).
    import random

    rng = random.Random(7)
    words = [
        "".join(rng.choice("abdefghijklmnoprstuvy") for _ in range(rng.randint(6, 11))) for _ in range(200)
    ]
    solution = factories.SolutionFactory(description=" ".join(words))
    index.update([solution.pk])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_column_size(search_vector), octet_length(search_vector::text),"
            " (SELECT reltoastrelid::regclass::text FROM pg_class WHERE relname = 'solutions_solution')"
            " FROM solutions_solution WHERE id = %s",
            [solution.pk],
        )
        stored, text_length, toast_table = cursor.fetchone()
        assert text_length > 3000  # a vector well over PostgreSQL's default 2 kB threshold
        cursor.execute(f"SELECT count(*) FROM {toast_table}")  # noqa: S608 -- the catalogue's own name
        assert cursor.fetchone()[0] == 0, f"the row with its {stored}-byte vector was split"


@pytest.mark.postgres_only
def test_the_list_counts_have_a_covering_index_and_an_older_database_gets_it(db):
    def present():
        with connection.cursor() as cursor:
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [index.FACETS_INDEX])
            row = cursor.fetchone()
            return row[0] if row else None

    assert "INCLUDE (id, organisation_id, lifecycle, licence, search_class_ids" in present()
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX {index.FACETS_INDEX}")  # noqa: S608 -- the module's own name
    _send_post_migrate()
    assert present() is not None
