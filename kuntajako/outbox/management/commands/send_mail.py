"""The mail worker: sends the outbox, resuming rows that a killed worker left half-way."""

import logging
import signal
import time
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections, connection

from kuntajako.outbox.services import delivery

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Send the mail waiting in the outbox, including mail that a stopped worker had claimed and "
        "whose lease has run out. Runs until stopped; --once sends what is waiting and exits (cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Send what is waiting now, then exit.")
        parser.add_argument("--batch", type=int, default=20, help="Rows claimed at a time (20).")
        parser.add_argument(
            "--lease",
            type=float,
            default=delivery.LEASE.total_seconds(),
            help="Seconds a claim holds before another worker may resume it (300); longer than a send.",
        )
        parser.add_argument("--idle", type=float, default=2.0, help="Seconds to wait when nothing waits (2).")
        parser.add_argument(
            "--keep-days", type=int, default=30, help="Sent rows older than this are deleted (30)."
        )

    def handle(self, *args, once=False, batch=20, lease=300.0, idle=2.0, keep_days=30, **options):
        self.stopping = False
        if not once:
            signal.signal(signal.SIGTERM, self.stop)
            signal.signal(signal.SIGINT, self.stop)
        lease_delta = timedelta(seconds=lease)
        total_sent = total_failed = 0
        purged_at = 0.0
        while not self.stopping:
            if not connection.in_atomic_block:  # (as in a test) nothing to reconnect
                close_old_connections()  # a restarted database is reconnected to
            try:
                if time.monotonic() - purged_at > 3600:
                    delivery.purge_sent(timedelta(days=keep_days))
                    purged_at = time.monotonic()
                sent, failed = delivery.send_pending(limit=batch, lease=lease_delta)
            except DatabaseError:
                logger.exception("The outbox could not be read; trying again")
                sent = failed = 0
                if once:
                    raise
            total_sent, total_failed = total_sent + sent, total_failed + failed
            if once and not sent + failed:
                break
            if not sent + failed:
                time.sleep(idle)
        self.stdout.write(f"{total_sent} mail(s) sent, {total_failed} failed (to be retried).")

    def stop(self, *args):
        """Finish the mail being sent, then exit (a kill instead leaves it to the lease)."""
        self.stopping = True
