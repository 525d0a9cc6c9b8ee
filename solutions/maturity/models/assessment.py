"""Maturity self-assessments of an organisation.

An organisation keeps at most one draft at a time. Its editors and admins answer dimensions of the
draft, each answer dated and signed by whoever gave it last, so several people may contribute. A
submitted assessment is frozen and dated; it stays private to the organisation until its admin
publishes it. Comparisons read the latest submitted or published assessment of each organisation,
and only ever show aggregates of at least five organisations.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from municipalities.models import Organisation


class AssessmentState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    PUBLISHED = "published", _("Published")


FINISHED_STATES = (AssessmentState.SUBMITTED, AssessmentState.PUBLISHED)


class AssessmentQuerySet(models.QuerySet):
    def finished(self):
        return self.filter(state__in=FINISHED_STATES)

    def published(self):
        return self.filter(state=AssessmentState.PUBLISHED)

    def latest_finished_ids(self):
        """Ids of each organisation's newest submitted or published assessment (one query)."""
        return self._newest_of(Assessment.objects.finished()).values("pk")

    def latest_published(self):
        """Each organisation's newest published assessment."""
        return self._newest_of(Assessment.objects.published())

    def _newest_of(self, candidates):
        newest = (
            candidates.filter(organisation=models.OuterRef("organisation"))
            .order_by("-submitted_at", "-pk")
            .values("pk")[:1]
        )
        return candidates.filter(pk=models.Subquery(newest))


class Assessment(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="maturity_assessments",
        verbose_name=_("organisation"),
    )
    state = models.CharField(
        _("state"), max_length=12, choices=AssessmentState.choices, default=AssessmentState.DRAFT
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("maturity assessment")
        verbose_name_plural = _("maturity assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(state="draft"),
                name="maturity_one_draft_per_organisation",
            )
        ]

    def __str__(self):
        return f"{self.organisation} {self.created_at:%Y-%m-%d}"

    @property
    def is_draft(self):
        return self.state == AssessmentState.DRAFT

    @property
    def is_published(self):
        return self.state == AssessmentState.PUBLISHED

    def get_absolute_url(self):
        return reverse("maturity:assessment", args=[self.organisation.slug, self.pk])


class Answer(models.Model):
    """The level of one dimension in one assessment; `version` guards concurrent edits."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    dimension = models.CharField(_("dimension"), max_length=20)
    level = models.PositiveSmallIntegerField(_("level"), validators=[MaxValueValidator(4)])
    note = models.TextField(_("note"), blank=True, max_length=2000)
    answered_at = models.DateTimeField(_("answered"))
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["assessment", "dimension"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "dimension"], name="maturity_answer_unique"),
            models.CheckConstraint(condition=Q(level__lte=4), name="maturity_answer_level_0_4"),
        ]

    def __str__(self):
        return f"{self.dimension}: {self.level}"
