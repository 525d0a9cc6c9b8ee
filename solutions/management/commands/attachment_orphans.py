"""Report attachments out of step with storage; with --delete, remove old files that have no row."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from solutions.orphans import delete_files, find_orphans


class Command(BaseCommand):
    help = (
        "List stored attachment files without a row and attachment rows without a file. "
        "With --delete, delete the files without a row that are older than --older-than hours."
    )

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true", help="delete old files that have no row")
        parser.add_argument(
            "--older-than",
            type=float,
            default=24.0,
            metavar="HOURS",
            help="grace period for --delete, so that uploads still in their transaction are spared (24)",
        )

    def handle(self, *args, delete: bool, older_than: float, **options):
        orphans = find_orphans()
        for stored in orphans.files_without_rows:
            self.stdout.write(
                f"file without a row: {stored.name} ({filesizeformat(stored.size)}, "
                f"{timezone.localtime(stored.modified):%Y-%m-%d %H:%M})"
            )
        for attachment in orphans.rows_without_files:
            self.stdout.write(
                f"row without a file: attachment {attachment.pk} “{attachment.title}” of "
                f"solution {attachment.solution.slug}: {attachment.file.name}"
            )
        summary = (
            f"{len(orphans.files_without_rows)} files without a row, "
            f"{len(orphans.rows_without_files)} rows without a file."
        )
        if delete:
            deletable = orphans.deletable(timezone.now(), timedelta(hours=older_than))
            deleted = delete_files(deletable)
            summary += f" Deleted {deleted} files older than {older_than:g} hours."
        self.stdout.write(summary)
