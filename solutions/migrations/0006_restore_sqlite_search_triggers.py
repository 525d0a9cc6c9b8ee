"""Formerly restored SQLite search triggers; the index no longer uses triggers (see
solutions/search/index.py). Kept empty so the migration graph stays whole."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("solutions", "0005_discussion_and_help_requests")]

    operations = []
