"""The public pages: lists, item pages with images and material, the front page, and follows."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from solutions.news.models import Attachment, Event, Post
from solutions.news.services import publishing
from solutions.notifications.models import Notification
from solutions.notifications.services import follows
from tests import factories
from tests.checks import committed, validate_html
from tests.news.conftest import event_data, post_data
from tests.safety.files import HTML, PDF, PNG

pytestmark = pytest.mark.django_db


def test_an_image_is_shown_with_its_description_and_served_safely(
    client_for, draft_post, editor, coordinator
):
    response = client_for(editor).post(
        reverse("news:attachment_add", args=["post", draft_post.slug]),
        {"file-title": "Asiointipalvelun etusivu", "file-file": SimpleUploadedFile("kuva.png", PNG)},
    )
    assert response.status_code == 302
    image = Attachment.objects.get()
    # Not public before publication.
    assert client_for(None).get(image.get_absolute_url()).status_code == 404
    publishing.submit(draft_post, editor)
    publishing.approve(publishing.open_item(draft_post), coordinator)
    page = client_for(None).get(draft_post.get_absolute_url()).content.decode()
    assert f'<img src="{image.get_absolute_url()}" alt="Asiointipalvelun etusivu">' in page
    served = client_for(None).get(image.get_absolute_url())
    assert served["Content-Type"] == "image/png"
    assert served["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert served["X-Content-Type-Options"] == "nosniff"


def test_a_file_that_is_not_what_it_claims_is_refused_and_the_description_kept(
    client_for, draft_post, editor
):
    response = client_for(editor).post(
        reverse("news:attachment_add", args=["post", draft_post.slug]),
        {"file-title": "Kuvaus", "file-file": SimpleUploadedFile("kuva.png", HTML, content_type="image/png")},
    )
    assert response.status_code == 400
    assert not Attachment.objects.exists()
    assert 'value="Kuvaus"' in response.content.decode()


def test_a_past_event_keeps_its_material_which_its_editors_add_afterwards(
    client_for, organisation, coordinator, editor
):
    past = publishing.create(
        Event, organisation, coordinator, event_data(starts=timezone.now() - datetime.timedelta(days=3))
    )
    publishing.submit(past, coordinator)
    response = client_for(editor).post(
        reverse("news:attachment_add", args=["event", past.slug]),
        {"file-title": "Esityksen kalvot", "file-file": SimpleUploadedFile("kalvot.pdf", PDF)},
    )
    assert response.status_code == 302
    listing = client_for(None).get(reverse("news:events") + "?when=past").content.decode()
    assert past.title in listing
    assert past.title not in client_for(None).get(reverse("news:events")).content.decode()
    page = client_for(None).get(past.get_absolute_url()).content.decode()
    assert "Esityksen kalvot" in page
    download = client_for(None).get(Attachment.objects.get().get_absolute_url())
    assert download["Content-Disposition"].startswith("attachment")


def test_followers_of_a_topic_hear_of_its_events(organisation, coordinator, member, service_class):
    subclass = factories.ServiceClassFactory(code="P10.1", parent=service_class)
    follows.follow(member, service_class)
    event = publishing.create(Event, organisation, coordinator, event_data(service_classes=[subclass]))
    with committed():
        publishing.submit(event, coordinator)
    notification = Notification.objects.get(recipient=member)
    assert notification.kind == "news_event"
    assert notification.url.endswith(event.get_absolute_url().split("/", 2)[2])


def test_nobody_hears_of_a_draft(organisation, editor, member, service_class):
    follows.follow(member, service_class)
    with committed():
        publishing.create(Event, organisation, editor, event_data(service_classes=[service_class]))
    assert not Notification.objects.filter(recipient=member).exists()


def test_the_event_list_by_topic_offers_to_follow_it(client_for, member, published_event, service_class):
    page = client_for(member).get(reverse("news:events") + f"?topic={service_class.code}").content.decode()
    assert published_event.title in page
    assert reverse("solutions:follows:follow", args=["service-class", service_class.code]) in page


def test_the_front_page_shows_the_latest_news_and_upcoming_events(client, published_post, published_event):
    page = client.get(reverse("solutions:home")).content.decode()
    assert published_post.get_absolute_url() in page
    assert published_event.get_absolute_url() in page
    assert gettext("Upcoming events") in page


def _many(organisation, coordinator, count, service_class):
    for number in range(count):
        post = publishing.create(Post, organisation, coordinator, post_data(title=f"Uutinen {number}"))
        publishing.submit(post, coordinator)
        event = publishing.create(
            Event,
            organisation,
            coordinator,
            event_data(title=f"Tapahtuma {number}", service_classes=[service_class]),
        )
        publishing.submit(event, coordinator)


@pytest.mark.parametrize("name", ["news:posts", "news:events"])
def test_list_pages_take_the_same_queries_for_two_items_and_for_many(
    client, django_assert_num_queries, organisation, coordinator, service_class, name
):
    _many(organisation, coordinator, 2, service_class)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as two:
        assert client.get(reverse(name)).status_code == 200
    _many(organisation, coordinator, 12, service_class)
    with django_assert_num_queries(len(two.captured_queries)):
        client.get(reverse(name))


def test_pages_are_valid_html(client_for, published_post, published_event, draft_event, editor, coordinator):
    submitted = publishing.submit(draft_event, editor)
    pages = {
        "posts": client_for(None).get(reverse("news:posts")),
        "post": client_for(None).get(published_post.get_absolute_url()),
        "events": client_for(None).get(reverse("news:events")),
        "event": client_for(None).get(published_event.get_absolute_url()),
        "mine": client_for(editor).get(reverse("news:mine")),
        "new event": client_for(editor).get(reverse("news:event_new")),
        "edit": client_for(editor).get(submitted.get_edit_url()),
        "edit event": client_for(coordinator).get(published_event.get_edit_url()),
        "review": client_for(coordinator).get(
            reverse("news:review", args=[publishing.open_item(submitted).pk])
        ),
        "home": client_for(None).get(reverse("solutions:home")),
    }
    assert {name: response.status_code for name, response in pages.items()} == dict.fromkeys(pages, 200)
    assert validate_html({name: response.content.decode() for name, response in pages.items()}) == []


def test_the_front_page_section_takes_two_queries_however_many_items(
    client, organisation, coordinator, service_class, django_assert_num_queries
):
    from django.template import Context, Template

    template = Template(
        "{% load news %}{% news_for_front_page as front %}{% for e in front.events %}"
        "{{ e.organisation.name }}{% endfor %}{% for p in front.posts %}{{ p.organisation.name }}{% endfor %}"
    )
    _many(organisation, coordinator, 4, service_class)
    with django_assert_num_queries(2):
        rendered = template.render(Context())
    assert rendered.count(organisation.name) == 6
