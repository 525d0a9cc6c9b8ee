"""The front page's news and events section, as a tag the front page template includes."""

from django import template

from solutions.news.models import Event, Post

register = template.Library()

ON_FRONT_PAGE = 3


@register.simple_tag
def news_for_front_page():
    return {
        "posts": list(
            Post.objects.published().for_listing().order_by("-published_at", "-pk")[:ON_FRONT_PAGE]
        ),
        "events": list(Event.objects.published().for_listing().upcoming()[:ON_FRONT_PAGE]),
    }
