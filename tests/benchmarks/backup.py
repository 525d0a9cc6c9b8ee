"""How long a backup and a restore take with a large catalogue.

    .venv/bin/python tests/benchmarks/backup.py --solutions 10000

It creates (once) a database with N generated solutions (seed_bench), each with one attachment of
about 20 kB in a local folder, then times `manage.py backup_site` into a new folder and
`manage.py restore_site` from it into a new, empty database and an empty folder, the way an
operator would run them. Nothing here asserts a time: numbers go into the README.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.catalogue import ensure_database  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--solutions", type=int, default=10_000)
    parser.add_argument(
        "--database",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kuntajako_backup_bench"
        ),
    )
    parser.add_argument("--media", type=Path, default=Path(tempfile.gettempdir()) / "kuntajako-backup-bench")
    args = parser.parse_args()
    restored_database = f"{args.database}_restored"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kuntajako.test_settings",
        "DATABASE_URL": args.database,
        "MEDIA_ROOT": str(args.media / "media"),
    }
    os.environ.update(environment)
    ensure_database(args.database)

    import django

    django.setup()
    from django.core.files.base import ContentFile
    from django.core.management import call_command

    from solutions.models import Attachment, Solution

    call_command("migrate", verbosity=0)
    missing = args.solutions - Solution.objects.count()
    if missing > 0:
        call_command("seed_bench", solutions=missing, seed=1)
    document = b"%PDF-1.4\n" + os.urandom(20_000)
    for solution in Solution.objects.filter(attachments__isnull=True).only("pk"):
        attachment = Attachment(solution=solution, title="Kuvaus", content_type="application/pdf")
        attachment.size = len(document)
        attachment.file.save("kuvaus.pdf", ContentFile(document), save=True)
    print(f"{Solution.objects.count():,} solutions, {Attachment.objects.count():,} attachments")

    backup = args.media / f"backup-{time.time_ns()}"
    started = time.monotonic()
    manage(environment, "backup_site", str(backup))
    print(f"backup:  {time.monotonic() - started:6.1f} s  ({size_of(backup) / 1e6:.0f} MB)")

    drop_database(restored_database)
    ensure_database(restored_database)
    with tempfile.TemporaryDirectory(dir=args.media) as empty_folder:
        started = time.monotonic()
        manage(
            {**environment, "DATABASE_URL": restored_database, "MEDIA_ROOT": empty_folder},
            "restore_site",
            str(backup),
        )
        print(f"restore: {time.monotonic() - started:6.1f} s")
    drop_database(restored_database)


def manage(environment, *arguments):
    subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=environment, check=True)  # noqa: S603


def size_of(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def drop_database(url):
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')


if __name__ == "__main__":
    main()
