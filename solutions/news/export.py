"""What a person wrote as news, blog posts and events, for their own data export."""

from municipalities.accounts.export import export_section
from solutions.news.models import Event, Post


def _iso(value):
    return value.isoformat() if value else None


@export_section("news_and_events")
def news_and_events(user):
    posts = [
        {
            "kind": post.kind,
            "title": post.title,
            "summary": post.summary,
            "text": post.body,
            "organisation": post.organisation.name_fi,
            "state": post.state,
            "published_at": _iso(post.published_at),
        }
        for post in Post.objects.filter(author=user).select_related("organisation")
    ]
    events = [
        {
            "kind": "event",
            "title": event.title,
            "summary": event.summary,
            "text": event.body,
            "organisation": event.organisation.name_fi,
            "state": event.state,
            "starts_at": _iso(event.starts_at),
            "ends_at": _iso(event.ends_at),
            "published_at": _iso(event.published_at),
        }
        for event in Event.objects.filter(author=user).select_related("organisation")
    ]
    return posts + events
