"""What the API shows of each public object. Nothing here reads a field a visitor could not see."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from municipalities.models import Organisation, Region
from solutions.community.models import Adoption, HelpRequest
from solutions.models import LifeEvent, ServiceClass, Solution


class AbsoluteUrlField(serializers.SerializerMethodField):
    """The object's page on the site (in the default language)."""

    def __init__(self, **kwargs):
        super().__init__(method_name="_page_url", **kwargs)


class PageUrlMixin:
    @extend_schema_field(OpenApiTypes.URI)
    def _page_url(self, obj) -> str:
        request = self.context.get("request")
        url = obj.get_absolute_url()
        return request.build_absolute_uri(url) if request else url


class RegionSerializer(PageUrlMixin, serializers.ModelSerializer):
    page_url = AbsoluteUrlField()

    class Meta:
        model = Region
        fields = ["code", "name_fi", "name_sv", "name_en", "page_url"]


class OrganisationRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "slug", "name_fi", "name_sv"]


class OrganisationSerializer(PageUrlMixin, serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    page_url = AbsoluteUrlField()
    _modified = serializers.DateTimeField(source="updated_at", read_only=True)

    class Meta:
        model = Organisation
        fields = [
            "id", "slug", "kind", "code", "name_fi", "name_sv", "name_en", "region",
            "population", "language_status", "website", "description", "page_url", "_modified",
        ]  # fmt: skip


class VocabularySerializer(serializers.Serializer):
    code = serializers.CharField()
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    name_fi = serializers.CharField()
    name_sv = serializers.CharField()
    name_en = serializers.CharField()
    uri = serializers.CharField()


class ServiceClassSerializer(VocabularySerializer, serializers.ModelSerializer):
    class Meta:
        model = ServiceClass
        fields = ["code", "parent", "name_fi", "name_sv", "name_en", "uri"]


class LifeEventSerializer(VocabularySerializer, serializers.ModelSerializer):
    class Meta:
        model = LifeEvent
        fields = ["code", "parent", "name_fi", "name_sv", "name_en", "uri"]


class SolutionSerializer(PageUrlMixin, serializers.ModelSerializer):
    organisation = OrganisationRefSerializer(read_only=True)
    partners = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    tags = serializers.SerializerMethodField()
    service_classes = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    life_events = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    successor = serializers.SerializerMethodField()
    page_url = AbsoluteUrlField()
    _modified = serializers.DateTimeField(source="updated_at", read_only=True)

    class Meta:
        model = Solution
        fields = [
            "id", "slug", "title", "summary", "description", "kind", "lifecycle", "licence", "language",
            "organisation", "partners", "tags", "service_classes", "life_events",
            "repository_url", "api_specification_url", "api_base_url", "documentation_url", "demo_url",
            "website_url", "connected_systems", "context", "results", "lessons_learned", "replaces",
            "adoption_conditions", "successor", "reuse_count", "published_at", "page_url", "_modified",
        ]  # fmt: skip

    def get_tags(self, solution) -> list[str]:
        return sorted(tag.name for tag in solution.tags.all())

    def get_successor(self, solution) -> str | None:
        successor = solution.successor
        return successor.slug if successor is not None and successor.is_public else None


class AdoptionSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    solution = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    _modified = serializers.DateTimeField(source="updated_at", read_only=True)

    class Meta:
        model = Adoption
        fields = [
            "id", "organisation", "solution", "status", "since", "experience",
            "savings_euros_per_year", "savings_hours_per_year", "_modified",
        ]  # fmt: skip


class HelpRequestSerializer(PageUrlMixin, serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    service_class = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    tags = serializers.SerializerMethodField()
    is_solved = serializers.BooleanField(read_only=True)
    page_url = AbsoluteUrlField()

    class Meta:
        model = HelpRequest
        fields = [
            "id", "title", "question", "organisation", "service_class", "tags", "is_solved",
            "created_at", "solved_at", "page_url",
        ]  # fmt: skip

    def get_tags(self, help_request) -> list[str]:
        return sorted(tag.name for tag in help_request.tags.all())
