"""The read API: public objects only, the same as a visitor sees on the site.

Solutions go through the web list's SolutionFilter (search, facets, sorting), so `?q=…&kind=api`
answers exactly what /fi/solutions/?q=…&kind=api lists. Every list has a fixed number of queries
whatever its length (the querysets select and prefetch what the serializers read).
"""

from django.db.models import Prefetch
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


def _facet(name, description):
    return OpenApiParameter(
        name, {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 100}},
        description=description, explode=True, style="form",
    )  # fmt: skip


SOLUTION_PARAMETERS = [
    OpenApiParameter("q", OpenApiTypes.STR, description="Search words, as in the site's search box."),
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
    lookup_value_regex = "[0-9A-Za-z]{1,2}"
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
    lookup_value_regex = "[^/]+"
    queryset = ServiceClass.objects.select_related("parent").order_by("position", "code")


class LifeEventViewSet(ReadViewSet):
    serializer_class = serializers.LifeEventSerializer
    lookup_field = "code"
    lookup_value_regex = "[^/]+"
    queryset = LifeEvent.objects.select_related("parent").order_by("position", "code")
