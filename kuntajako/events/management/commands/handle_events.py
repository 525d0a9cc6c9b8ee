from django.core.management.base import BaseCommand

from kuntajako.events.bus import handle_pending


class Command(BaseCommand):
    help = "Handle the events whose fan-out failed or never ran (safe to run at any time, e.g. from cron)."

    def handle(self, *args, **options):
        count = handle_pending()
        self.stdout.write(f"{count} event(s) handled.")
