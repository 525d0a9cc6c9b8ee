"""An Atom feed of newly published experiments; it takes the list's filters (call, region, service
class, status) from its query string, so every filtered list has a feed."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from solutions.experiments.views import filtered_experiments

ITEMS_IN_FEED = 30


class ExperimentsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def title(self):
        return _("New experiments in %(site)s") % {"site": "Kuntajako"}

    def subtitle(self):
        return _("Experiments that Finnish municipalities run in calls for experiments.")

    def _query(self):
        return f"?{self.request.GET.urlencode()}" if self.request.GET else ""

    def link(self):
        return reverse("experiments:index") + self._query()

    def feed_url(self):
        return reverse("experiments:feed") + self._query()

    def items(self):
        _form, experiments = filtered_experiments(self.request)
        return experiments[:ITEMS_IN_FEED]

    def item_title(self, experiment):
        return experiment.title

    def item_description(self, experiment):
        # Plain text: the feed generator escapes it.
        return experiment.hypothesis

    def item_pubdate(self, experiment):
        return experiment.published_at

    def item_updateddate(self, experiment):
        return experiment.updated_at

    def item_author_name(self, experiment):
        return experiment.organisation.name
