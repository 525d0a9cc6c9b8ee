"""Formerly the SQL of the search index; the index is now defined in solutions/search/index.py and
created after `migrate` (post_migrate). Kept empty so the migration graph stays whole."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("solutions", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = []
