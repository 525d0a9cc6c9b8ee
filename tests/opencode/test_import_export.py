"""Import a publiccode.yml as a draft or an edit, export published software as one, round trip."""

import pytest
import yaml
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from solutions.models import ItemKind, ModerationItem, ModerationState, RevisionState, Solution
from solutions.opencode.models import PubliccodeDocument
from solutions.opencode.publiccode import dump
from solutions.opencode.publiccode.validator import validate
from solutions.opencode.services import importing
from solutions.services import publishing
from tests import factories
from tests.opencode.conftest import SHARED, read

pytestmark = pytest.mark.django_db


def publish(solution, coordinator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publishing.submit(solution, solution.created_by)
        publishing.approve(
            ModerationItem.objects.get(kind=ItemKind.SUBMISSION, object_id=solution.pk), coordinator
        )
    solution.refresh_from_db()
    return solution


def test_import_creates_a_draft_with_the_catalogue_fields(organisation, editor, minimal_text):
    result = importing.import_publiccode(organisation, editor, minimal_text)
    solution = Solution.objects.get(pk=result.solution.pk)
    assert result.outcome == "created"
    assert solution.moderation_state == ModerationState.DRAFT
    assert solution.organisation == organisation
    assert (solution.title, solution.kind, solution.language, solution.licence) == (
        "Päiväkotihaku",
        "software",
        "fi",
        "EUPL-1.2",
    )
    assert solution.summary.startswith("Varhaiskasvatuksen paikkahaku verkossa")
    assert "åäö-kirjaimista" in solution.description
    assert solution.repository_url == "https://git.example.org/kuhmo/paivakotihaku.git"
    assert solution.lifecycle == "production"
    assert [(c.name, c.role, c.email) for c in solution.contacts.all()] == [
        ("Eija Ylläpitäjä", "Kuhmon kaupunki", "eija.yllapitaja@example.org")
    ]
    assert not Solution.objects.published().filter(pk=solution.pk).exists()


def test_import_maps_links_languages_and_categories(organisation, editor, full_text, service_classes):
    result = importing.import_publiccode(organisation, editor, full_text)
    solution = result.solution
    assert solution.website_url == "https://tilat.example.org"
    assert solution.documentation_url == "https://tilat.example.org/ohjeet"
    assert solution.api_specification_url == "https://tilat.example.org/api"
    assert solution.lifecycle == "pilot"
    # online-booking → general administrative services, facility-management → built environment,
    # scope sport → sports and outdoor activities.
    assert sorted(solution.service_classes.values_list("code", flat=True)) == ["P2", "P27", "P9"]
    assert any("sv, en-GB" in note for note in result.notes)
    assert PubliccodeDocument.objects.get(solution=solution).document["description"]["sv"][
        "localisedName"
    ] == ("Lokalbokning")


def test_invalid_file_creates_nothing_and_carries_the_report(organisation, editor):
    with pytest.raises(importing.InvalidPubliccode) as raised:
        importing.import_publiccode(organisation, editor, read("invalid.publiccode.yml"))
    assert ("favouriteColour", 10) in {(m.key, m.line) for m in raised.value.report.errors}
    assert not Solution.objects.exists()


@pytest.mark.parametrize("persona", ["member", "outsider_admin", "coordinator"])
def test_only_editors_and_admins_of_the_organisation_import(request, organisation, minimal_text, persona):
    with pytest.raises(PermissionDenied):
        importing.import_publiccode(organisation, request.getfixturevalue(persona), minimal_text)


def test_reimport_of_a_published_solution_is_a_revision_for_review(
    organisation, editor, coordinator, minimal_text, django_capture_on_commit_callbacks
):
    solution = publish(
        importing.import_publiccode(organisation, editor, minimal_text).solution,
        coordinator,
        django_capture_on_commit_callbacks,
    )
    changed = minimal_text.replace("Päiväkotihaku\n", "Päiväkotihaku 2\n").replace(
        "license: EUPL-1.2", "license: MIT"
    )
    result = importing.import_publiccode(organisation, editor, changed)
    assert result.outcome == "revision"
    assert result.solution.pk == solution.pk
    solution.refresh_from_db()
    assert (solution.title, solution.licence) == ("Päiväkotihaku", "EUPL-1.2")  # the published text stays
    revision = result.revision
    assert (revision.state, revision.data["title"], revision.data["licence"]) == (
        RevisionState.PENDING,
        "Päiväkotihaku 2",
        "MIT",
    )
    item = ModerationItem.objects.get(kind=ItemKind.REVISION, object_id=revision.pk)
    with django_capture_on_commit_callbacks(execute=True):
        publishing.approve(item, coordinator)
    solution.refresh_from_db()
    assert (solution.title, solution.licence) == ("Päiväkotihaku 2", "MIT")
    exported = importing.export_document(solution, "https://kuntajako.example.org/x")
    assert exported["name"] == "Päiväkotihaku 2"
    assert exported["legal"]["license"] == "MIT"


def test_reimport_of_the_same_file_changes_nothing(
    organisation, editor, coordinator, minimal_text, django_capture_on_commit_callbacks
):
    publish(
        importing.import_publiccode(organisation, editor, minimal_text).solution,
        coordinator,
        django_capture_on_commit_callbacks,
    )
    assert importing.import_publiccode(organisation, editor, minimal_text).outcome == "unchanged"
    assert not ModerationItem.objects.filter(kind=ItemKind.REVISION).exists()


@pytest.mark.parametrize(
    "name", ["valid-minimal.publiccode.yml", "valid-full.publiccode.yml", "warnings.publiccode.yml"]
)
def test_round_trip_import_export_import_loses_nothing(
    client, organisation, editor, coordinator, service_classes, name, django_capture_on_commit_callbacks
):
    original = validate(read(name)).document
    solution = publish(
        importing.import_publiccode(organisation, editor, read(name)).solution,
        coordinator,
        django_capture_on_commit_callbacks,
    )
    response = client.get(reverse("opencode:export", args=[solution.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/yaml")
    text = response.content.decode("utf-8")
    report = validate(text)
    assert report.valid, [str(m) for m in report.errors]
    assert report.document == original
    other = factories.OrganisationFactory()
    again = importing.import_publiccode(other, _editor_of(other), text).solution
    assert publishing.solution_data(again) == {
        **publishing.solution_data(solution),
        "contacts": publishing.solution_data(again)["contacts"],
    }
    assert importing.import_publiccode(organisation, editor, text).outcome == "unchanged"


def _editor_of(organisation):
    from municipalities.models import MembershipRole
    from tests.conftest import member_of

    return member_of(organisation, MembershipRole.EDITOR)


def test_export_of_a_solution_made_in_the_editor_passes_the_validator(client, organisation):
    solution = factories.SolutionFactory(
        organisation=organisation,
        title="Äänestyspaikkahaku – Röstningsställen",
        summary="Kuntalainen löytää lähimmän äänestyspaikan.",
        description="",
        repository_url="https://git.example.org/kuhmo/aanestys",
        licence="",
    )
    solution.contacts.create(name="Åsa Öberg", email="asa@example.org")
    response = client.get(reverse("opencode:export", args=[solution.slug]))
    report = validate(response.content)
    assert report.valid, [str(m) for m in report.errors]
    assert report.document["name"] == "Äänestyspaikkahaku – Röstningsställen"
    assert report.document["maintenance"] == {
        "type": "internal",
        "contacts": [{"name": "Åsa Öberg", "email": "asa@example.org"}],
    }
    assert "Äänestyspaikkahaku".encode() in response.content


def test_export_only_of_published_solutions_with_a_repository(client, organisation):
    draft = factories.SolutionFactory(
        organisation=organisation,
        repository_url="https://git.example.org/a",
        moderation_state="draft",
        published_at=None,
    )
    without = factories.SolutionFactory(organisation=organisation, repository_url="")
    for solution in (draft, without):
        assert client.get(reverse("opencode:export", args=[solution.slug])).status_code == 404


def test_dump_keeps_non_ascii_and_quotes_what_would_change_type():
    text = dump({"publiccodeYmlVersion": "0", "releaseDate": "2026-01-01", "name": "Åland–Ähtäri"})
    assert "Åland–Ähtäri" in text
    assert yaml.safe_load(text)["releaseDate"] == "2026-01-01"


REAL_FILES = sorted(SHARED.glob("*.yml")) if SHARED.is_dir() else []


@pytest.mark.skipif(not REAL_FILES, reason="../shared/data/publiccode is not beside the checkout")
@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_real_files_import_or_are_refused_with_a_line_numbered_reason(organisation, editor, path):
    text = path.read_bytes()
    report = validate(text)
    if report.valid:
        result = importing.import_publiccode(organisation, editor, text.decode("utf-8"))
        assert result.solution.moderation_state == ModerationState.DRAFT
        assert result.solution.title
    else:
        with pytest.raises(importing.InvalidPubliccode) as raised:
            importing.import_publiccode(organisation, editor, text.decode("utf-8"))
        assert all(m.line >= 1 and m.key for m in raised.value.report.errors)
        assert not Solution.objects.exists()
