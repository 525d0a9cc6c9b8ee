"""Events land in calendars (RFC 5545) and news in feed readers (Atom)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from solutions.news import ical
from solutions.news.models import Event
from solutions.news.services import publishing
from tests.news.conftest import event_data

pytestmark = pytest.mark.django_db


def unfold(body: str) -> list[str]:
    return body.replace("\r\n ", "").split("\r\n")


def test_long_lines_are_folded_at_75_octets_without_cutting_a_character():
    line = "SUMMARY:" + "Äänestyspaikkojen saavutettavuus – yhteinen kehityshanke " * 4
    folded = ical.fold(line)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert folded.replace("\r\n ", "") == line


def test_text_is_escaped():
    assert ical.escape_text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"


def test_one_event_as_icalendar(client, published_event):
    response = client.get(reverse("news:event_ics", args=[published_event.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode("utf-8")
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert body.endswith("END:VCALENDAR\r\n")
    assert "\n" not in body.replace("\r\n", "")  # every line ends in CRLF
    assert all(len(line.encode("utf-8")) <= 75 for line in body.split("\r\n"))
    lines = unfold(body)
    starts = published_event.starts_at.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert f"DTSTART:{starts}" in lines
    assert f"UID:news-event-{published_event.pk}@testserver" in lines
    assert any(line.startswith("DTSTAMP:") and line.endswith("Z") for line in lines)
    assert "LOCATION:Kuntatalo\\, Helsinki\\, https://example.fi/webinaari" in lines
    assert "SUMMARY:Digiviikon webinaari" in lines


def test_the_calendar_feed_holds_upcoming_published_events_only(
    client, published_event, draft_event, organisation, coordinator
):
    past = publishing.create(
        Event,
        organisation,
        coordinator,
        event_data(starts=timezone.now() - datetime.timedelta(days=30), title="Mennyt"),
    )
    publishing.submit(past, coordinator)
    body = client.get(reverse("news:events_ics")).content.decode()
    assert body.count("BEGIN:VEVENT") == 1
    assert "Digiviikon webinaari" in body
    assert "Mennyt" not in body
    assert "Luonnostapahtuma" not in body


def test_an_unpublished_event_has_no_calendar_file(client, draft_event):
    assert client.get(reverse("news:event_ics", args=[draft_event.slug])).status_code == 404


def test_atom_feeds_hold_published_items(client, published_post, draft_event, published_event):
    news = client.get(reverse("news:post_feed")).content.decode()
    assert 'xmlns="http://www.w3.org/2005/Atom"' in news
    assert published_post.title in news
    events = client.get(reverse("news:event_feed")).content.decode()
    assert published_event.title in events
    assert draft_event.title not in events


def test_the_news_feed_by_kind(client, published_post):
    assert published_post.title not in client.get(reverse("news:post_feed") + "?kind=blog").content.decode()
    assert published_post.title in client.get(reverse("news:post_feed") + "?kind=news").content.decode()
