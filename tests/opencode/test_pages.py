"""The import page and the organisations' repository status pages, as people use them."""

import pytest
from django.urls import reverse

from solutions.models import ModerationState, Solution
from solutions.opencode.models import HarvestSource, TrustedPublisher
from tests.checks import validate_html
from tests.opencode.conftest import FILES, read

pytestmark = pytest.mark.django_db


def test_import_page_only_for_editors(client_for, editor, member, coordinator):
    url = reverse("opencode:import")
    assert client_for(editor).get(url).status_code == 200
    assert client_for(member).get(url).status_code == 404
    assert client_for(coordinator).get(url).status_code == 404
    assert client_for(None).get(url).status_code == 302


def test_checking_shows_each_message_with_line_and_column_and_keeps_the_text(
    client_for, editor, organisation
):
    text = read("invalid.publiccode.yml")
    response = client_for(editor).post(
        reverse("opencode:import"), {"organisation": organisation.pk, "text": text, "check": "1"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "The file is not valid" in page
    assert "<td>10:1</td>" in page
    assert "favouriteColour" in page
    assert "Tämä lyhyt kuvaus on liian pitkä" in page  # the pasted text is still in the box
    assert 'name="import"' not in page  # an invalid file cannot be imported
    assert not Solution.objects.exists()


def test_upload_check_then_import_makes_a_draft(client_for, editor, organisation):
    client = client_for(editor)
    with open(FILES / "warnings.publiccode.yml", "rb") as upload:
        response = client.post(
            reverse("opencode:import"), {"organisation": organisation.pk, "file": upload, "check": "1"}
        )
    page = response.content.decode()
    assert "The file is valid" in page
    assert "legal.authorsFile" in page
    assert 'name="import"' in page
    response = client.post(
        reverse("opencode:import"),
        {"organisation": organisation.pk, "text": read("warnings.publiccode.yml"), "import": "1"},
    )
    solution = Solution.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("solutions:editor:edit", args=[solution.slug])
    assert solution.moderation_state == ModerationState.DRAFT
    assert solution.organisation == organisation


def test_repository_address_is_read_from_the_server(
    client_for, editor, organisation, local_server, minimal_text
):
    local_server.files["/repo/publiccode.yml"] = (200, {}, minimal_text.encode())
    response = client_for(editor).post(
        reverse("opencode:import"),
        {"organisation": organisation.pk, "url": local_server.url("/repo/publiccode.yml"), "check": "1"},
    )
    page = response.content.decode()
    assert "The file is valid" in page
    assert "Päiväkotihaku" in page


def test_empty_form_says_what_to_give(client_for, editor, organisation):
    response = client_for(editor).post(
        reverse("opencode:import"), {"organisation": organisation.pk, "check": "1"}
    )
    assert "Paste the file, upload it or give the repository address." in response.content.decode()


def test_status_page_is_public_and_management_is_for_editors(
    client_for, organisation, editor, member, coordinator
):
    HarvestSource.objects.create(
        organisation=organisation,
        url="https://git.example.org/kuhmo/a",
        raw_url="https://git.example.org/a.yml",
    )
    url = reverse("opencode:harvest_status", args=[organisation.slug])
    visitor_page = client_for(None).get(url).content.decode()
    assert "https://git.example.org/kuhmo/a" in visitor_page
    assert "Register" not in visitor_page
    assert "Read now" not in visitor_page
    editor_page = client_for(editor).get(url).content.decode()
    assert "Register a repository" in editor_page
    assert "Stop reading" in editor_page
    assert "Read now" not in client_for(member).get(url).content.decode()
    coordinator_page = client_for(coordinator).get(url).content.decode()
    assert "Read now" in coordinator_page
    assert "Mark as a trusted publisher" in coordinator_page


def test_editor_registers_a_repository_from_the_page(
    client_for, organisation, editor, local_server, minimal_text, django_capture_on_commit_callbacks
):
    local_server.files["/r/publiccode.yml"] = (200, {}, minimal_text.encode())
    url = reverse("opencode:harvest_status", args=[organisation.slug])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(editor).post(url, {"url": local_server.url("/r/publiccode.yml"), "add": "1"})
    assert response.status_code == 302
    page = client_for(editor).get(url).content.decode()
    assert "Draft created" in page
    assert HarvestSource.objects.get().solution.title == "Päiväkotihaku"


def test_an_unknown_forge_address_is_refused_with_the_reason_and_kept(client_for, organisation, editor):
    url = reverse("opencode:harvest_status", args=[organisation.slug])
    page = (
        client_for(editor)
        .post(url, {"url": "https://git.example.org/kuhmo/app", "add": "1"})
        .content.decode()
    )
    assert "cannot be derived" in page
    assert 'value="https://git.example.org/kuhmo/app"' in page
    assert not HarvestSource.objects.exists()


def test_only_a_coordinator_marks_a_trusted_publisher(client_for, organisation, org_admin, coordinator):
    url = reverse("opencode:trusted", args=[organisation.slug])
    client_for(org_admin).post(url, {"trust": "1"})
    assert not TrustedPublisher.objects.exists()
    client_for(coordinator).post(url, {"trust": "1"})
    assert TrustedPublisher.objects.filter(organisation=organisation).exists()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_pages_are_valid_html(client_for, organisation, editor, language):
    from django.utils import translation

    HarvestSource.objects.create(
        organisation=organisation,
        url="https://git.example.org/kuhmo/a",
        raw_url="https://git.example.org/a.yml",
        last_outcome="invalid",
        last_messages=[{"level": "error", "key": "name", "line": 2, "column": 7, "text": "must be a text"}],
    )
    client = client_for(editor)
    with translation.override(language):
        documents = {
            "status": client.get(
                reverse("opencode:harvest_status", args=[organisation.slug])
            ).content.decode(),
            "import": client.get(reverse("opencode:import")).content.decode(),
            "checked": client.post(
                reverse("opencode:import"),
                {"organisation": organisation.pk, "text": read("invalid.publiccode.yml"), "check": "1"},
            ).content.decode(),
        }
    assert not validate_html(documents)
