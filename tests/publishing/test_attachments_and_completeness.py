"""The attachments step of the editor, and the list of recommended facts still missing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from solutions import completeness
from solutions.models import Attachment
from tests.safety.files import HTML, PDF

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def url(solution):
    return reverse("solutions:editor:attachments", args=[solution.slug])


def test_an_editor_adds_a_checked_attachment_to_a_draft(client_for, editor, draft):
    upload = SimpleUploadedFile("Prosessi.kuvaus.pdf", PDF, content_type="text/html")
    response = client_for(editor).post(url(draft), {"title": "Prosessikuvaus", "file": upload})
    attachment = Attachment.objects.get()
    assert response.status_code == 302
    assert (attachment.solution, attachment.content_type) == (draft, "application/pdf")
    assert attachment.file.name.endswith(".pdf")


def test_a_file_that_is_not_what_it_claims_is_refused_with_the_title_kept(client_for, editor, draft):
    upload = SimpleUploadedFile("kuvaus.pdf", HTML, content_type="application/pdf")
    response = client_for(editor).post(url(draft), {"title": "Prosessikuvaus", "file": upload})
    assert response.status_code == 400
    assert not Attachment.objects.exists()
    assert 'value="Prosessikuvaus"' in response.content.decode()
    assert "not accepted" in response.content.decode()


def test_attachments_of_a_published_solution_wait_for_review(client_for, editor, published):
    # The whole path through the revision is in test_revision_attachments.
    upload = SimpleUploadedFile("kuvaus.pdf", PDF)
    client_for(editor).post(url(published), {"title": "Uusi", "file": upload})
    attachment = Attachment.objects.get()
    assert attachment.revision.state == "pending"
    assert not Attachment.objects.public().exists()


@pytest.mark.parametrize("name", ["member", "outsider_admin"])
def test_others_cannot_add_attachments(request, client_for, draft, name):
    upload = SimpleUploadedFile("kuvaus.pdf", PDF)
    response = client_for(request.getfixturevalue(name)).post(url(draft), {"title": "X", "file": upload})
    assert response.status_code in (403, 404)
    assert not Attachment.objects.exists()


def test_completeness_depends_on_the_kind():
    data = {"description": "Kuvaus", "tags": ["a"], "contacts": [{"name": "Eero"}], "service_classes": ["P1"]}
    software = {item.name for item in completeness.missing({**data, "licence": "MIT"}, "software")}
    assert software == {"repository_url", "life_events", "adoption_conditions"}
    process = {item.name for item in completeness.missing(data, "process", attachment_count=0)}
    assert "attachments" in process
    assert "attachments" not in {item.name for item in completeness.missing(data, "process", 1)}
    practice = {item.name for item in completeness.missing(data, "practice")}
    assert {"context", "results", "lessons_learned"} <= practice


def test_an_empty_contact_row_does_not_count():
    missing = completeness.missing({"contacts": [{"name": ""}]}, "api")
    assert "contacts" in {item.name for item in missing}


def test_the_editor_page_links_to_the_missing_fields(client_for, editor, draft):
    html = client_for(editor).get(reverse("solutions:editor:edit", args=[draft.slug])).content.decode()
    assert '<a href="#field-life_events">' in html
    assert 'id="field-life_events"' in html
