"""The read API: public objects only, the same as a visitor sees on the site.

Solutions go through the web list's SolutionFilter (search, facets, sorting), so `?q=…&kind=api`
answers exactly what /fi/solutions/?q=…&kind=api lists. Every list has a fixed number of queries
whatever its length (the querysets select and prefetch what the serializers read).
"""

from django.db.models import Prefetch
from django.http import JsonResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, viewsets

from municipalities.models import Organisation, Region
from solutions.community.models import Adoption, HelpRequest
from solutions.filters import SORT_CHOICES, SolutionFilter
from solutions.interfaces.api import serializers
from solutions.interfaces.api.conditional import ConditionalMixin
from solutions.models import LifeEvent, ServiceClass, Solution


def solution_rows(queryset):
    """What a solution's JSON needs, in a fixed number of queries."""
    return queryset.select_related("organisation", "organisation__region", "successor").prefetch_related(
        "tags",
        Prefetch("partners", queryset=Organisation.objects.only("pk", "slug")),
        Prefetch("service_classes", queryset=ServiceClass.objects.only("pk", "code")),
        Prefetch("life_events", queryset=LifeEvent.objects.only("pk", "code")),
    )


class ReadViewSet(ConditionalMixin, viewsets.ReadOnlyModelViewSet):
    """A public list and detail; Last-Modified from the newest object in the answer."""

    # Any path segment reaches the view, so that an unknown one gets the API's JSON 404.
    lookup_value_regex = "[^/]+"


def _facet(name, description):
    return OpenApiParameter(
        name, {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 100}},
        description=description, explode=True, style="form",
    )  # fmt: skip


SOLUTION_PARAMETERS = [
    OpenApiParameter(
        "q",
        OpenApiTypes.STR,
        description="Search words as in the site's search box: quotes and -words work.",
    ),
    _facet("kind", "Kind: software, api, process, integration, practice, experience."),
    _facet("organisation", "Slug of the publishing organisation."),
    _facet("region", "Code of the publishing organisation's region."),
    _facet("size", "Size class of the publishing organisation."),
    _facet("tag", "Tag slug."),
    _facet("service_class", "Service class code; a top-level class includes its subclasses."),
    _facet("life_event", "Life event code."),
    _facet("lifecycle", "idea, pilot, production, retired."),
    _facet("licence", "SPDX licence identifier."),
    _facet("used_in_region", "Used (piloted or in use) by an organisation of this region code."),
    _facet("used_by_size", "Used by an organisation of this size class."),
    OpenApiParameter(
        "sort",
        str,
        enum=[value for value, _label in SORT_CHOICES],
        description="Ordering; relevance needs q. Default: relevance with q, else newest.",
    ),
]


@extend_schema_view(list=extend_schema(parameters=SOLUTION_PARAMETERS))
class SolutionViewSet(ReadViewSet):
    """Published solutions. Values of one filter are alternatives; different filters narrow each other."""

    serializer_class = serializers.SolutionSerializer
    lookup_field = "slug"

    def get_queryset(self):
        published = solution_rows(Solution.objects.published())
        if self.action != "list":
            return published
        params = self.request.query_params
        sorts = {value for value, _label in SORT_CHOICES}
        if any(value not in sorts for value in params.getlist("sort")) or len(params.getlist("sort")) > 1:
            raise exceptions.ValidationError({"sort": [_("Choose one of: %s.") % ", ".join(sorted(sorts))]})
        if len(params.getlist("q")) > 1:
            raise exceptions.ValidationError({"q": [_("Give the search words once.")]})
        filterset = SolutionFilter(self.request.query_params, queryset=published, request=self.request)
        if not filterset.is_valid():
            raise exceptions.ValidationError(filterset.errors)
        return filterset.results()


class OrganisationViewSet(ReadViewSet):
    serializer_class = serializers.OrganisationSerializer
    lookup_field = "slug"
    queryset = Organisation.objects.select_related("region").order_by("name_fi", "pk")


class RegionViewSet(ReadViewSet):
    serializer_class = serializers.RegionSerializer
    lookup_field = "code"
    queryset = Region.objects.order_by("code")


class AdoptionViewSet(ReadViewSet):
    """Who uses what: adoptions of published solutions."""

    serializer_class = serializers.AdoptionSerializer
    queryset = (
        Adoption.objects.of_published()
        .select_related("organisation", "solution")
        .order_by("-updated_at", "-pk")
    )


class HelpRequestViewSet(ReadViewSet):
    """Help requests whose post is published (never held or hidden ones)."""

    serializer_class = serializers.HelpRequestSerializer
    queryset = HelpRequest.objects.published().for_listing().order_by("-created_at", "-pk")


class ServiceClassViewSet(ReadViewSet):
    serializer_class = serializers.ServiceClassSerializer
    lookup_field = "code"
    queryset = ServiceClass.objects.select_related("parent").order_by("position", "code")


class LifeEventViewSet(ReadViewSet):
    serializer_class = serializers.LifeEventSerializer
    lookup_field = "code"
    queryset = LifeEvent.objects.select_related("parent").order_by("position", "code")


def not_found(request, *args, **kwargs):
    """Any other address under /api/: a JSON 404, as the API's own are."""
    return JsonResponse({"detail": _("Not found.")}, status=404)
