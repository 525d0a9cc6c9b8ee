"""Comments on published solutions, and reports of anything people write.

A comment, an answer and a help request are all "posts": written by a person who speaks for one of
their organisations, and in one of three states. A new account's first post is HELD until a
coordinator approves it; a post a coordinator removed is HIDDEN and its place in the thread keeps a
placeholder. An author's own deletion is separate (`deleted_at`), so the log can tell the two apart.

Replies are one level deep: a reply always points at a top-level comment.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from municipalities.models import Organisation
from municipalities.permissions import is_coordinator
from solutions.models.solution import Solution


class PostState(models.TextChoices):
    HELD = "held", _("Waiting for moderation")
    PUBLISHED = "published", _("Published")
    HIDDEN = "hidden", _("Removed by moderation")


class PostQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=PostState.PUBLISHED)

    def shown_to(self, user):
        """Posts that appear in a thread for `user`: all but other people's held posts.

        Hidden posts stay in the list so the thread can show their placeholder.
        """
        if is_coordinator(user):
            return self
        condition = ~Q(state=PostState.HELD)
        if user is not None and user.is_authenticated:
            condition |= Q(author=user)
        return self.filter(condition)


class Post(models.Model):
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
        help_text=_("The organisation the author speaks for."),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=PostState.choices, default=PostState.PUBLISHED
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    hidden_at = models.DateTimeField(_("removed by moderation"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_held(self) -> bool:
        return self.state == PostState.HELD

    @property
    def is_hidden(self) -> bool:
        return self.state == PostState.HIDDEN


class CommentQuerySet(PostQuerySet):
    def thread(self, solution, user):
        """Top-level comments of `solution` with their replies and authors, in two queries."""
        replies = (
            Comment.objects.shown_to(user)
            .select_related("author", "organisation")
            .order_by("created_at", "pk")
        )
        return (
            self.filter(solution=solution, parent__isnull=True)
            .shown_to(user)
            .select_related("author", "organisation")
            .prefetch_related(Prefetch("replies", queryset=replies))
            .order_by("created_at", "pk")
        )


class Comment(Post):
    solution = models.ForeignKey(
        Solution, on_delete=models.CASCADE, related_name="comments", verbose_name=_("solution")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("reply to"),
    )
    body = models.TextField(_("comment"), max_length=5000)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted by the author"), null=True, blank=True)
    reports = GenericRelation("community.Report", related_query_name="comment")

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["solution", "parent", "created_at"], name="comment_thread_idx")]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=models.F("pk")), name="comment_not_own_parent"),
        ]

    def __str__(self):
        return f"{self.author.public_name}: {self.body[:40]}"

    def get_absolute_url(self):
        return f"{self.solution.get_absolute_url()}#comment-{self.pk}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class Report(models.Model):
    """Someone's report that a comment, an answer or a help request breaks the rules."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("content type"))
    object_id = models.PositiveBigIntegerField(_("object id"))
    target = GenericForeignKey("content_type", "object_id")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("reporter")
    )
    reason = models.TextField(_("reason"), max_length=2000)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    # Set when a coordinator decided on the report (hid the target or dismissed the report).
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [models.Index(fields=["content_type", "object_id"], name="report_target_idx")]

    def __str__(self):
        return f"{self.content_type.model} #{self.object_id}: {self.reason[:40]}"
