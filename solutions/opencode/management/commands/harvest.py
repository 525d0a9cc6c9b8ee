"""`manage.py harvest`: read every registered repository that is due (for cron), or all with --all."""

from django.core.management.base import BaseCommand

from solutions.opencode.models import HarvestSource
from solutions.opencode.services import harvesting


class Command(BaseCommand):
    help = (
        "Read the registered publiccode.yml files that were not read within OPENCODE_HARVEST_INTERVAL_HOURS."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="read every repository now")

    def handle(self, *args, all=False, **options):
        sources = HarvestSource.objects.all() if all else harvesting.due_sources()
        for source in sources.select_related("organisation", "added_by").order_by("pk"):
            log = harvesting.harvest(source)
            self.stdout.write(f"{source.url}: {log.get_outcome_display()}")
