from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from solutions.feeds import NewestSolutionsFeed, OrganisationSolutionsFeed
from solutions.sitemaps import SITEMAPS

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="django.contrib.sitemaps.views.sitemap"),
]

urlpatterns += i18n_patterns(
    path("", include("solutions.urls")),
    path("", include("municipalities.urls")),
    path("account/", include("municipalities.accounts.urls")),
    path("", include("kuntajako.pages.urls")),
    path("feeds/solutions/", NewestSolutionsFeed(), name="solution_feed"),
    path("feeds/organisations/<slug:slug>/", OrganisationSolutionsFeed(), name="organisation_feed"),
    prefix_default_language=True,
)
# No route serves MEDIA_ROOT, not even in the demo: attachments are only ever downloaded through
# solutions.attachments.download, which checks who may see them and keeps them from running as pages.
