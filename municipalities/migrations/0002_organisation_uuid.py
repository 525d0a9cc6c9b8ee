import uuid

from django.db import migrations, models


def fill(apps, schema_editor):
    Organisation = apps.get_model("municipalities", "Organisation")
    for pk in Organisation.objects.values_list("pk", flat=True):
        Organisation.objects.filter(pk=pk).update(uuid=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("municipalities", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="uuid",
            field=models.UUIDField(null=True, editable=False, verbose_name="public identifier"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="organisation",
            name="uuid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="public identifier"
            ),
        ),
    ]
