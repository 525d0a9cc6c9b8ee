from django.conf import settings
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
    path("feeds/solutions/", NewestSolutionsFeed(), name="solution_feed"),
    path("feeds/organisations/<slug:slug>/", OrganisationSolutionsFeed(), name="organisation_feed"),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
