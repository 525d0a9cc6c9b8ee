"""Attachments in an S3-compatible object store: stored in the bucket, private there, and served only
through the site's permission-checked download view."""

import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from solutions.models import Attachment
from solutions.services import publishing as workflow
from tests.safety.files import BPMN, PDF, SVG_WITH_SCRIPT

pytestmark = pytest.mark.django_db


def upload(client, solution, title, name, data):
    return client.post(
        reverse("solutions:editor:attachments", args=[solution.slug]),
        {"title": title, "file": SimpleUploadedFile(name, data)},
    )


class Abandoned(Exception):
    pass


def add_and_abandon(solution, user, bucket):
    """Add an attachment in a transaction that then fails, with the bucket's keys before the rollback."""
    with transaction.atomic():
        upload = SimpleUploadedFile("kuvaus.pdf", PDF)
        workflow.add_attachment(solution, user, title="Kuvaus", file=upload, content_type="application/pdf")
        raise Abandoned(bucket.stored_keys())


def download_url(attachment):
    return reverse("solutions:attachment_download", args=[attachment.pk])


def test_an_upload_goes_to_the_bucket_and_not_to_the_servers_disk(
    settings, client_for, editor, draft, object_storage
):
    response = upload(client_for(editor), draft, "Prosessikuvaus", "Prosessikuvaus.pdf", PDF)
    attachment = Attachment.objects.get()
    assert response.status_code == 302
    assert object_storage.stored_keys() == [attachment.file.name]
    assert object_storage.read(attachment.file.name) == PDF
    assert not settings.MEDIA_ROOT.exists()


def test_the_download_view_streams_the_object_with_the_same_protective_headers(
    client_for, editor, draft, object_storage
):
    upload(client_for(editor), draft, "Logo", "logo.svg", SVG_WITH_SCRIPT)
    response = client_for(editor).get(download_url(Attachment.objects.get()))
    assert (
        response.status_code,
        b"".join(response.streaming_content),
        response["Content-Length"],
        response["Content-Type"],
        response["Content-Disposition"],
        response["X-Content-Type-Options"],
        response["Content-Security-Policy"],
        response["Cache-Control"],
    ) == (
        200,
        SVG_WITH_SCRIPT,
        str(len(SVG_WITH_SCRIPT)),
        "image/svg+xml",
        'attachment; filename="logo.svg"',
        "nosniff",
        "sandbox; default-src 'none'",
        "private, no-store",
    )


def test_a_file_of_an_unpublished_solution_is_found_only_by_those_who_may_see_it(
    client_for, editor, member, outsider_admin, draft, object_storage
):
    upload(client_for(editor), draft, "Prosessikuvaus", "kuvaus.pdf", PDF)
    url = download_url(Attachment.objects.get())
    statuses = {
        name: client_for(user).get(url).status_code
        for name, user in [("visitor", None), ("outsider", outsider_admin), ("editor", editor)]
    }
    assert statuses == {"visitor": 404, "outsider": 404, "editor": 200}


def test_the_store_itself_gives_an_object_to_nobody_without_credentials(
    client_for, editor, draft, object_storage
):
    upload(client_for(editor), draft, "Prosessikuvaus", "kuvaus.pdf", PDF)
    (key,) = object_storage.stored_keys()
    guessed = f"{object_storage.endpoint}/{object_storage.name}/{key}"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(guessed, timeout=10)  # noqa: S310 (the loopback test server)
    assert refused.value.code == 403


def test_an_address_signed_by_the_store_expires_within_a_minute(client_for, editor, draft, object_storage):
    upload(client_for(editor), draft, "Prosessikuvaus", "kuvaus.pdf", PDF)
    signed = Attachment.objects.get().file.url
    assert int(parse_qs(urlsplit(signed).query)["X-Amz-Expires"][0]) < 60


def test_two_uploads_of_one_name_are_two_files(client_for, editor, draft, object_storage):
    client = client_for(editor)
    upload(client, draft, "Versio 1", "prosessi.bpmn", BPMN)
    upload(client, draft, "Versio 2", "prosessi.bpmn", BPMN.replace(b"Tilavaraus", b"Tilavaraus 2"))
    first, second = Attachment.objects.order_by("pk")
    assert first.file.name != second.file.name
    assert b"".join(client.get(download_url(first)).streaming_content) == BPMN
    assert b"Tilavaraus 2" in b"".join(client.get(download_url(second)).streaming_content)


def test_a_missing_object_is_not_found_rather_than_an_error(client_for, editor, draft, object_storage):
    upload(client_for(editor), draft, "Prosessikuvaus", "kuvaus.pdf", PDF)
    attachment = Attachment.objects.get()
    object_storage.client.delete_object(Bucket=object_storage.name, Key=attachment.file.name)
    assert client_for(editor).get(download_url(attachment)).status_code == 404


def test_an_upload_whose_transaction_rolls_back_leaves_nothing_in_the_bucket(editor, draft, object_storage):
    with pytest.raises(Abandoned) as abandoned:
        add_and_abandon(draft, editor, object_storage)
    assert len(abandoned.value.args[0]) == 1
    assert (Attachment.objects.count(), object_storage.stored_keys()) == (0, [])


def test_a_deleted_attachment_leaves_the_bucket_only_when_the_deletion_commits(
    client_for, editor, draft, object_storage, django_capture_on_commit_callbacks
):
    upload(client_for(editor), draft, "Prosessikuvaus", "kuvaus.pdf", PDF)
    attachment = Attachment.objects.get()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        workflow.remove_attachment(draft, editor, attachment.pk)
    assert object_storage.stored_keys() == [attachment.file.name]
    for callback in callbacks:
        callback()
    assert object_storage.stored_keys() == []
