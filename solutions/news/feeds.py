"""Atom feeds of published news and blog posts, and of events as they are announced."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from solutions.news.models import Event, Post, PostKind

ITEMS_IN_FEED = 30


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request):
        kind = request.GET.get("kind", "")
        return kind if kind in PostKind.values else ""

    def title(self, kind):
        if kind:
            return _("%(kind)s in %(site)s") % {"kind": PostKind(kind).label, "site": "Kuntajako"}
        return _("News and blog posts in %(site)s") % {"site": "Kuntajako"}

    def link(self, kind):
        return reverse("news:posts") + (f"?kind={kind}" if kind else "")

    def feed_url(self, kind):
        return reverse("news:post_feed") + (f"?kind={kind}" if kind else "")

    def items(self, kind):
        posts = Post.objects.published().select_related("organisation").order_by("-published_at", "-pk")
        return (posts.filter(kind=kind) if kind else posts)[:ITEMS_IN_FEED]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.organisation.name

    def item_categories(self, item):
        return [PostKind(item.kind).label]


class EventsFeed(Feed):
    """Events as they are published, the soonest announcements first (for readers, not calendars)."""

    feed_type = Atom1Feed

    def title(self):
        return _("Events in %(site)s") % {"site": "Kuntajako"}

    def link(self):
        return reverse("news:events")

    def feed_url(self):
        return reverse("news:event_feed")

    def items(self):
        return (
            Event.objects.published()
            .select_related("organisation")
            .order_by("-published_at", "-pk")[:ITEMS_IN_FEED]
        )

    def item_title(self, item):
        start = item.local_start
        return f"{item.title} ({start:%Y-%m-%d %H:%M} {item.time_zone})"

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.organisation.name
