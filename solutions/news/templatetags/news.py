"""The front page's news and events section, as a tag the front page template includes."""

from django import template

from solutions.news.models import Event, Post

register = template.Library()

ON_FRONT_PAGE = 3


@register.simple_tag
def news_for_front_page():
    """Two queries: the section shows titles, organisations and times, nothing that needs more."""
    posts = Post.objects.published().select_related("organisation").order_by("-published_at", "-pk")
    events = Event.objects.published().select_related("organisation").upcoming()
    return {"posts": list(posts[:ON_FRONT_PAGE]), "events": list(events[:ON_FRONT_PAGE])}
