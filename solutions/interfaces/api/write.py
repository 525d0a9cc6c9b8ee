"""The write API: an organisation's token creates and edits its drafts and submits them.

`/api/v1/organisation/solutions/` is the token's own organisation's solutions in every state.
Every change goes through solutions.services.publishing, which asks municipalities.permissions as
the token's user (the admin who created it), so a token can do nothing its creator could not do on
the site, and everything still passes the moderation queue:

- POST creates a draft (`create_draft`);
- PATCH edits a draft or a solution whose changes were requested (`save_draft`), or proposes an
  edit of a published one as a revision for review (`propose_revision`);
- POST …/submit/ sends a draft to review (`submit`).

Scopes: `read` lists and reads, `write:drafts` creates and edits, `submit` submits.
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from municipalities.models import Organisation
from solutions.interfaces.api.auth import HasScope
from solutions.interfaces.api.conditional import ConditionalMixin
from solutions.interfaces.api.serializers import SolutionSerializer
from solutions.interfaces.api.views import solution_rows
from solutions.interfaces.models import Scope
from solutions.licences import SPDX_LICENCES
from solutions.models import (
    ContentLanguage,
    Lifecycle,
    LifeEvent,
    ModerationItem,
    ModerationState,
    RevisionState,
    ServiceClass,
    Solution,
    SolutionKind,
)
from solutions.services import publishing

MAX_TAGS = 20
# Shorter than the model's 500 so that no address can have a host name over DNS's 253 characters,
# which Django's URL validator refuses.
URL_MAX_LENGTH = 250
MAX_CONTACTS = 10


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class StrictTypes:
    """Refuse JSON of the wrong type instead of converting it (DRF reads 5 as "5" and "5" as 5),
    so that the answer to a malformed request is 400, as the schema promises."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            errors = {}
            for name, field in self.fields.items():
                if name in data and data[name] is not None and not _has_type(field, data[name]):
                    errors[name] = [_("Wrong type of value.")]
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)


def _has_type(field, value) -> bool:
    if isinstance(field, serializers.ListField):
        return isinstance(value, list) and all(_has_type(field.child, item) for item in value)
    if isinstance(field, serializers.ListSerializer):
        return isinstance(value, list)
    if isinstance(field, serializers.BooleanField):
        return isinstance(value, bool)
    if isinstance(field, serializers.IntegerField):
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(field, serializers.CharField | serializers.ChoiceField):
        return isinstance(value, str)
    return True


class ContactSerializer(StrictTypes, serializers.Serializer):
    name = serializers.CharField(max_length=150)
    role = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    email = serializers.EmailField(required=False, allow_blank=True, default="")


class DraftSerializer(StrictTypes, serializers.Serializer):
    """The content of a solution as the editor form takes it, in JSON.

    The successor of a superseded solution is set on the site's editor page, not here.
    """

    title = serializers.CharField(max_length=200)
    summary = serializers.CharField(max_length=300)
    description = serializers.CharField(required=False, allow_blank=True)
    kind = serializers.ChoiceField(choices=SolutionKind.choices)
    lifecycle = serializers.ChoiceField(choices=Lifecycle.choices, required=False)
    licence = serializers.ChoiceField(choices=[], required=False, allow_blank=True)
    language = serializers.ChoiceField(choices=ContentLanguage.choices, required=False)
    repository_url = serializers.URLField(max_length=URL_MAX_LENGTH, required=False, allow_blank=True)
    api_specification_url = serializers.URLField(max_length=URL_MAX_LENGTH, required=False, allow_blank=True)
    api_base_url = serializers.URLField(max_length=URL_MAX_LENGTH, required=False, allow_blank=True)
    documentation_url = serializers.URLField(max_length=URL_MAX_LENGTH, required=False, allow_blank=True)
    demo_url = serializers.URLField(max_length=URL_MAX_LENGTH, required=False, allow_blank=True)
    website_url = serializers.URLField(max_length=URL_MAX_LENGTH, required=False, allow_blank=True)
    connected_systems = serializers.CharField(required=False, allow_blank=True)
    context = serializers.CharField(required=False, allow_blank=True)
    results = serializers.CharField(required=False, allow_blank=True)
    lessons_learned = serializers.CharField(required=False, allow_blank=True)
    replaces = serializers.CharField(max_length=300, required=False, allow_blank=True)
    adoption_conditions = serializers.CharField(required=False, allow_blank=True)
    tags = serializers.ListField(
        child=serializers.CharField(max_length=100), max_length=MAX_TAGS, required=False
    )
    service_classes = serializers.ListField(
        child=serializers.ChoiceField(choices=[]), max_length=50, required=False
    )
    life_events = serializers.ListField(
        child=serializers.ChoiceField(choices=[]), max_length=50, required=False
    )
    partners = serializers.ListField(child=serializers.ChoiceField(choices=[]), max_length=50, required=False)
    contacts = ContactSerializer(many=True, required=False, max_length=MAX_CONTACTS)
    version = serializers.IntegerField(
        required=False,
        min_value=1,
        write_only=True,
        help_text="The version you last read; if someone saved since, the answer is 409.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The codes and names that exist, so that the schema lists them and anything else is refused.
        licences = [spdx for spdx, _name in SPDX_LICENCES]
        current = self.instance.licence if self.instance is not None else ""
        self.fields["licence"].choices = licences + ([current] if current and current not in licences else [])
        self.fields["service_classes"].child.choices = list(
            ServiceClass.objects.order_by("code").values_list("code", flat=True)
        )
        self.fields["life_events"].child.choices = list(
            LifeEvent.objects.order_by("code").values_list("code", flat=True)
        )
        self.fields["partners"].child.choices = list(
            Organisation.objects.order_by("slug").values_list("slug", flat=True)
        )

    def validate_service_classes(self, value):
        return sorted(set(value))

    def validate_life_events(self, value):
        return sorted(set(value))

    def validate_tags(self, value):
        names = []
        for raw in value:
            name = " ".join(raw.split())
            if name and name.lower() not in {n.lower() for n in names}:
                names.append(name)
        return names

    def validate_partners(self, value):
        # The publishing organisation is not its own partner.
        own = self.context["organisation"].pk
        return sorted(
            Organisation.objects.filter(slug__in=set(value)).exclude(pk=own).values_list("pk", flat=True)
        )

    def to_data(self) -> dict:
        """The publishing workflow's content dict."""
        data = dict(self.validated_data)
        data.pop("version", None)
        if "contacts" in data:
            data["contacts"] = [dict(contact) for contact in data["contacts"]]
        return data


class OwnSolutionSerializer(SolutionSerializer):
    moderation_state = serializers.ChoiceField(choices=ModerationState.choices, read_only=True)
    version = serializers.IntegerField(read_only=True)
    has_pending_revision = serializers.SerializerMethodField()

    class Meta(SolutionSerializer.Meta):
        fields = [*SolutionSerializer.Meta.fields, "moderation_state", "version", "has_pending_revision"]

    def get_has_pending_revision(self, solution) -> bool:
        return any(revision.state == RevisionState.PENDING for revision in solution.revisions.all())


class SubmissionSerializer(serializers.Serializer):
    moderation_state = serializers.CharField()
    queue_item = serializers.IntegerField()


class OwnSolutionViewSet(
    ConditionalMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """The token's organisation's solutions, in every state."""

    permission_classes = [IsAuthenticated, HasScope]
    serializer_class = OwnSolutionSerializer
    # For the schema: the real queryset depends on the token.
    queryset = Solution.objects.none()
    lookup_value_regex = "[^/]+"
    http_method_names = ["get", "post", "patch", "head", "options"]

    def required_scope(self, request):
        if self.action == "submit":
            return Scope.SUBMIT
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return Scope.READ
        return Scope.WRITE_DRAFTS

    @property
    def organisation(self):
        return self.request.auth.organisation

    def get_queryset(self):
        return (
            solution_rows(self.organisation.solutions.all())
            .prefetch_related("revisions")
            .order_by("-updated_at", "-pk")
        )

    def _content(self, instance=None, partial=False):
        incoming = DraftSerializer(
            instance=instance,
            data=self.request.data,
            partial=partial,
            context={"organisation": self.organisation, "request": self.request},
        )
        incoming.is_valid(raise_exception=True)
        return incoming.to_data(), incoming.validated_data.get("version")

    def _answer(self, solution, status_code=status.HTTP_200_OK):
        fresh = self.get_queryset().get(pk=solution.pk)
        return Response(self.get_serializer(fresh).data, status=status_code)

    @extend_schema(request=DraftSerializer, responses={201: OwnSolutionSerializer})
    def create(self, request, *args, **kwargs):
        data, _version = self._content()
        solution = publishing.create_draft(self.organisation, request.user, data)
        return self._answer(solution, status.HTTP_201_CREATED)

    @extend_schema(request=DraftSerializer, responses={200: OwnSolutionSerializer})
    def partial_update(self, request, *args, **kwargs):
        solution = self.get_object()
        data, version = self._content(instance=solution, partial=True)
        try:
            if solution.moderation_state == ModerationState.PUBLISHED:
                # A revision carries the whole content, as the editor form sends it.
                pending = publishing.pending_revision(solution)
                content = dict(pending.data) if pending else publishing.solution_data(solution)
                content.update(data)
                publishing.propose_revision(solution, request.user, content, expected_version=version)
            else:
                publishing.save_draft(solution, request.user, data, expected_version=version)
        except publishing.WorkflowError as error:
            raise Conflict(str(error)) from error
        return self._answer(solution)

    def update(self, request, *args, **kwargs):
        return self.partial_update(request, *args, **kwargs)

    @extend_schema(request=None, responses={202: SubmissionSerializer})
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        solution = self.get_object()
        try:
            item: ModerationItem = publishing.submit(solution, request.user)
        except publishing.WorkflowError as error:
            raise Conflict(str(error)) from error
        return Response(
            {"moderation_state": ModerationState.SUBMITTED, "queue_item": item.pk},
            status=status.HTTP_202_ACCEPTED,
        )
