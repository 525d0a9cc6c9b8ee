"""The editor's pages: our solutions, the form with preview and errors, concurrent saves, archiving."""

import pytest
from django.urls import reverse

from solutions.models import ModerationItem, ModerationState, Revision, Solution
from solutions.notifications.models import Notification
from solutions.services import publishing as workflow
from tests import factories
from tests.checks import committed, validate_html

pytestmark = pytest.mark.django_db

OUR = reverse("solutions:editor:our_solutions")
NEW = reverse("solutions:editor:create")


def edit_url(solution):
    return reverse("solutions:editor:edit", args=[solution.slug])


def form_data(**overrides):
    data = {
        "title": "Tilavarausjärjestelmä",
        "summary": "Kuntalaiset varaavat tiloja verkossa.",
        "description": "## Käyttö\n\nVaraa *tila*.",
        "kind": "software",
        "repository_url": "https://github.com/kuhmo/tilat",
        "licence": "EUPL-1.2",
        "lifecycle": "production",
        "language": "fi",
        "tags": "tilavaraus, kirjasto",
        "contacts-TOTAL_FORMS": "2",
        "contacts-INITIAL_FORMS": "0",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "10",
        "contacts-0-name": "Eero Editori",
        "contacts-0-role": "Kehittäjä",
        "contacts-0-email": "eero@kuhmo.fi",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def edit_data(solution, **overrides):
    return form_data(version=str(solution.version), **overrides)


# Creating


def test_an_editor_creates_a_draft(client_for, editor, organisation):
    response = client_for(editor).post(NEW, form_data(organisation=organisation.pk, action="save"))
    solution = Solution.objects.get()
    assert response.status_code == 302
    assert response["Location"] == edit_url(solution)
    assert (solution.moderation_state, solution.organisation, solution.created_by) == (
        ModerationState.DRAFT,
        organisation,
        editor,
    )
    assert sorted(solution.tags.names()) == ["kirjasto", "tilavaraus"]
    assert solution.contacts.get().email == "eero@kuhmo.fi"


def test_sending_the_new_solution_form_twice_creates_one_draft(client_for, editor, organisation):
    """A double click on "save" (the same form sent twice) lands on the same draft, not on an error."""
    client = client_for(editor)
    key = "6f1c0a52-3c1e-4b6f-9d55-0d8e2b7f4a10"
    first = client.post(NEW, form_data(organisation=organisation.pk, action="submit", creation_key=key))
    second = client.post(NEW, form_data(organisation=organisation.pk, action="submit", creation_key=key))
    solution = Solution.objects.get()
    assert first["Location"] == second["Location"] == edit_url(solution)
    assert ModerationItem.objects.open().count() == 1


def test_two_drafts_with_one_title_get_their_own_addresses(client_for, editor, organisation):
    client = client_for(editor)
    client.post(NEW, form_data(organisation=organisation.pk, action="save"))
    client.post(NEW, form_data(organisation=organisation.pk, action="save"))
    assert len(set(Solution.objects.values_list("slug", flat=True))) == 2


def test_the_new_solution_form_carries_a_fresh_key(client_for, editor, organisation):
    client = client_for(editor)
    pages = [client.get(NEW).content.decode() for _ in range(2)]
    keys = [page.split('name="creation_key" value="', 1)[1].split('"', 1)[0] for page in pages]
    assert keys[0] != keys[1]


def test_create_and_submit_at_once(client_for, editor, organisation):
    client_for(editor).post(NEW, form_data(organisation=organisation.pk, action="submit"))
    assert Solution.objects.get().moderation_state == ModerationState.SUBMITTED
    assert ModerationItem.objects.open().count() == 1


@pytest.mark.parametrize("name", ["member", "outsider_admin", "coordinator"])
def test_others_cannot_create_for_the_organisation(request, client_for, organisation, name):
    response = client_for(request.getfixturevalue(name)).post(
        NEW, form_data(organisation=organisation.pk, action="save")
    )
    assert response.status_code in (400, 403)
    assert not Solution.objects.exists()


def test_visitors_are_sent_to_log_in(client):
    response = client.get(NEW)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_an_invalid_form_keeps_everything_typed_and_says_what_to_fix(client_for, editor, organisation):
    data = form_data(
        organisation=organisation.pk,
        title="",
        repository_url="ei osoite",
        licence="Oma-lisenssi",
        **{"contacts-1-email": "ei-osoite", "contacts-1-name": "Maija"},
    )
    response = client_for(editor).post(NEW, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert not Solution.objects.exists()
    assert "Kuntalaiset varaavat tiloja verkossa." in html
    assert "## Käyttö" in html
    assert 'value="tilavaraus, kirjasto"' in html
    assert 'value="eero@kuhmo.fi"' in html
    assert 'href="#field-title"' in html
    assert 'href="#field-repository_url"' in html
    assert 'href="#field-licence"' in html
    assert 'href="#id_contacts-1-email"' in html


def test_preview_renders_the_sanitised_description_without_saving(client_for, editor, organisation):
    data = form_data(
        organisation=organisation.pk, action="preview", description="## Otsikko\n\n<script>alert(1)</script>"
    )
    response = client_for(editor).post(NEW, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert not Solution.objects.exists()
    assert "<h3>Otsikko</h3>" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # still in the textarea, escaped


def test_an_unknown_licence_is_refused_but_an_existing_one_is_kept(client_for, editor, draft):
    Solution.objects.filter(pk=draft.pk).update(licence="LicenseRef-Kuhmo")
    draft.refresh_from_db()
    client = client_for(editor)
    assert 'value="LicenseRef-Kuhmo" selected' in client.get(edit_url(draft)).content.decode()
    response = client.post(edit_url(draft), edit_data(draft, licence="LicenseRef-Kuhmo", action="save"))
    assert response.status_code == 302
    response = client.post(edit_url(draft), edit_data(draft, licence="WTFPL", action="save"))
    assert response.status_code == 400


# Editing drafts and submitting


def test_save_then_submit_then_resubmit_after_changes(client_for, editor, coordinator, draft):
    client = client_for(editor)
    response = client.post(edit_url(draft), edit_data(draft, title="Uusi nimi", action="save"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.title, draft.moderation_state) == ("Uusi nimi", ModerationState.DRAFT)
    client.post(edit_url(draft), edit_data(draft, action="submit"))
    draft.refresh_from_db()
    assert draft.moderation_state == ModerationState.SUBMITTED
    assert "waiting for review" in client.get(edit_url(draft)).content.decode()
    workflow.request_changes(ModerationItem.objects.get(), coordinator, "Lisää kuvaus ruotsiksi.")
    page = client.get(edit_url(draft)).content.decode()
    assert "Lisää kuvaus ruotsiksi." in page
    assert "Save and submit again" in page
    draft.refresh_from_db()
    client.post(edit_url(draft), edit_data(draft, action="submit"))
    draft.refresh_from_db()
    assert draft.moderation_state == ModerationState.SUBMITTED


def test_a_second_editor_saving_an_old_version_gets_their_text_back(client_for, editor, org_admin, draft):
    eero, aino = client_for(editor), client_for(org_admin)
    opened = edit_data(draft, action="save")
    eero.post(edit_url(draft), {**opened, "title": "Eeron versio"})
    response = aino.post(
        edit_url(draft), {**opened, "title": "Ainon versio", "summary": "Ainon tiivistelmä."}
    )
    html = response.content.decode()
    draft.refresh_from_db()
    assert response.status_code == 409
    assert draft.title == "Eeron versio"
    assert 'value="Ainon versio"' in html
    assert "Ainon tiivistelmä." in html
    assert "Someone else saved this solution" in html
    assert "Eeron versio" in html  # what is saved now
    assert f'name="version" value="{draft.version}"' in html
    again = aino.post(edit_url(draft), {**opened, "version": str(draft.version), "title": "Ainon versio"})
    draft.refresh_from_db()
    assert again.status_code == 302
    assert draft.title == "Ainon versio"


def test_a_second_editor_saving_over_a_pending_revision_gets_their_text_back(
    client_for, editor, org_admin, published
):
    eero, aino = client_for(editor), client_for(org_admin)
    opened = edit_data(published, action="save")  # both open the published solution's form
    eero.post(edit_url(published), {**opened, "title": "Eeron muutos"})
    response = aino.post(edit_url(published), {**opened, "title": "Ainon muutos"})
    html = response.content.decode()
    revision = Revision.objects.get(solution=published)
    published.refresh_from_db()
    assert response.status_code == 409
    assert revision.data["title"] == "Eeron muutos"  # the first edit is not replaced unseen
    assert published.title == "Koulukuljetusten reititys"  # and the public text stays
    assert 'value="Ainon muutos"' in html
    assert "Eeron muutos" in html  # what is waiting for review now
    again = aino.post(
        edit_url(published), {**opened, "version": str(published.version), "title": "Ainon muutos"}
    )
    revision.refresh_from_db()
    assert again.status_code == 302
    assert revision.data["title"] == "Ainon muutos"


@pytest.mark.parametrize("name", ["member", "outsider_admin"])
def test_others_cannot_edit(request, client_for, draft, name):
    client = client_for(request.getfixturevalue(name))
    response = client.post(edit_url(draft), edit_data(draft, title="Kaapattu", action="save"))
    assert response.status_code in (403, 404)
    draft.refresh_from_db()
    assert draft.title == "Tilavarausjärjestelmä"


def test_outsiders_do_not_learn_that_a_draft_exists(client_for, outsider_admin, draft):
    assert client_for(outsider_admin).get(edit_url(draft)).status_code == 404


# Published solutions: revisions


def test_editing_a_published_solution_leaves_the_public_text_until_approval(
    client, client_for, editor, coordinator, published
):
    editor_client = client_for(editor)
    response = editor_client.post(
        edit_url(published), edit_data(published, title="Uusi otsikko", action="save")
    )
    assert response.status_code == 302
    public = client.get(published.get_absolute_url()).content.decode()
    assert "Koulukuljetusten reititys" in public
    assert "Uusi otsikko" not in public
    page = editor_client.get(edit_url(published)).content.decode()
    assert 'value="Uusi otsikko"' in page
    assert "Your edit is waiting for review" in page
    workflow.approve(ModerationItem.objects.get(), coordinator)
    assert "Uusi otsikko" in client.get(published.get_absolute_url()).content.decode()


def test_a_rejected_edit_is_shown_to_the_editor_again(client_for, editor, coordinator, published):
    editor_client = client_for(editor)
    editor_client.post(edit_url(published), edit_data(published, title="Hylätty otsikko", action="save"))
    workflow.reject(ModerationItem.objects.get(), coordinator, "Otsikko on harhaanjohtava.")
    page = editor_client.get(edit_url(published)).content.decode()
    assert 'value="Hylätty otsikko"' in page
    assert "Otsikko on harhaanjohtava." in page
    published.refresh_from_db()
    assert published.title == "Koulukuljetusten reititys"
    editor_client.post(edit_url(published), edit_data(published, title="Parempi otsikko", action="save"))
    assert Revision.objects.pending().get().data["title"] == "Parempi otsikko"


# Archiving


def test_archive_and_restore_buttons(client_for, editor, published):
    client = client_for(editor)
    assert "Archive this solution" in client.get(edit_url(published)).content.decode()
    client.post(reverse("solutions:editor:archive", args=[published.slug]), {"reason": "Vanhentunut"})
    published.refresh_from_db()
    assert published.moderation_state == ModerationState.ARCHIVED
    page = client.get(edit_url(published)).content.decode()
    assert "Restore to lists and search" in page
    assert "Vanhentunut" in page
    client.post(reverse("solutions:editor:restore", args=[published.slug]))
    published.refresh_from_db()
    assert published.moderation_state == ModerationState.PUBLISHED


def test_archiving_needs_post_and_permission(client_for, member, published):
    url = reverse("solutions:editor:archive", args=[published.slug])
    assert client_for(member).get(url).status_code == 405
    assert client_for(member).post(url).status_code == 403
    published.refresh_from_db()
    assert published.moderation_state == ModerationState.PUBLISHED


# Our solutions


def test_our_solutions_lists_every_state_with_the_latest_decision(
    client_for, editor, coordinator, organisation, other_organisation, draft
):
    factories.SolutionFactory(organisation=other_organisation, title="Sallan ratkaisu")
    waiting = factories.SolutionFactory(
        organisation=organisation, title="Korjattava", moderation_state="draft", published_at=None
    )
    workflow.request_changes(workflow.submit(waiting, editor), coordinator, "Lisää yhteystiedot.")
    html = client_for(editor).get(OUR).content.decode()
    assert "Tilavarausjärjestelmä" in html
    assert "Korjattava" in html
    assert "Lisää yhteystiedot." in html
    assert "Sallan ratkaisu" not in html


def test_our_solutions_query_count_does_not_grow(client_for, editor, coordinator, organisation):
    client = client_for(editor)

    def make(count):
        for _ in range(count):
            solution = factories.SolutionFactory(
                organisation=organisation, moderation_state="draft", published_at=None
            )
            workflow.reject(workflow.submit(solution, editor), coordinator, "Ei.")

    make(5)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as five:
        assert client.get(OUR).status_code == 200
    make(25)
    with CaptureQueriesContext(connection) as thirty:
        response = client.get(OUR)
    assert response.content.decode().count("Ei.") == 30
    assert len(thirty) == len(five)


# Notifications


def test_notifications_page_lists_and_marks_read(client_for, editor, coordinator, draft):
    editor.preferred_language = "en"
    editor.save()
    with committed():
        workflow.request_changes(workflow.submit(draft, editor), coordinator, "Tarkenna.")
    client = client_for(editor)
    html = client.get(reverse("solutions:follows:notifications")).content.decode()
    assert "Changes requested to “Tilavarausjärjestelmä”" in html
    assert Notification.objects.unread_count(editor) == 1
    client.post(reverse("solutions:follows:notifications"))
    assert Notification.objects.unread_count(editor) == 0


def test_notifications_are_private(client_for, member, editor, coordinator, draft):
    workflow.request_changes(workflow.submit(draft, editor), coordinator, "Tarkenna.")
    html = client_for(member).get(reverse("solutions:follows:notifications")).content.decode()
    assert "Tilavarausjärjestelmä" not in html


# Valid HTML


def test_editor_pages_are_valid_html(client_for, editor, coordinator, organisation, draft, published):
    factories.ServiceClassFactory(code="P1", name_fi="Asuminen")
    client = client_for(editor)
    workflow.request_changes(workflow.submit(draft, editor), coordinator, "Tarkenna.")
    pages = {
        "our solutions": client.get(OUR),
        "new": client.get(NEW),
        "invalid": client.post(NEW, form_data(organisation=organisation.pk, title="")),
        "preview": client.post(NEW, form_data(organisation=organisation.pk, action="preview")),
        "changes requested": client.get(edit_url(draft)),
        "published": client.get(edit_url(published)),
        "attachments": client.get(reverse("solutions:editor:attachments", args=[draft.slug])),
        "published attachments": client.get(reverse("solutions:editor:attachments", args=[published.slug])),
        "notifications": client.get(reverse("solutions:follows:notifications")),
    }
    assert validate_html({name: response.content.decode() for name, response in pages.items()}) == []
