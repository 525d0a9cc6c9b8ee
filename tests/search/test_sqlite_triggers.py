"""On SQLite, a migration that rebuilds the solutions table must not leave search behind."""

import pytest
from django.db import connection
from django.db.models.signals import post_migrate

from solutions.search import get_backend
from tests import factories


@pytest.mark.django_db(transaction=True)
def test_search_triggers_come_back_after_a_table_rebuild_drops_them():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: PostgreSQL alters tables in place")
    with connection.cursor() as cursor:
        for name in ("insert", "update", "delete"):
            cursor.execute(f"DROP TRIGGER solutions_solution_fts_{name}")
    missed = factories.SolutionFactory(title="Koulukuljetusten reititys")

    from django.apps import apps

    post_migrate.send(
        sender=apps.get_app_config("solutions"),
        app_config=apps.get_app_config("solutions"),
        using="default",
        verbosity=0,
        interactive=False,
        plan=[],
        apps=apps,
    )

    found = get_backend().search(type(missed).objects.all(), "koulukuljetus")
    assert list(found) == [missed]
    edited = factories.SolutionFactory(title="Vanha otsikko")
    edited.title = "Ruokalistojen julkaisu"
    edited.save()
    assert list(get_backend().search(type(edited).objects.all(), "ruokalista")) == [edited]
