"""Attachments of a published solution change through its revision, like its text.

An editor adds a new version of a process document or marks an old one for removal; nothing of it is
public until a coordinator approves the revision, and a rejected or withdrawn revision leaves the
published attachments exactly as they were.
"""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from solutions.models import (
    Attachment,
    ItemKind,
    ModerationItem,
    ModerationState,
    Revision,
    RevisionState,
    SolutionKind,
)
from solutions.services import publishing as workflow
from tests import factories
from tests.checks import validate_html
from tests.safety.files import BPMN, HTML, PDF

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def published(organisation):
    """A published process description with its BPMN document."""
    solution = factories.SolutionFactory(
        organisation=organisation,
        title="Tilavarauksen prosessi",
        kind=SolutionKind.PROCESS,
        moderation_state=ModerationState.PUBLISHED,
        published_at=timezone.now(),
    )
    attachment = Attachment(solution=solution, title="Prosessi 2024", content_type="application/bpmn+xml")
    attachment.file.save("prosessi-2024.bpmn", ContentFile(BPMN), save=False)
    attachment.size = len(BPMN)
    attachment.save()
    return solution


@pytest.fixture
def old_version(published):
    return published.attachments.get()


def page_url(solution):
    return reverse("solutions:editor:attachments", args=[solution.slug])


def download_url(attachment):
    return reverse("solutions:attachment_download", args=[attachment.pk])


def upload(client, solution, title="Prosessi 2025", data=PDF, name="prosessi-2025.pdf"):
    return client.post(page_url(solution), {"title": title, "file": SimpleUploadedFile(name, data)})


def public_titles(client, solution):
    response = client.get(solution.get_absolute_url())
    assert response.status_code == 200
    return [attachment.title for attachment in response.context["solution"].public_attachments]


def item_of(revision):
    return ModerationItem.objects.get(kind=ItemKind.REVISION, object_id=revision.pk)


@pytest.fixture
def added(client_for, editor, published):
    """A file the editor added to the published solution: waiting in a new pending revision."""
    assert upload(client_for(editor), published).status_code == 302
    return Attachment.objects.get(title="Prosessi 2025")


# Adding


def test_a_file_added_to_a_published_solution_waits_in_a_new_pending_revision(
    client_for, editor, published, added
):
    revision = Revision.objects.get()
    assert (revision.state, revision.solution, revision.created_by) == (
        RevisionState.PENDING,
        published,
        editor,
    )
    # Opened as an edit of the text would be: with the published text, queued for the coordinators.
    assert revision.data == workflow.solution_data(published)
    assert item_of(revision).is_open
    assert (added.revision, added.content_type) == (revision, "application/pdf")


def test_a_second_file_joins_the_same_pending_revision(client_for, editor, published, added):
    upload(client_for(editor), published, title="Liite B", name="b.pdf")
    assert Revision.objects.count() == 1
    assert set(Attachment.objects.filter(revision=added.revision).values_list("title", flat=True)) == {
        "Prosessi 2025",
        "Liite B",
    }


def test_a_file_added_after_an_edit_of_the_text_joins_that_revision(client_for, editor, published):
    data = {**workflow.solution_data(published), "summary": "Uusi tiivistelmä."}
    revision = workflow.propose_revision(published, editor, data)
    upload(client_for(editor), published)
    revision.refresh_from_db()
    assert Revision.objects.count() == 1
    assert revision.data["summary"] == "Uusi tiivistelmä."
    assert revision.added_attachments.get().title == "Prosessi 2025"


def test_visitors_do_not_see_an_added_file_and_get_404_for_it(client_for, outsider_admin, published, added):
    for user in (None, outsider_admin):
        client = client_for(user)
        assert public_titles(client, published) == ["Prosessi 2024"]
        assert "Prosessi 2025" not in client.get(published.get_absolute_url()).content.decode()
        assert client.get(download_url(added)).status_code == 404


def test_the_organisation_and_the_coordinators_may_download_an_added_file(
    client_for, member, editor, coordinator, added
):
    for user in (member, editor, coordinator):
        response = client_for(user).get(download_url(added))
        assert (response.status_code, response["Cache-Control"]) == (200, "private, no-store")
        assert b"".join(response.streaming_content) == PDF


def test_the_public_page_of_the_organisation_shows_only_published_files_too(
    client_for, member, published, added
):
    assert public_titles(client_for(member), published) == ["Prosessi 2024"]


def test_a_refused_file_on_a_published_solution_keeps_the_title_and_opens_no_revision(
    client_for, editor, published
):
    response = upload(client_for(editor), published, title="Uusi versio", data=HTML, name="x.pdf")
    assert response.status_code == 400
    assert 'value="Uusi versio"' in response.content.decode()
    assert not Revision.objects.exists()
    assert Attachment.objects.count() == 1


# Removing


def test_a_file_marked_for_removal_stays_public_until_approval(client_for, editor, published, old_version):
    response = client_for(editor).post(page_url(published), {"delete": old_version.pk})
    assert response.status_code == 302
    old_version.refresh_from_db()
    revision = Revision.objects.pending().get()
    assert old_version.removed_in == revision
    visitor = client_for(None)
    assert public_titles(visitor, published) == ["Prosessi 2024"]
    assert visitor.get(download_url(old_version)).status_code == 200


def test_a_pending_removal_can_be_undone(client_for, editor, coordinator, published, old_version):
    client = client_for(editor)
    client.post(page_url(published), {"delete": old_version.pk})
    response = client.post(page_url(published), {"keep": old_version.pk})
    assert response.status_code == 302
    old_version.refresh_from_db()
    assert old_version.removed_in is None
    workflow.approve(item_of(Revision.objects.get()), coordinator)
    assert public_titles(client_for(None), published) == ["Prosessi 2024"]


def test_a_pending_addition_is_deleted_outright_with_its_file(
    client_for, editor, published, added, django_capture_on_commit_callbacks
):
    name = added.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(editor).post(page_url(published), {"delete": added.pk})
    assert response.status_code == 302
    assert not Attachment.objects.filter(pk=added.pk).exists()
    assert not default_storage.exists(name)
    assert public_titles(client_for(None), published) == ["Prosessi 2024"]


# Deciding


def test_approval_publishes_added_files_and_deletes_removed_ones(
    client_for, editor, coordinator, published, old_version, added, django_capture_on_commit_callbacks
):
    client_for(editor).post(page_url(published), {"delete": old_version.pk})
    old_name = old_version.file.name
    with django_capture_on_commit_callbacks(execute=True):
        workflow.approve(item_of(added.revision), coordinator)
    visitor = client_for(None)
    assert public_titles(visitor, published) == ["Prosessi 2025"]
    assert visitor.get(download_url(added)).status_code == 200
    assert visitor.get(download_url(old_version)).status_code == 404
    assert not Attachment.objects.filter(pk=old_version.pk).exists()
    assert not default_storage.exists(old_name)


def test_files_are_kept_in_storage_until_the_approval_commits(
    editor, coordinator, published, old_version, django_capture_on_commit_callbacks
):
    workflow.remove_attachment(published, editor, old_version.pk)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        workflow.approve(item_of(Revision.objects.get()), coordinator)
    assert default_storage.exists(old_version.file.name)
    for callback in callbacks:
        callback()
    assert not default_storage.exists(old_version.file.name)


def test_rejection_leaves_the_published_files_and_keeps_the_additions_with_the_revision(
    client_for, editor, coordinator, published, old_version, added
):
    client_for(editor).post(page_url(published), {"delete": old_version.pk})
    revision = added.revision
    workflow.reject(item_of(revision), coordinator, "Väärä versio.")
    visitor = client_for(None)
    assert public_titles(visitor, published) == ["Prosessi 2024"]
    assert visitor.get(download_url(old_version)).status_code == 200
    assert visitor.get(download_url(added)).status_code == 404
    added.refresh_from_db()
    old_version.refresh_from_db()
    assert (added.revision, old_version.removed_in) == (revision, revision)
    assert client_for(editor).get(download_url(added)).status_code == 200


def test_a_rejected_revision_sent_again_takes_its_attachment_changes_along(
    client_for, editor, coordinator, published, old_version, added
):
    client = client_for(editor)
    client.post(page_url(published), {"delete": old_version.pk})
    workflow.reject(item_of(added.revision), coordinator, "Tarkenna tiivistelmää.")
    html = client.get(page_url(published)).content.decode()
    assert "Your previous edit was not accepted" in html
    assert "To be added: in the edit that was not accepted" in html
    # The editor corrects the text, as the form lets them after a rejection, and sends it again.
    data = {**workflow.editable_revision(published).data, "summary": "Korjattu tiivistelmä."}
    again = workflow.propose_revision(published, editor, data)
    added.refresh_from_db()
    old_version.refresh_from_db()
    assert (added.revision, old_version.removed_in) == (again, again)
    workflow.approve(item_of(again), coordinator)
    assert public_titles(client_for(None), published) == ["Prosessi 2025"]


def test_a_file_added_after_a_rejection_reopens_the_rejected_edit(client_for, editor, coordinator, published):
    data = {**workflow.solution_data(published), "summary": "Hylätty tiivistelmä."}
    rejected = workflow.propose_revision(published, editor, data)
    workflow.reject(item_of(rejected), coordinator, "Ei näin.")
    upload(client_for(editor), published)
    again = Revision.objects.pending().get()
    # As the editor's form would: the edit continues from the text of the rejected one.
    assert again.data["summary"] == "Hylätty tiivistelmä."
    assert again.added_attachments.get().title == "Prosessi 2025"


def test_archiving_withdraws_the_revision_and_its_files_stay_unpublished(
    client_for, editor, published, old_version, added
):
    client_for(editor).post(page_url(published), {"delete": old_version.pk})
    workflow.archive(published, editor)
    added.refresh_from_db()
    assert added.revision.state == RevisionState.WITHDRAWN
    visitor = client_for(None)
    assert public_titles(visitor, published) == ["Prosessi 2024"]
    assert visitor.get(download_url(added)).status_code == 404
    assert visitor.get(download_url(old_version)).status_code == 200


# The review page


def test_the_review_page_lists_files_to_add_and_to_remove(
    client_for, editor, coordinator, published, old_version, added
):
    client_for(editor).post(page_url(published), {"delete": old_version.pk})
    response = client_for(coordinator).get(
        reverse("solutions:moderation_review", args=[item_of(added.revision).pk])
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Attachments to be added" in html
    assert "Attachments to be removed" in html
    assert f'<ins><a href="{download_url(added)}">Prosessi 2025</a></ins>' in html
    assert f'<del><a href="{download_url(old_version)}">Prosessi 2024</a></del>' in html
    # The preview shows the page as it will be: the new file listed, the old one gone.
    assert [a.title for a in response.context["solution"].public_attachments] == ["Prosessi 2025"]
    assert "The edit changes nothing" not in html


def test_the_review_page_says_when_an_edit_changes_nothing(client_for, editor, coordinator, published):
    revision = workflow.propose_revision(published, editor, workflow.solution_data(published))
    html = (
        client_for(coordinator)
        .get(reverse("solutions:moderation_review", args=[item_of(revision).pk]))
        .content.decode()
    )
    assert "The edit changes nothing in the published text." in html
    assert "Attachments to be added" not in html


# The editor's page


def test_the_editor_sees_what_is_public_and_what_waits_for_review(
    client_for, editor, published, old_version, added
):
    client = client_for(editor)
    client.post(page_url(published), {"delete": old_version.pk})
    upload(client, published, title="Ohje", name="ohje.pdf")
    html = client.get(page_url(published)).content.decode()
    assert "To be added: waiting for review" in html
    assert "To be removed: waiting for review, public until then" in html
    assert "Keep Prosessi 2024" in html
    assert "Delete Prosessi 2025" in html
    assert "Your attachment changes wait for review together with your edit." in html
    workflow.keep_attachment(published, editor, old_version.pk)
    html = client.get(page_url(published)).content.decode()
    assert "Remove Prosessi 2024" in html
    assert ">Public<" in html


def test_completeness_counts_the_files_the_solution_will_have_after_approval(
    client_for, editor, published, old_version
):
    client = client_for(editor)
    edit_url = reverse("solutions:editor:edit", args=[published.slug])
    client.post(page_url(published), {"delete": old_version.pk})
    missing = {item.name for item in client.get(edit_url).context["missing"]}
    assert "attachments" in missing
    upload(client, published)
    response = client.get(edit_url)
    assert "attachments" not in {item.name for item in response.context["missing"]}
    assert response.context["attachment_count"] == 1


def test_the_attachments_page_of_a_published_solution_is_valid_html(
    client_for, editor, published, old_version, added
):
    client = client_for(editor)
    client.post(page_url(published), {"delete": old_version.pk})
    pages = {
        "published with changes": client.get(page_url(published)),
        "refused upload": upload(client, published, data=HTML, name="x.pdf"),
    }
    assert validate_html({name: response.content.decode() for name, response in pages.items()}) == []


# Who may


@pytest.mark.parametrize("name", ["member", "outsider_admin", "coordinator"])
def test_others_may_not_add_or_remove_files_of_a_published_solution(
    request, client_for, published, old_version, name
):
    client = client_for(request.getfixturevalue(name))
    assert upload(client, published).status_code == 403
    assert client.post(page_url(published), {"delete": old_version.pk}).status_code == 403
    old_version.refresh_from_db()
    assert old_version.removed_in is None
    assert Attachment.objects.count() == 1
    assert not Revision.objects.exists()


@pytest.mark.parametrize("name", ["member", "outsider_admin"])
def test_others_may_not_undo_or_delete_pending_changes(
    request, client_for, editor, published, old_version, added, name
):
    client_for(editor).post(page_url(published), {"delete": old_version.pk})
    client = client_for(request.getfixturevalue(name))
    assert client.post(page_url(published), {"keep": old_version.pk}).status_code == 403
    assert client.post(page_url(published), {"delete": added.pk}).status_code == 403
    old_version.refresh_from_db()
    assert old_version.removed_in is not None
    assert Attachment.objects.filter(pk=added.pk).exists()


def test_visitors_are_sent_to_log_in(client_for, published, old_version):
    client = client_for(None)
    response = upload(client, published)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert client.post(page_url(published), {"delete": old_version.pk}).status_code == 302
    assert Attachment.objects.count() == 1
    assert not Revision.objects.exists()


def test_a_file_of_another_solution_cannot_be_removed_here(client_for, editor, organisation, published):
    other = factories.SolutionFactory(organisation=organisation)
    foreign = Attachment.objects.create(solution=other, title="Muu", file="attachments/x.pdf", size=1)
    response = client_for(editor).post(page_url(published), {"delete": foreign.pk})
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.removed_in is None


def test_the_workflow_checks_the_permission_itself(member, published, old_version):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        workflow.remove_attachment(published, member, old_version.pk)
    with pytest.raises(PermissionDenied):
        workflow.add_attachment(
            published,
            member,
            title="X",
            file=SimpleUploadedFile("x.pdf", PDF),
            content_type="application/pdf",
        )


@pytest.mark.parametrize("state", [ModerationState.SUBMITTED, ModerationState.ARCHIVED])
def test_files_are_not_changed_while_waiting_for_review_or_archived(client_for, editor, organisation, state):
    solution = factories.SolutionFactory(organisation=organisation, moderation_state=state)
    response = upload(client_for(editor), solution)
    assert response.status_code == 302
    assert not Attachment.objects.exists()
    assert (
        "cannot be changed in its current state"
        in client_for(editor).get(page_url(solution)).content.decode()
    )
