"""URLs under /api/ (outside the language prefixes): v1 of the API, its schema and documentation."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from solutions.interfaces import rdf
from solutions.interfaces.api import docs, views, write

router = SimpleRouter(trailing_slash=True)
router.register("solutions", views.SolutionViewSet, basename="solution")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("regions", views.RegionViewSet, basename="region")
router.register("adoptions", views.AdoptionViewSet, basename="adoption")
router.register("help-requests", views.HelpRequestViewSet, basename="help-request")
router.register("service-classes", views.ServiceClassViewSet, basename="service-class")
router.register("life-events", views.LifeEventViewSet, basename="life-event")
router.register("organisation/solutions", write.OwnSolutionViewSet, basename="own-solution")

app_name = "api"

urlpatterns = [
    path("v1/catalogue.rdf", rdf.catalogue, {"format": "xml"}, name="catalogue_rdf"),
    path("v1/catalogue.ttl", rdf.catalogue, {"format": "turtle"}, name="catalogue_ttl"),
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", docs.documentation, name="docs"),
    path("docs/explorer/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="explorer"),
    re_path(r"^.*$", views.not_found),
]
