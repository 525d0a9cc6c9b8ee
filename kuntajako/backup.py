"""Backups of the whole site: the database and every stored file, in one folder, and their restore.

A backup folder holds
    database.dump   the PostgreSQL database, `pg_dump --format=custom` (database.sqlite3 for SQLite)
    files/…         every file of the default storage (local folder or bucket), under its own name
    manifest.json   when it was made, the database's vendor, and each file's name, size and SHA-256

The database is dumped first and the files copied after it: a row in the dump committed after its
file was stored, so the file is there to copy, unless it was deleted after the dump, which happens
only when a later transaction deleted its row (see `manage.py attachment_orphans`). Files stored after
the dump are copied too and are harmless: they show up as files without rows.

A restore goes into an empty database and an empty storage, and refuses anything else: it never
mixes two sites. It checks every file against the manifest on the way in.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection

MANIFEST = "manifest.json"
FILES = "files"
CHUNK = 1024 * 1024


class BackupError(Exception):
    pass


@dataclass
class Summary:
    files: int
    bytes: int


def create(target: Path, storage=default_storage) -> Summary:
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"{target} is not empty; a backup goes into a new folder.")
    target.mkdir(parents=True, exist_ok=True)
    started = datetime.now(tz=UTC)
    database_file = _dump_database(target)
    files = []
    for stored in storage.walk():
        path = target / FILES / stored.name
        path.parent.mkdir(parents=True, exist_ok=True)
        body, _size = storage.stream(stored.name)
        digest = hashlib.sha256()
        with body, path.open("wb") as copy:
            while chunk := body.read(CHUNK):
                digest.update(chunk)
                copy.write(chunk)
        files.append({"name": stored.name, "size": path.stat().st_size, "sha256": digest.hexdigest()})
    manifest = {
        "started": started.isoformat(),
        "finished": datetime.now(tz=UTC).isoformat(),
        "database": {"vendor": connection.vendor, "file": database_file},
        "files": files,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return Summary(len(files), sum(item["size"] for item in files))


def restore(source: Path, storage=default_storage, jobs: int = 2) -> Summary:
    source = Path(source)
    try:
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError(f"{source} has no {MANIFEST}: it is not a finished backup.") from None
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(f"The backup is of a {vendor} database, not of {connection.vendor}.")
    if connection.introspection.table_names():
        raise BackupError("The database is not empty; restore into a new, empty database.")
    if next(iter(storage.walk()), None) is not None:
        raise BackupError("The storage is not empty; restore into an empty folder or bucket.")
    for item in manifest["files"]:
        if _sha256(source / FILES / item["name"]) != item["sha256"]:
            raise BackupError(f"{item['name']} in the backup does not match its checksum.")
    _restore_database(source / manifest["database"]["file"], jobs)
    for item in manifest["files"]:
        with (source / FILES / item["name"]).open("rb") as handle:
            stored_as = storage.save(item["name"], File(handle))
        if stored_as != item["name"]:
            raise BackupError(f"{item['name']} was stored as {stored_as}.")
    return Summary(len(manifest["files"]), sum(item["size"] for item in manifest["files"]))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _dump_database(target: Path) -> str:
    if connection.vendor == "postgresql":
        _run(["pg_dump", "--format=custom", f"--file={target / 'database.dump'}", *_connection_arguments()])
        return "database.dump"
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target / "database.sqlite3") as copy:
            connection.connection.backup(copy)
        return "database.sqlite3"
    raise BackupError(f"Backups of {connection.vendor} databases are not supported.")


def _restore_database(dump: Path, jobs: int) -> None:
    if connection.vendor == "postgresql":
        connection.close()
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                f"--jobs={jobs}",
                *_connection_arguments(),
                str(dump),
            ]
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(dump) as backup:
            backup.backup(connection.connection)


def _connection_arguments() -> list[str]:
    settings = connection.settings_dict
    arguments = [f"--dbname={settings['NAME']}"]
    if settings["HOST"]:
        arguments.append(f"--host={settings['HOST']}")
    if settings["PORT"]:
        arguments.append(f"--port={settings['PORT']}")
    if settings["USER"]:
        arguments.append(f"--username={settings['USER']}")
    return arguments


def _run(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client).")
    environment = {**os.environ}
    if connection.settings_dict["PASSWORD"]:
        environment["PGPASSWORD"] = connection.settings_dict["PASSWORD"]
    if "sslmode" in connection.settings_dict["OPTIONS"]:
        environment["PGSSLMODE"] = connection.settings_dict["OPTIONS"]["sslmode"]
    result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
