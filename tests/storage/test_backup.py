"""A backup restores: a seeded site is backed up, restored into an empty database and an empty
storage (another folder, another bucket), and every solution, revision, decision and attachment is
found again, each file with its content."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from solutions.models import Attachment, ModerationDecision, ModerationState, Revision, Solution
from solutions.services import publishing as workflow
from tests import factories
from tests.safety.files import BPMN, PDF, PNG
from tests.storage.conftest import make_bucket, remove_bucket

pytestmark = pytest.mark.django_db(transaction=True)

RECORDS = ["solutions.solution", "solutions.revision", "solutions.moderationdecision", "solutions.attachment"]


def add(solution, user, title, name, data, content_type):
    upload = SimpleUploadedFile(name, data)
    return workflow.add_attachment(solution, user, title=title, file=upload, content_type=content_type)


def seed_site(organisation, editor, coordinator):
    """A published solution with an edit waiting for review, a rejected one and a draft, each with files."""
    published, rejected, draft = (
        factories.SolutionFactory(
            organisation=organisation,
            title=title,
            moderation_state=ModerationState.DRAFT,
            published_at=None,
            created_by=editor,
        )
        for title in ("Tilavaraus", "Kouluruoka", "Kotihoito")
    )
    add(published, editor, "Prosessi", "prosessi.bpmn", BPMN, "application/bpmn+xml")
    workflow.approve(workflow.submit(published, editor), coordinator)
    # Now published, a new file goes into an edit that waits for review.
    published.refresh_from_db()
    add(published, editor, "Prosessi 2", "prosessi.bpmn", BPMN, "application/bpmn+xml")
    add(rejected, editor, "Kuvaus", "kuvaus.pdf", PDF, "application/pdf")
    workflow.reject(workflow.submit(rejected, editor), coordinator, "Kuvaus puuttuu.")
    add(draft, editor, "Kaavio", "kaavio.png", PNG, "image/png")


def dump_records(environment=None) -> str:
    if environment is None:
        out = io.StringIO()
        call_command("dumpdata", *RECORDS, indent=1, stdout=out)
        return out.getvalue()
    return manage(environment, "dumpdata", *RECORDS, "--indent=1").stdout


def manage(environment, *arguments):
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *arguments],
        cwd=Path(settings.BASE_DIR),
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "kuntajako.test_settings",
            "CONN_MAX_AGE": "0",
            **environment,
        },
        capture_output=True,
        text=True,
        check=True,
    )


@pytest.fixture
def empty_database(tmp_path):
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = f"{connection.settings_dict['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    db = connection.settings_dict
    yield f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.fixture(params=["local folder", "bucket"])
def storages(request, tmp_path):
    """(environment of the empty storage to restore into, reader of a restored file by name)."""
    if request.param == "local folder":
        request.getfixturevalue("local_storage")
        target = tmp_path / "restored-media"
        target.mkdir()
        yield {"MEDIA_ROOT": str(target)}, lambda name: (target / name).read_bytes()
    else:
        bucket = request.getfixturevalue("object_storage")
        target = make_bucket(bucket.endpoint)
        yield target.environment(), target.read
        remove_bucket(target)


def test_a_restored_backup_holds_every_record_and_file(
    tmp_path, organisation, editor, coordinator, storages, empty_database
):
    seed_site(organisation, editor, coordinator)
    assert (Solution.objects.count(), Revision.objects.count(), ModerationDecision.objects.count()) == (
        3,
        1,
        2,
    )
    originals = {attachment.file.name: attachment.file.read() for attachment in Attachment.objects.all()}
    assert len(originals) == 4
    before = dump_records()

    call_command("backup_site", tmp_path / "backup", stdout=io.StringIO())
    storage_environment, read_restored = storages
    environment = {"DATABASE_URL": empty_database, **storage_environment}
    restored = manage(environment, "restore_site", str(tmp_path / "backup"))

    assert "3 solutions, 1 revisions, 2 decisions, 4 attachments" in restored.stdout
    assert dump_records(environment) == before
    assert {name: read_restored(name) for name in originals} == originals


def test_a_restore_refuses_a_database_that_is_not_empty(tmp_path, organisation, editor, local_storage):
    draft = factories.SolutionFactory(organisation=organisation, moderation_state=ModerationState.DRAFT)
    add(draft, editor, "Kuvaus", "kuvaus.pdf", PDF, "application/pdf")
    call_command("backup_site", tmp_path / "backup", stdout=io.StringIO())
    with pytest.raises(CommandError, match="database is not empty"):
        call_command("restore_site", tmp_path / "backup")
    assert Solution.objects.get() == draft


def test_a_restore_refuses_a_storage_that_is_not_empty(
    tmp_path, organisation, editor, local_storage, empty_database
):
    draft = factories.SolutionFactory(organisation=organisation, moderation_state=ModerationState.DRAFT)
    add(draft, editor, "Kuvaus", "kuvaus.pdf", PDF, "application/pdf")
    call_command("backup_site", tmp_path / "backup", stdout=io.StringIO())
    environment = {"DATABASE_URL": empty_database, "MEDIA_ROOT": str(local_storage)}
    with pytest.raises(subprocess.CalledProcessError) as refused:
        manage(environment, "restore_site", str(tmp_path / "backup"))
    assert "The storage is not empty" in refused.value.stderr
    tables = "from django.db import connection; print(len(connection.introspection.table_names()))"
    assert manage(environment, "shell", "-v", "0", "-c", tables).stdout.strip() == "0"
