"""Writing, reviewing and publishing news and events, through the pages people use."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext

from solutions.models import Decision, ItemState, ModerationDecision, ModerationItem
from solutions.news.models import Event, Post, State
from solutions.news.services import publishing
from solutions.notifications.models import Notification
from tests.checks import committed

pytestmark = pytest.mark.django_db


def test_an_editors_post_waits_for_a_coordinator_before_anyone_sees_it(
    client_for, editor, organisation, coordinator
):
    client = client_for(editor)
    response = client.post(
        reverse("news:post_new"),
        {"kind": "blog", "title": "Miten kokeilimme", "summary": "Kokemuksia.", "body": "Teksti",
         "organisation": organisation.pk},
    )  # fmt: skip
    post = Post.objects.get()
    assert response.status_code == 302
    assert post.state == State.DRAFT
    assert post.kind == "blog"
    with committed():
        client.post(reverse("news:submit", args=["post", post.slug]))
    post.refresh_from_db()
    assert post.state == State.SUBMITTED
    assert client_for(None).get(post.get_absolute_url()).status_code == 404
    assert post.title not in client_for(None).get(reverse("news:posts")).content.decode()

    item = ModerationItem.objects.get(kind="news", state=ItemState.OPEN)
    assert Notification.objects.filter(recipient=coordinator, kind="queue").exists()
    queue = client_for(coordinator).get(reverse("solutions:moderation_queue")).content.decode()
    assert reverse("news:review", args=[item.pk]) in queue

    with committed():
        response = client_for(coordinator).post(
            reverse("news:review", args=[item.pk]), {"decision": "approve"}
        )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.state == State.PUBLISHED
    assert post.published_at is not None
    page = client_for(None).get(post.get_absolute_url())
    assert page.status_code == 200
    assert "Miten kokeilimme" in page.content.decode()
    assert Notification.objects.filter(recipient=editor, kind="news_approved").exists()


def test_a_rejection_needs_a_reason_which_the_editor_reads_and_can_then_resubmit(
    client_for, submitted_post, editor, coordinator
):
    item = publishing.open_item(submitted_post)
    response = client_for(coordinator).post(reverse("news:review", args=[item.pk]), {"decision": "reject"})
    assert response.status_code == 409
    assert (
        escape(gettext("Write the reason: the organisation sees it with the decision."))
        in response.content.decode()
    )
    with committed():
        client_for(coordinator).post(
            reverse("news:review", args=[item.pk]), {"decision": "reject", "reason": "Lisää lähteet."}
        )
    told = Notification.objects.get(recipient=editor, kind="news_rejected")
    assert told.text == "Lisää lähteet."
    assert told.url.endswith(submitted_post.get_edit_url().split("/", 2)[2])
    submitted_post.refresh_from_db()
    assert submitted_post.state == State.REJECTED
    page = client_for(editor).get(submitted_post.get_edit_url()).content.decode()
    assert "Lisää lähteet." in page
    publishing.submit(submitted_post, editor)
    submitted_post.refresh_from_db()
    assert submitted_post.state == State.SUBMITTED


def test_two_coordinators_deciding_at_once_get_one_decision(
    submitted_post, coordinator, coordinating_organisation
):
    from tests.conftest import member_of

    other = member_of(coordinating_organisation, "coordinator")
    item = publishing.open_item(submitted_post)
    publishing.approve(item, coordinator)
    with pytest.raises(publishing.AlreadyDecided):
        publishing.reject(item, other, "Myöhässä")
    assert (
        ModerationDecision.objects.filter(object_id=submitted_post.pk, decision=Decision.APPROVED).count()
        == 1
    )


def test_a_coordinators_own_item_is_published_at_once(client_for, coordinator, coordinating_organisation):
    client = client_for(coordinator)
    client.post(
        reverse("news:post_new"),
        {
            "kind": "news",
            "title": "Digiviikko alkaa",
            "summary": "Ohjelma.",
            "organisation": coordinating_organisation.pk,
        },
    )
    post = Post.objects.get()
    response = client.post(reverse("news:submit", args=["post", post.slug]))
    post.refresh_from_db()
    assert response.status_code == 302
    assert response.url == post.get_absolute_url()
    assert post.state == State.PUBLISHED
    assert not ModerationItem.objects.exists()


def test_nobody_else_submits_or_decides(client_for, draft_post, outsider_admin, member, editor):
    assert (
        client_for(outsider_admin).post(reverse("news:submit", args=["post", draft_post.slug])).status_code
        == 404
    )
    assert client_for(member).post(reverse("news:submit", args=["post", draft_post.slug])).status_code == 403
    publishing.submit(draft_post, editor)
    item = publishing.open_item(draft_post)
    response = client_for(editor).post(reverse("news:review", args=[item.pk]), {"decision": "approve"})
    assert response.status_code == 403
    draft_post.refresh_from_db()
    assert draft_post.state == State.SUBMITTED


def test_a_stale_save_keeps_the_editors_text_and_says_why(client_for, draft_post, editor, org_admin):
    publishing.save(
        draft_post, org_admin, {"title": "Ylläpitäjän otsikko"}, expected_version=draft_post.version
    )
    response = client_for(editor).post(
        draft_post.get_edit_url(),
        {
            "kind": "news",
            "title": "Editorin otsikko",
            "summary": "Oma tiivistelmä",
            "version": draft_post.version,
        },
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert 'value="Editorin otsikko"' in page
    assert escape(publishing.StaleVersion(draft_post).message) in page
    draft_post.refresh_from_db()
    assert draft_post.title == "Ylläpitäjän otsikko"


def test_an_event_is_written_in_its_own_time_zone(client_for, editor, organisation):
    response = client_for(editor).post(
        reverse("news:event_new"),
        {
            "title": "Tukholman tapaaminen", "summary": "Pohjoismainen verkosto.", "start_date": "2027-03-04",
            "start_time": "10:00", "end_time": "12:30", "time_zone": "Europe/Stockholm", "place": "Tukholma",
            "organisation": organisation.pk,
        },
    )  # fmt: skip
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.starts_at.isoformat() == "2027-03-04T09:00:00+00:00"
    assert (event.ends_at - event.starts_at).seconds == 9000
    page = client_for(editor).get(event.get_absolute_url()).content.decode()
    assert "10.00" in page
    assert "Europe/Stockholm" in page


def test_an_event_needs_a_place_or_a_link_and_an_end_after_its_start(client_for, editor, organisation):
    response = client_for(editor).post(
        reverse("news:event_new"),
        {"title": "Outo", "summary": "S", "start_date": "2027-03-04", "start_time": "10:00",
         "end_time": "09:00", "time_zone": "Europe/Helsinki", "organisation": organisation.pk},
    )  # fmt: skip
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="Outo"' in page
    assert escape(gettext("Give the place, the online link, or both.")) in page
    assert escape(gettext("The event must end after it starts.")) in page
    assert not Event.objects.exists()
