"""Uploads are judged by their content, stored under safe names and served so that none runs as a page."""

import tracemalloc

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse

from solutions.attachments import MAX_UPLOAD_BYTES, MAX_ZIP_ENTRIES, prepare_upload, validate_upload
from solutions.models import Attachment, ModerationState, Revision, RevisionState
from tests import factories
from tests.safety import files


@pytest.mark.parametrize(
    ("name", "data", "content_type", "stored_name"),
    [
        ("Prosessikuvaus.pdf", files.PDF, "application/pdf", "prosessikuvaus.pdf"),
        ("kaavio.png", files.PNG, "image/png", "kaavio.png"),
        ("Kuva 1.JPEG", files.JPEG, "image/jpeg", "kuva-1.jpg"),
        ("logo.svg", files.SVG, "image/svg+xml", "logo.svg"),
        ("Tilavaraus.bpmn", files.BPMN, "application/bpmn+xml", "tilavaraus.bpmn"),
        ("Pöytäkirja.odt", files.ODT, "application/vnd.oasis.opendocument.text", "poytakirja.odt"),
        (
            "ohje.docx",
            files.DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "ohje.docx",
        ),
        (
            "budjetti.xlsx",
            files.XLSX,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "budjetti.xlsx",
        ),
    ],
)
def test_accepted_types_are_recognised_by_content(name, data, content_type, stored_name):
    assert validate_upload(files.upload(name, data)) == (content_type, stored_name)


@pytest.mark.parametrize(
    ("name", "data", "stored_name"),
    [
        ("kuvaus.pdf", files.PNG, "kuvaus.png"),
        ("report.pdf.html", files.PDF, "report-pdf.pdf"),
        ("prosessi.xml", files.BPMN, "prosessi.bpmn"),
        ("noname", files.JPEG, "noname.jpg"),
    ],
)
def test_the_stored_extension_is_that_of_the_detected_type(name, data, stored_name):
    assert validate_upload(files.upload(name, data))[1] == stored_name


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("sivu.pdf", files.HTML),
        ("muistio.bpmn", files.PLAIN_XML),
        ("taulukko.ods", files.ODS),
        ("makro.docx", files.DOCM),
        ("paketti.zip", files.PLAIN_ZIP),
        ("laskut.bpmn", files.BILLION_LAUGHS),
        ("salasanat.bpmn", files.EXTERNAL_ENTITY),
        ("rikki.docx", b"PK\x03\x04 not really a zip"),
        ("teksti.txt", b"Hei maailma"),
    ],
)
def test_other_content_is_refused_whatever_its_name(name, data):
    with pytest.raises(ValidationError) as error:
        validate_upload(files.upload(name, data, content_type="application/pdf"))
    assert error.value.code == "file_type"


def test_the_refusal_names_the_allowed_types():
    with pytest.raises(ValidationError) as error:
        validate_upload(files.upload("sivu.pdf", files.HTML))
    assert "PDF, ODT, DOCX, XLSX, BPMN, PNG, JPEG, SVG" in error.value.messages[0]


def test_files_over_twenty_megabytes_are_refused():
    big = files.upload("iso.pdf", files.PDF + b"0" * (MAX_UPLOAD_BYTES - len(files.PDF) + 1))
    with pytest.raises(ValidationError) as error:
        validate_upload(big)
    assert error.value.code == "too_large"


def test_a_file_of_exactly_twenty_megabytes_is_accepted():
    exact = files.upload("iso.pdf", files.PDF + b"0" * (MAX_UPLOAD_BYTES - len(files.PDF)))
    assert validate_upload(exact)[0] == "application/pdf"


def test_a_zip_bomb_that_lies_about_its_size_is_refused_without_inflating_it():
    bomb = files.lying_zip_bomb(zero_megabytes=512)
    tracemalloc.start()
    try:
        with pytest.raises(ValidationError) as error:
            validate_upload(files.upload("ohje.docx", bomb))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.value.code == "file_type"
    # Half a gigabyte inside, a few megabytes of memory at most to find out.
    assert peak < 16 * 1024 * 1024


def test_a_document_with_a_huge_honest_entry_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_upload(files.upload("ohje.docx", files.honest_zip_bomb(zero_megabytes=256)))
    assert error.value.code == "file_type"


def test_a_document_with_too_many_entries_is_refused_and_a_normal_one_accepted():
    assert validate_upload(files.upload("ohje.docx", files.docx_with_entries(200)))[1] == "ohje.docx"
    with pytest.raises(ValidationError) as error:
        validate_upload(files.upload("ohje.docx", files.docx_with_entries(MAX_ZIP_ENTRIES)))
    assert error.value.code == "file_type"


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_upload(files.upload("tyhja.pdf", b""))
    assert error.value.code == "empty"


@pytest.mark.parametrize(
    ("name", "stored_name"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ('"><img src=x onerror=alert(1)>.pdf', "img-srcx-onerroralert1.pdf"),
        ("....pdf", "attachment.pdf"),
        ("\u202egnp.pdf", "gnp.pdf"),
        ("a" * 300 + ".pdf", "a" * 80 + ".pdf"),
    ],
)
def test_stored_names_are_safe_and_short(name, stored_name):
    assert validate_upload(files.upload(name, files.PDF))[1] == stored_name


def test_prepare_upload_renames_the_file_and_leaves_it_readable_from_the_start():
    uploaded, content_type = prepare_upload(files.upload("Kaavio.PNG", files.PNG))
    assert (uploaded.name, content_type, uploaded.read()) == ("kaavio.png", "image/png", files.PNG)


# Downloads


@pytest.fixture
def make_attachment(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    def make(solution, name, data, content_type):
        attachment = Attachment(solution=solution, title=name, content_type=content_type, size=len(data))
        attachment.file.save(name, ContentFile(data), save=True)
        return attachment

    return make


def download_url(attachment):
    return reverse("solutions:attachment_download", args=[attachment.pk])


def test_a_download_can_never_run_as_a_page_of_the_site(client, solution, make_attachment):
    attachment = make_attachment(solution, "logo.svg", files.SVG_WITH_SCRIPT, "image/svg+xml")
    response = client.get(download_url(attachment))
    assert (
        response.status_code,
        response["Content-Type"],
        response["Content-Disposition"],
        response["X-Content-Type-Options"],
        response["Content-Security-Policy"],
    ) == (200, "image/svg+xml", 'attachment; filename="logo.svg"', "nosniff", "sandbox; default-src 'none'")


def test_a_download_returns_the_file_itself(client, solution, make_attachment):
    attachment = make_attachment(solution, "prosessi.bpmn", files.BPMN, "application/bpmn+xml")
    assert b"".join(client.get(download_url(attachment)).streaming_content) == files.BPMN


def test_images_may_show_inline_but_stay_sandboxed(client, solution, make_attachment):
    attachment = make_attachment(solution, "kaavio.png", files.PNG, "image/png")
    response = client.get(download_url(attachment))
    assert (response["Content-Disposition"].split(";")[0], response["Content-Security-Policy"]) == (
        "inline",
        "sandbox; default-src 'none'",
    )


def test_a_stored_type_outside_the_allowed_list_is_served_as_bytes(client, solution, make_attachment):
    attachment = make_attachment(solution, "sivu.html", files.HTML, "text/html")
    response = client.get(download_url(attachment))
    assert (response["Content-Type"], response["Content-Disposition"].split(";")[0]) == (
        "application/octet-stream",
        "attachment",
    )


@pytest.mark.parametrize(
    "state",
    [
        ModerationState.DRAFT,
        ModerationState.SUBMITTED,
        ModerationState.CHANGES_REQUESTED,
        ModerationState.REJECTED,
    ],
)
def test_attachments_of_unpublished_solutions_are_hidden_from_visitors_and_outsiders(
    state, organisation, outsider_admin, client_for, make_attachment
):
    solution = factories.SolutionFactory(organisation=organisation, moderation_state=state, published_at=None)
    attachment = make_attachment(solution, "luonnos.pdf", files.PDF, "application/pdf")
    statuses = [client_for(user).get(download_url(attachment)).status_code for user in (None, outsider_admin)]
    assert statuses == [404, 404]


def test_attachments_of_unpublished_solutions_reach_members_and_coordinators(
    organisation, member, coordinator, client_for, make_attachment
):
    solution = factories.SolutionFactory(
        organisation=organisation, moderation_state=ModerationState.SUBMITTED, published_at=None
    )
    attachment = make_attachment(solution, "luonnos.pdf", files.PDF, "application/pdf")
    responses = [client_for(user).get(download_url(attachment)) for user in (member, coordinator)]
    assert [(r.status_code, r["Cache-Control"]) for r in responses] == [(200, "private, no-store")] * 2


@pytest.mark.parametrize(
    "revision_state", [RevisionState.PENDING, RevisionState.REJECTED, RevisionState.WITHDRAWN]
)
def test_a_file_an_unapproved_edit_adds_reaches_only_the_organisation_and_coordinators(
    revision_state, organisation, member, coordinator, outsider_admin, client_for, make_attachment
):
    solution = factories.SolutionFactory(organisation=organisation)
    revision = Revision.objects.create(solution=solution, state=revision_state)
    attachment = make_attachment(solution, "uusi.pdf", files.PDF, "application/pdf")
    Attachment.objects.filter(pk=attachment.pk).update(revision=revision)
    responses = [client_for(user).get(download_url(attachment)) for user in (None, outsider_admin)]
    assert [r.status_code for r in responses] == [404, 404]
    responses = [client_for(user).get(download_url(attachment)) for user in (member, coordinator)]
    assert [(r.status_code, r["Cache-Control"]) for r in responses] == [(200, "private, no-store")] * 2


def test_a_missing_attachment_is_not_found(client, db):
    assert client.get(reverse("solutions:attachment_download", args=[999999])).status_code == 404
