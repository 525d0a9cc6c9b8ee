"""Help requests ("ask peers") and their answers.

A member asks on behalf of their organisation; other members of any organisation answer, and an
answer may point to solutions of the catalogue. Members of the asking organisation accept one answer,
which marks the request solved and puts that answer first. Requests and answers are posts (see
solutions.community.models.discussion): held, published or hidden by moderation.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from solutions.community.models.discussion import Post, PostQuerySet, PostState
from solutions.models.solution import Solution
from solutions.models.vocabulary import ServiceClass


class TaggedHelpRequest(TaggedItemBase):
    # A through table of its own keeps the catalogue's tag facet counting solutions only.
    content_object = models.ForeignKey("HelpRequest", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("help request tag")
        verbose_name_plural = _("help request tags")


class HelpRequestQuerySet(PostQuerySet):
    def solved(self):
        return self.filter(accepted_answer__isnull=False)

    def open(self):
        return self.filter(accepted_answer__isnull=True)

    def unanswered(self):
        return self.open().exclude(answers__state=PostState.PUBLISHED)

    def for_listing(self):
        return self.select_related(
            "organisation", "organisation__region", "author", "service_class"
        ).prefetch_related("tags")


class HelpRequest(Post):
    title = models.CharField(_("title"), max_length=200)
    question = models.TextField(_("question"), max_length=10000, help_text=_("Markdown."))
    tags = TaggableManager(_("tags"), through=TaggedHelpRequest, blank=True)
    service_class = models.ForeignKey(
        ServiceClass,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="help_requests",
        verbose_name=_("service class"),
    )
    accepted_answer = models.OneToOneField(
        "Answer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted answer"),
    )
    solved_at = models.DateTimeField(_("solved"), null=True, blank=True)

    objects = HelpRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("solutions:help:detail", args=[self.pk])

    @property
    def is_solved(self) -> bool:
        return self.accepted_answer_id is not None


class Answer(Post):
    help_request = models.ForeignKey(
        HelpRequest, on_delete=models.CASCADE, related_name="answers", verbose_name=_("help request")
    )
    body = models.TextField(_("answer"), max_length=10000, help_text=_("Markdown."))
    solutions = models.ManyToManyField(
        Solution,
        blank=True,
        related_name="suggested_in_answers",
        verbose_name=_("solutions suggested"),
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return f"{self.author.public_name}: {self.body[:40]}"

    def get_absolute_url(self):
        return f"{self.help_request.get_absolute_url()}#answer-{self.pk}"
