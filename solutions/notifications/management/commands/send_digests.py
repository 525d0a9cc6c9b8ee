"""Mail the daily digest of notifications to everyone who chose it.

Run once a day, e.g. from cron at 7:00:
    0 7 * * *  cd /srv/kuntajako && .venv/bin/python manage.py send_digests
Running it twice, or two at once, mails nothing twice: each notification is claimed before mailing.
"""

from django.core.management.base import BaseCommand

from solutions.notifications.services.notifications import send_digests


class Command(BaseCommand):
    help = "Mail each person who chose a daily digest their notifications not yet mailed."

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"{sent} digest(s) queued for sending.")
