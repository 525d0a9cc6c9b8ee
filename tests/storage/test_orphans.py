"""`manage.py attachment_orphans` finds files without rows and rows without files, and with
--delete removes the old files that no row needs."""

import io
import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from solutions.models import Attachment
from tests.safety.files import PDF

pytestmark = pytest.mark.django_db

DAY = 24 * 3600


def attach(solution, name):
    attachment = Attachment(solution=solution, title=name, content_type="application/pdf", size=len(PDF))
    attachment.file.save(name, ContentFile(PDF), save=True)
    return attachment


def run(*args) -> str:
    out = io.StringIO()
    call_command("attachment_orphans", *args, stdout=out)
    return out.getvalue()


def age(media_root, name, seconds):
    then = time.time() - seconds
    os.utime(media_root / name, (then, then))


@pytest.fixture
def out_of_step(draft, local_storage):
    """A kept file, an old and a fresh file without a row, and a row whose file is gone."""
    kept = attach(draft, "kaytossa.pdf")
    lost = attach(draft, "kadonnut.pdf")
    (local_storage / lost.file.name).unlink()
    folder = local_storage / "attachments" / str(draft.pk)
    (folder / "vanha.pdf").write_bytes(PDF)
    (folder / "tuore.pdf").write_bytes(PDF)
    age(local_storage, f"attachments/{draft.pk}/vanha.pdf", 2 * DAY)
    age(local_storage, kept.file.name, 2 * DAY)
    return kept, lost


def test_the_report_names_both_kinds_and_changes_nothing(draft, local_storage, out_of_step):
    kept, lost = out_of_step
    report = run()
    folder = f"attachments/{draft.pk}"
    assert f"file without a row: {folder}/tuore.pdf" in report
    assert f"file without a row: {folder}/vanha.pdf" in report
    assert f"row without a file: attachment {lost.pk} “kadonnut.pdf” of solution {draft.slug}" in report
    assert kept.file.name not in report
    assert report.splitlines()[-1] == "2 files without a row, 1 rows without a file."
    assert sorted(path.name for path in (local_storage / folder).iterdir()) == [
        "kaytossa.pdf",
        "tuore.pdf",
        "vanha.pdf",
    ]


def test_delete_removes_only_the_old_files_without_a_row(draft, local_storage, out_of_step):
    kept, lost = out_of_step
    report = run("--delete", "--older-than", "24")
    folder = local_storage / "attachments" / str(draft.pk)
    assert report.splitlines()[-1].endswith("Deleted 1 files older than 24 hours.")
    assert sorted(path.name for path in folder.iterdir()) == ["kaytossa.pdf", "tuore.pdf"]
    assert Attachment.objects.filter(pk__in=[kept.pk, lost.pk]).count() == 2


def test_files_outside_the_attachments_folder_are_left_alone(local_storage, draft):
    (local_storage / "muuta").mkdir(parents=True)
    (local_storage / "muuta" / "lue.txt").write_bytes(b"x")
    age(local_storage, "muuta/lue.txt", 2 * DAY)
    assert run("--delete").splitlines()[-1].startswith("0 files without a row")
    assert (local_storage / "muuta" / "lue.txt").exists()


def test_orphans_in_the_bucket_are_found_and_deleted(draft, object_storage):
    kept = attach(draft, "kaytossa.pdf")
    stray = f"attachments/{draft.pk}/keskeytynyt.pdf"
    object_storage.client.put_object(Bucket=object_storage.name, Key=stray, Body=PDF)
    report = run("--delete", "--older-than", "0")
    assert f"file without a row: {stray}" in report
    assert object_storage.stored_keys() == [kept.file.name]
