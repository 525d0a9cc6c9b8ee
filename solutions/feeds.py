"""Atom feeds of newly published solutions, for the whole catalogue and for one organisation.

The catalogue feed takes the list page's query string: `/feeds/solutions/?kind=api&q=varaus` holds
the newest solutions the list shows for that search, filtered by the same SolutionFilter, so every
facet and every saved search has a feed. The newest come first whatever the list's sort.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from municipalities.models import Organisation
from solutions.filters import SolutionFilter
from solutions.models import Solution

ITEMS_IN_FEED = 30


class NewestSolutionsFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        described = self.search_description()
        if described:
            return _("Newest solutions in %(site)s: %(search)s") % {"site": "Kuntajako", "search": described}
        return _("Newest solutions in %(site)s") % {"site": "Kuntajako"}

    def search_description(self) -> str:
        """The search words and filters of the query string, for the feed's title."""
        filterset = self.filterset()
        parts = [f"“{filterset.query}”"] if filterset.query else []
        parts += [", ".join(values) for values in filterset.active_filters.values()]
        return "; ".join(parts)

    def filterset(self) -> SolutionFilter:
        if not hasattr(self.request, "_solution_feed_filter"):
            self.request._solution_feed_filter = SolutionFilter(
                self.request.GET, queryset=self.solutions(), request=self.request
            )
        return self.request._solution_feed_filter

    def query_string(self) -> str:
        params = self.request.GET.copy()
        for name in ("page", "sort"):
            params.pop(name, None)
        return f"?{params.urlencode()}" if params else ""

    def subtitle(self):
        return _("Digital solutions that Finnish municipalities share with each other.")

    def link(self):
        return reverse("solutions:solution_list") + self.query_string()

    def feed_url(self):
        return reverse("solution_feed") + self.query_string()

    def items(self):
        return self.filterset().qs.order_by("-published_at", "-pk")[:ITEMS_IN_FEED]

    def solutions(self):
        return Solution.objects.published().select_related("organisation")

    def item_title(self, solution):
        return solution.title

    def item_description(self, solution):
        # Plain text: the feed generator escapes it, so no markup from a publisher reaches a reader.
        return solution.summary

    def item_pubdate(self, solution):
        return solution.published_at

    def item_updateddate(self, solution):
        return solution.updated_at

    def item_author_name(self, solution):
        return solution.organisation.name

    def item_author_link(self, solution):
        return self.request.build_absolute_uri(solution.organisation.get_absolute_url())

    def item_categories(self, solution):
        return [solution.get_kind_display()]

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)


class OrganisationSolutionsFeed(NewestSolutionsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Organisation, slug=slug)

    def title(self, organisation):
        return _("Solutions published by %(organisation)s") % {"organisation": organisation.name}

    def link(self, organisation):
        return organisation.get_absolute_url()

    def feed_url(self, organisation):
        return reverse("organisation_feed", args=[organisation.slug])

    def items(self, organisation):
        return (
            self.solutions()
            .filter(organisation=organisation)
            .order_by("-published_at", "-pk")[:ITEMS_IN_FEED]
        )
