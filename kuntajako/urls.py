from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from solutions import urls as catalogue_urls
from solutions.feeds import NewestSolutionsFeed, OrganisationSolutionsFeed
from solutions.interfaces.api import docs as api_docs
from solutions.sitemaps import SITEMAPS

# One `solutions:` namespace for the catalogue and the apps built on it, composed here at the top so
# that no app's URL configuration imports an app above it.
solutions_patterns = [
    *catalogue_urls.urlpatterns,
    path("solutions/<slug:slug>/", include("solutions.community.reuse.urls")),
    path("", include("solutions.notifications.follows.urls")),
    path("", include("solutions.community.discussion.urls")),
    path("help/", include("solutions.community.help.urls")),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # The API is the same in every language, so it lives outside the language prefixes.
    path("api/", include("solutions.interfaces.api.urls")),
    # The Open Catalog API (read-only), for the tools of other national catalogues.
    path("oca/v1/", include("solutions.opencode.oca.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="django.contrib.sitemaps.views.sitemap"),
]

urlpatterns += i18n_patterns(
    path("", include((solutions_patterns, catalogue_urls.app_name))),
    path("", include("solutions.opencode.urls")),
    path("", include("solutions.maturity.urls")),
    path("", include("solutions.experiments.urls")),
    path("initiatives/", include("solutions.initiatives.urls")),
    path("", include("municipalities.urls")),
    path("account/", include("municipalities.accounts.urls")),
    path("people/", include("solutions.people.urls")),
    path("", include("kuntajako.pages.urls")),
    path("", include("solutions.interfaces.urls")),
    path("", include("solutions.news.urls")),
    path("api-docs/", api_docs.documentation, name="api_docs"),
    path("feeds/solutions/", NewestSolutionsFeed(), name="solution_feed"),
    path("feeds/organisations/<slug:slug>/", OrganisationSolutionsFeed(), name="organisation_feed"),
    prefix_default_language=True,
)
# No route serves MEDIA_ROOT, not even in the demo: attachments are only ever downloaded through
# solutions.attachments.download, which checks who may see them and keeps them from running as pages.
