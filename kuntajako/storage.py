"""Where uploaded files live: the local folder, or an S3-compatible object store shared by every
application server. settings.py picks one from the environment (`ATTACHMENT_STORAGE`).

Both backends behave alike in what matters here:
- a file written inside a database transaction is deleted again if that transaction (or savepoint)
  rolls back, so a failed upload leaves nothing behind (`kuntajako.db.on_rollback`); deleting a
  file is the caller's job, after its transaction commits (see `solutions.services.publishing`);
- an existing name is never overwritten: the storage picks a free one;
- `stream(name)` opens a stored file for the download view, which sends it on in chunks, and
  `walk()` lists every stored file with its size and age, for the orphan clean-up and backups.

The object store is private by construction: objects are written without an ACL (so the bucket's
owner alone may read them), and the only addresses the store itself could give out are signed and
expire within `SIGNED_URL_SECONDS`. The site never hands those out: every download goes through the
permission-checked view, which streams the object.
"""

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from botocore.exceptions import ClientError
from django.core.files.storage import FileSystemStorage
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from kuntajako.db import on_rollback

logger = logging.getLogger(__name__)

SIGNED_URL_SECONDS = 30


@dataclass(frozen=True)
class StoredFile:
    name: str
    size: int
    modified: datetime


class TransactionalStorageMixin:
    def _save(self, name, content):
        name = super()._save(name, content)
        on_rollback(lambda: self._delete_after_rollback(name))
        return name

    def _delete_after_rollback(self, name):
        try:
            self.delete(name)
        except Exception:
            logger.warning("Could not delete %s after its transaction rolled back", name, exc_info=True)


class LocalStorage(TransactionalStorageMixin, FileSystemStorage):
    """Files in MEDIA_ROOT: one machine, or several sharing a network folder."""

    def stream(self, name):
        return self.open(name, "rb"), None

    def walk(self) -> Iterator[StoredFile]:
        root = Path(self.location)
        for folder, _dirs, files in os.walk(root):
            for file_name in files:
                path = Path(folder) / file_name
                stat = path.stat()
                yield StoredFile(
                    path.relative_to(root).as_posix(),
                    stat.st_size,
                    datetime.fromtimestamp(stat.st_mtime, tz=UTC),
                )


class ObjectStorage(TransactionalStorageMixin, S3Storage):
    """Objects in a bucket of any S3-compatible store (MinIO, Ceph, a cloud provider's)."""

    # Never replace an object: two uploads of "kaavio.pdf" to one solution are two files.
    file_overwrite = False
    # No ACL header: objects stay private to the bucket's owner, and stores that refuse ACLs
    # (buckets with "bucket owner enforced" ownership) accept the upload.
    default_acl = None
    querystring_auth = True
    querystring_expire = SIGNED_URL_SECONDS
    custom_domain = None

    def stream(self, name):
        """(readable body, size) of an object, read from the store as the response is sent."""
        key = self._normalize_name(clean_name(name))
        try:
            response = self.connection.meta.client.get_object(Bucket=self.bucket_name, Key=key)
        except ClientError as error:
            if error.response["ResponseMetadata"]["HTTPStatusCode"] == 404:
                raise FileNotFoundError(name) from error
            raise
        return response["Body"], response["ContentLength"]

    def walk(self) -> Iterator[StoredFile]:
        prefix = self._normalize_name("") if self.location else ""
        if prefix and not prefix.endswith("/"):
            prefix += "/"
        paginator = self.connection.meta.client.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.bucket_name, Prefix=prefix):
            for entry in page.get("Contents", ()):
                yield StoredFile(entry["Key"][len(prefix) :], entry["Size"], entry["LastModified"])
