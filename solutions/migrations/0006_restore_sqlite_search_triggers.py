"""Put back the SQLite search triggers that adding Solution.version (0003) dropped.

SQLite cannot add a NOT NULL column in place, so Django rebuilds the table, and triggers on the old
table go with it. PostgreSQL adds the column in place and needs nothing. The index is also refilled,
since rows changed between 0003 and now were not followed.
"""

import importlib

from django.db import migrations

search_index = importlib.import_module("solutions.migrations.0002_search_index")
TRIGGERS = search_index.SQLITE_FORWARD[1:4]
DROP_TRIGGERS = search_index.SQLITE_BACKWARD[:3]
REFILL = ["DELETE FROM solutions_solution_fts", search_index.SQLITE_FORWARD[4]]


def restore(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in [*DROP_TRIGGERS, *TRIGGERS, *REFILL]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("solutions", "0005_discussion_and_help_requests")]

    operations = [migrations.RunPython(restore, migrations.RunPython.noop)]
