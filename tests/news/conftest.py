"""News, blog posts and events in every state, made through the services as people would."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from solutions.news.models import Event, Post
from solutions.news.services import publishing
from tests import factories

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def post_data(**overrides):
    return {
        "kind": "news",
        "title": "Kuhmon uusi asiointipalvelu",
        "summary": "Kuhmo avasi sähköisen asioinnin.",
        "body": "## Mitä uutta\n\nAsiointi *verkossa*.",
        "service_classes": [],
        **overrides,
    }


def event_data(starts=None, hours=2, **overrides):
    starts = starts or (timezone.now() + datetime.timedelta(days=10)).astimezone(HELSINKI).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    return {
        "title": "Digiviikon webinaari",
        "summary": "Kuntien yhteinen webinaari tekoälystä.",
        "body": "Ohjelma julkaistaan myöhemmin.",
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=hours),
        "time_zone": "Europe/Helsinki",
        "place": "Kuntatalo, Helsinki",
        "online_url": "https://example.fi/webinaari",
        "registration_url": "https://example.fi/ilmoittaudu",
        "service_classes": [],
        **overrides,
    }


@pytest.fixture
def service_class(db):
    return factories.ServiceClassFactory(code="P10", name_fi="Liikenne", name_en="Transport")


@pytest.fixture
def draft_post(organisation, editor):
    return publishing.create(Post, organisation, editor, post_data())


@pytest.fixture
def submitted_post(draft_post, editor):
    return publishing.submit(draft_post, editor)


@pytest.fixture
def published_post(submitted_post, coordinator):
    publishing.approve(publishing.open_item(submitted_post), coordinator)
    submitted_post.refresh_from_db()
    return submitted_post


@pytest.fixture
def published_event(organisation, coordinator, service_class):
    event = publishing.create(Event, organisation, coordinator, event_data(service_classes=[service_class]))
    return publishing.submit(event, coordinator)


@pytest.fixture
def draft_event(organisation, editor):
    return publishing.create(Event, organisation, editor, event_data(title="Luonnostapahtuma"))
