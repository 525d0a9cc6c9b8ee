import uuid

from django.db import migrations, models


def fill(apps, schema_editor):
    Solution = apps.get_model("solutions", "Solution")
    for pk in Solution.objects.values_list("pk", flat=True):
        Solution.objects.filter(pk=pk).update(uuid=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("solutions", "0002_search_index")]

    operations = [
        migrations.AddField(
            model_name="solution",
            name="uuid",
            field=models.UUIDField(null=True, editable=False, verbose_name="public identifier"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="solution",
            name="uuid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="public identifier"
            ),
        ),
    ]
