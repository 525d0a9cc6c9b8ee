"""Restore a backup made by backup_site into an empty database and an empty storage."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from kuntajako import backup
from solutions.models import Attachment, ModerationDecision, Revision, Solution
from solutions.orphans import find_orphans


class Command(BaseCommand):
    help = "Restore a backup folder into an empty database and an empty storage, then check it."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="a folder written by backup_site")
        parser.add_argument("--jobs", type=int, default=2, help="parallel pg_restore jobs (2)")

    def handle(self, *args, folder: Path, jobs: int, **options):
        started = time.monotonic()
        try:
            summary = backup.restore(folder, jobs=jobs)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the database and {summary.files} files ({filesizeformat(summary.bytes)}) "
            f"in {time.monotonic() - started:.1f} s: {Solution.objects.count()} solutions, "
            f"{Revision.objects.count()} revisions, {ModerationDecision.objects.count()} decisions, "
            f"{Attachment.objects.count()} attachments."
        )
        missing = find_orphans().rows_without_files
        if missing:
            raise CommandError(
                f"{len(missing)} attachments have no file in the backup; "
                "`manage.py attachment_orphans` lists them."
            )
