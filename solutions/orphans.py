"""Attachments out of step with storage, in either direction.

A file without a row is left when its upload was cut off before the transaction could commit or
roll back (a killed worker), when its row went with the solution (deleted in the admin) or when a
deletion after commit failed. It takes space and nothing else: no page links to it and the download
view only serves files through their row. Such files older than a grace period can be deleted; the
grace period spares uploads whose transaction is still running.

A row without a file is worse: the page lists a document that cannot be downloaded. It comes from a
restore of a database newer than the files, or a file deleted by hand. It is only reported: the
file has to come back from a backup, or the editor has to upload it again.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.files.storage import default_storage

from kuntajako.storage import StoredFile
from solutions.models import Attachment

# Where attachment_path puts every attachment; anything else in the storage is not ours to judge.
PREFIX = "attachments/"


@dataclass
class Orphans:
    files_without_rows: list[StoredFile]
    rows_without_files: list[Attachment]

    def deletable(self, now: datetime, grace: timedelta) -> list[StoredFile]:
        return [stored for stored in self.files_without_rows if stored.modified <= now - grace]


def find_orphans(storage=default_storage) -> Orphans:
    # Rows are read before and after the files are listed: a row committed meanwhile protects its
    # file, and a row counts as missing its file only if it existed before the listing began.
    rows_before = set(Attachment.objects.values_list("file", flat=True))
    stored = {item.name: item for item in storage.walk() if item.name.startswith(PREFIX)}
    rows_after = set(Attachment.objects.values_list("file", flat=True))
    files_without_rows = [stored[name] for name in sorted(stored.keys() - rows_after)]
    missing = sorted(rows_before - stored.keys())
    candidates = Attachment.objects.filter(file__in=missing).select_related("solution").order_by("pk")
    rows_without_files = [attachment for attachment in candidates if not storage.exists(attachment.file.name)]
    return Orphans(files_without_rows, rows_without_files)


def delete_files(files: list[StoredFile], storage=default_storage) -> int:
    """Delete files that had no row, unless one has appeared since."""
    names = [item.name for item in files]
    referenced = set(Attachment.objects.filter(file__in=names).values_list("file", flat=True))
    deleted = 0
    for item in files:
        if item.name not in referenced:
            storage.delete(item.name)
            deleted += 1
    return deleted
