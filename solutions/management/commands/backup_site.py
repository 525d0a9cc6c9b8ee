"""Back up the database and every stored attachment into a new folder (see kuntajako/backup.py)."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from kuntajako import backup


class Command(BaseCommand):
    help = "Back up the database (pg_dump custom format) and the attachments into a new folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="where to write the backup; must be new or empty")

    def handle(self, *args, folder: Path, **options):
        started = time.monotonic()
        try:
            summary = backup.create(folder)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backed up the database and {summary.files} files ({filesizeformat(summary.bytes)}) "
            f"to {folder} in {time.monotonic() - started:.1f} s."
        )
