"""Files follow the transaction that stores them: an upload whose transaction (or savepoint) rolls
back leaves no file behind, one that commits keeps its file."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from solutions.models import Attachment
from solutions.services import publishing as workflow
from tests.safety.files import PDF


class Abandoned(Exception):
    pass


def add(solution, user, title):
    upload = SimpleUploadedFile(f"{title}.pdf", PDF)
    return workflow.add_attachment(solution, user, title=title, file=upload, content_type="application/pdf")


def add_and_abandon(solution, user, titles, media_root) -> list[str]:
    """Add attachments in a transaction (a savepoint inside another) that then fails; the stored files
    are noted in the returned list before the rollback."""
    seen = []
    with transaction.atomic():
        for title in titles:
            add(solution, user, title)
        seen.extend(stored_files(media_root))
        raise Abandoned(seen)


def stored_files(media_root):
    return sorted(path.name for path in media_root.rglob("*") if path.is_file())


@pytest.mark.django_db
def test_a_rolled_back_savepoint_takes_its_file_and_leaves_the_rest(editor, draft, local_storage):
    with transaction.atomic():
        add(draft, editor, "pysyva")
        with pytest.raises(Abandoned) as abandoned:
            add_and_abandon(draft, editor, ["peruttu"], local_storage)
    assert abandoned.value.args[0] == ["peruttu.pdf", "pysyva.pdf"]
    assert stored_files(local_storage) == ["pysyva.pdf"]
    assert list(Attachment.objects.values_list("title", flat=True)) == ["pysyva"]


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_takes_its_files(editor, draft, local_storage):
    with pytest.raises(Abandoned) as abandoned:
        add_and_abandon(draft, editor, ["ensimmainen", "toinen"], local_storage)
    assert abandoned.value.args[0] == ["ensimmainen.pdf", "toinen.pdf"]
    assert (Attachment.objects.count(), stored_files(local_storage)) == (0, [])


@pytest.mark.django_db(transaction=True)
def test_a_committed_upload_keeps_its_file_when_a_later_transaction_rolls_back(editor, draft, local_storage):
    add(draft, editor, "pysyva")
    with pytest.raises(Abandoned):
        add_and_abandon(draft, editor, ["peruttu"], local_storage)
    assert stored_files(local_storage) == ["pysyva.pdf"]
