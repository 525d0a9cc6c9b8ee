"""A digital solution in the catalogue, with its attachments and contacts."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from municipalities import permissions
from municipalities.models import Organisation
from solutions.models.vocabulary import LifeEvent, ServiceClass


class SolutionKind(models.TextChoices):
    SOFTWARE = "software", _("Software")
    API = "api", _("API")
    PROCESS = "process", _("Process description")
    INTEGRATION = "integration", _("Integration")
    PRACTICE = "practice", _("Good practice")
    EXPERIENCE = "experience", _("Experience report")
    # Tender specifications, contract templates and interoperability requirements, for others to
    # reuse in their own procurements; development initiatives link them.
    PROCUREMENT = "procurement", _("Procurement document")


class Lifecycle(models.TextChoices):
    IDEA = "idea", _("Idea")
    PILOT = "pilot", _("Pilot")
    PRODUCTION = "production", _("In production")
    RETIRED = "retired", _("Retired")


class ContentLanguage(models.TextChoices):
    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")


class ModerationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    ARCHIVED = "archived", _("Archived")


# States whose page anyone may open. Only published solutions are listed, searched and counted; an
# archived one keeps its page (links to it keep working) with a notice that it is archived.
PUBLIC_STATES = (ModerationState.PUBLISHED, ModerationState.ARCHIVED)


class SolutionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(moderation_state=ModerationState.PUBLISHED)

    def for_listing(self):
        """What a list of solution cards needs, in a fixed number of queries."""
        return self.select_related("organisation", "organisation__region").prefetch_related("tags")

    def visible_to(self, user):
        """The solutions `user` may see: public ones, plus every state of their own organisations'.

        The same answer as the `view_solution` rule of municipalities.permissions, as a filter.
        """
        if permissions.is_coordinator(user):
            return self
        own = list(permissions.roles(user))
        condition = Q(moderation_state__in=PUBLIC_STATES)
        if own:
            condition |= Q(organisation_id__in=own)
        return self.filter(condition)


class Solution(models.Model):
    # A stable public identifier for machine interfaces (the Open Catalog API's software id).
    uuid = models.UUIDField(_("public identifier"), default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    summary = models.CharField(_("summary"), max_length=300, help_text=_("One or two sentences."))
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    kind = models.CharField(_("kind"), max_length=20, choices=SolutionKind.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="solutions",
        verbose_name=_("publishing organisation"),
    )
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="partner_solutions", verbose_name=_("partner organisations")
    )
    lifecycle = models.CharField(
        _("lifecycle"), max_length=20, choices=Lifecycle.choices, default=Lifecycle.PRODUCTION
    )
    licence = models.CharField(
        _("licence"), max_length=64, blank=True, help_text=_("SPDX identifier, e.g. MIT.")
    )
    language = models.CharField(
        _("content language"), max_length=2, choices=ContentLanguage.choices, default=ContentLanguage.FINNISH
    )

    repository_url = models.URLField(_("source code repository"), max_length=500, blank=True)
    api_specification_url = models.URLField(_("API specification"), max_length=500, blank=True)
    api_base_url = models.URLField(_("API base address"), max_length=500, blank=True)
    documentation_url = models.URLField(_("documentation"), max_length=500, blank=True)
    demo_url = models.URLField(_("demo"), max_length=500, blank=True)
    website_url = models.URLField(_("web site"), max_length=500, blank=True)

    # Kind-specific facts.
    connected_systems = models.TextField(
        _("connected systems"), blank=True, help_text=_("For integrations: what the integration connects.")
    )
    context = models.TextField(_("context"), blank=True, help_text=_("For practices and experience reports."))
    results = models.TextField(_("results"), blank=True)
    lessons_learned = models.TextField(_("lessons learned"), blank=True)

    replaces = models.CharField(
        _("replaces or is an alternative to"),
        max_length=300,
        blank=True,
        help_text=_("Product names, so that a search for a product finds this alternative."),
    )
    adoption_conditions = models.TextField(
        _("conditions for adoption"),
        blank=True,
        help_text=_("What an organisation needs to take this into use: skills, infrastructure, costs."),
    )
    successor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("successor"),
    )

    tags = TaggableManager(_("tags"), blank=True)
    service_classes = models.ManyToManyField(
        ServiceClass, blank=True, related_name="solutions", verbose_name=_("service classes")
    )
    life_events = models.ManyToManyField(
        LifeEvent, blank=True, related_name="solutions", verbose_name=_("life events")
    )

    moderation_state = models.CharField(
        _("moderation state"), max_length=20, choices=ModerationState.choices, default=ModerationState.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # The key of the form that created it, so that sending that form twice creates one solution.
    creation_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    # How many other organisations pilot or use it: kept by the community app's Adoption rows
    # (solutions.community.models.reuse), read by cards, sorting and ranking without a join.
    reuse_count = models.PositiveIntegerField(_("organisations reusing it"), default=0, editable=False)
    # Raised on every save through the workflow: an editor whose form carries an older number is
    # told that someone else saved in between, instead of silently overwriting their work.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = SolutionQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("solution")
        verbose_name_plural = _("solutions")
        indexes = [
            models.Index(fields=["moderation_state", "-published_at"], name="solution_state_published_idx"),
            # The list's other orders, read in order instead of sorting the whole catalogue.
            models.Index(
                fields=["moderation_state", "-reuse_count", "-published_at", "-id"],
                name="solution_state_reuse_idx",
            ),
            models.Index(fields=["moderation_state", "title", "id"], name="solution_state_title_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(moderation_state=ModerationState.PUBLISHED) | Q(published_at__isnull=False),
                name="solution_published_has_date",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("solutions:solution_detail", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.moderation_state == ModerationState.PUBLISHED

    @property
    def is_public(self) -> bool:
        return self.moderation_state in PUBLIC_STATES

    @cached_property
    def public_attachments(self) -> list["Attachment"]:
        """The attachments shown on the solution's page: none that an edit still waiting for review adds.

        Pages prefetch them under this name (`Prefetch("attachments", Attachment.objects.public(),
        to_attr="public_attachments")`); without the prefetch they are read here, still filtered.
        """
        return list(self.attachments.public())


class Contact(models.Model):
    """A person or team to contact about a solution, as the publisher chose to list them."""

    solution = models.ForeignKey(Solution, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return self.name


def attachment_path(instance, filename):
    # The stored name never comes from the uploader; Django's storage makes it unique and safe.
    return f"attachments/{instance.solution_id}/{filename}"


class AttachmentQuerySet(models.QuerySet):
    def public(self):
        """Attachments of the solution itself, without those an edit waiting for review would add."""
        return self.filter(revision__isnull=True)


class Attachment(models.Model):
    """A document belonging to a solution, such as a BPMN or PDF process description.

    Before publication an editor adds and deletes attachments directly. A published solution's
    attachments change through its revision, like its text: a file added by the edit carries
    `revision` and is shown only to the organisation and the coordinators until the revision is
    approved; a file the edit removes carries `removed_in` and stays public until then.
    """

    solution = models.ForeignKey(Solution, on_delete=models.CASCADE, related_name="attachments")
    revision = models.ForeignKey(
        "solutions.Revision",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="added_attachments",
        verbose_name=_("added by revision"),
    )
    removed_in = models.ForeignKey(
        "solutions.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="removed_attachments",
        verbose_name=_("removed by revision"),
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["title", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            # A file an edit adds and then drops is deleted, never marked for removal.
            models.CheckConstraint(
                condition=Q(revision__isnull=True) | Q(removed_in__isnull=True),
                name="attachment_added_or_removed_not_both",
            ),
        ]

    def __str__(self):
        return self.title
