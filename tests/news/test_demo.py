"""The demo's news and events: every state, made through the services, and nothing twice."""

import pytest

from municipalities.models import OrganisationKind
from solutions.models import ItemState, ModerationItem
from solutions.news.demo import seed_news
from solutions.news.models import Event, Post, State
from tests import factories

pytestmark = pytest.mark.django_db


def test_demo_news_and_events_in_every_state_and_only_once():
    factories.OrganisationFactory(code="290", name_fi="Kuhmo", slug="kuhmo")
    factories.OrganisationFactory(slug="kuntaliitto", code=None, kind=OrganisationKind.COORDINATOR)
    factories.ServiceClassFactory(code="P9")
    factories.ServiceClassFactory(code="P27")
    assert seed_news() == "5 posts, 5 events created"
    assert set(Post.objects.values_list("state", flat=True)) == set(State.values)
    assert set(Event.objects.values_list("state", flat=True)) == {State.PUBLISHED, State.SUBMITTED}
    assert ModerationItem.objects.filter(kind="news", state=ItemState.OPEN).count() == 2
    past = Event.objects.past().get()
    assert past.attachments.count() == 1
    assert Post.objects.filter(kind="blog", attachments__content_type="image/png").exists()
    assert seed_news() == "0 posts, 0 events created"


def test_a_persons_data_export_holds_what_they_wrote(draft_post, published_event, editor, coordinator):
    from municipalities.accounts.export import export_user_data

    assert [item["title"] for item in export_user_data(editor)["news_and_events"]] == [draft_post.title]
    assert [item["title"] for item in export_user_data(coordinator)["news_and_events"]] == [
        published_event.title
    ]
