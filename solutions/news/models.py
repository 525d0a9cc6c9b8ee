"""News items, blog posts and events that organisations publish, and the files that go with them.

Posts (news and blog) and events share one life: an editor writes a draft, submits it, and it waits
in the moderation queue (kind "news") until a coordinator publishes or rejects it; a rejected item
can be edited and submitted again. A coordinator's own items are published at once. Every change goes
through solutions.news.services.publishing.

Times of an event are stored in UTC with the time zone it happens in, so that the page shows the
local time with its zone and the calendar file carries the exact instant.
"""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from municipalities.models import Organisation
from solutions.models import ServiceClass

QUEUE_KIND = "news"
TIME_ZONES = [
    ("Europe/Helsinki", _("Finland (Europe/Helsinki)")),
    ("Europe/Stockholm", _("Sweden (Europe/Stockholm)")),
    ("Europe/Tallinn", _("Estonia (Europe/Tallinn)")),
    ("Europe/Oslo", _("Norway (Europe/Oslo)")),
    ("Europe/Brussels", _("Belgium (Europe/Brussels)")),
    ("UTC", _("Coordinated Universal Time (UTC)")),
]


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for review")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Not accepted")


EDITABLE_STATES = (State.DRAFT, State.REJECTED)


class PostKind(models.TextChoices):
    NEWS = "news", _("News")
    BLOG = "blog", _("Blog post")


class EntryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=State.PUBLISHED)

    def for_listing(self):
        return self.select_related("organisation").prefetch_related("service_classes")

    def of_organisations(self, organisation_ids):
        return self.filter(organisation_id__in=organisation_ids)


class Entry(models.Model):
    """What a post and an event have in common."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address name"), max_length=220, unique=True)
    summary = models.CharField(_("summary"), max_length=300)
    body = models.TextField(_("text"), blank=True, help_text=_("Markdown: *emphasis*, lists, links, tables."))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    service_classes = models.ManyToManyField(
        ServiceClass, blank=True, related_name="+", verbose_name=_("service classes")
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    # Raised by every save, so that two people editing at once never overwrite each other silently.
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @property
    def is_published(self) -> bool:
        return self.state == State.PUBLISHED

    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE_STATES


class Post(Entry):
    kind = models.CharField(_("kind"), max_length=10, choices=PostKind.choices, default=PostKind.NEWS)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("news item or blog post")
        verbose_name_plural = _("news and blog posts")
        indexes = [models.Index(fields=["state", "-published_at"], name="news_post_listing_idx")]

    def get_absolute_url(self):
        return reverse("news:post", args=[self.slug])

    def get_edit_url(self):
        return reverse("news:post_edit", args=[self.slug])


class EventQuerySet(EntryQuerySet):
    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")


class Event(Entry):
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(_("time zone"), max_length=50, choices=TIME_ZONES, default="Europe/Helsinki")
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), max_length=500, blank=True)
    registration_url = models.URLField(_("registration link"), max_length=500, blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["state", "ends_at"], name="news_event_listing_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="news_event_ends_after_start"
            )
        ]

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The event cannot end before it starts.")})

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at, self.zone)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at, self.zone)

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    def get_absolute_url(self):
        return reverse("news:event", args=[self.slug])

    def get_edit_url(self):
        return reverse("news:event_edit", args=[self.slug])


def attachment_path(instance, filename):
    # The stored name never comes from the uploader; the storage makes it unique.
    if instance.post_id:
        return f"news/posts/{instance.post_id}/{filename}"
    return f"news/events/{instance.event_id}/{filename}"


class Attachment(models.Model):
    """An image of a post, or material of an event (slides, handouts), checked like a solution's."""

    post = models.ForeignKey(
        Post,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
        verbose_name=_("post"),
    )
    event = models.ForeignKey(
        Event,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
        verbose_name=_("event"),
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            models.CheckConstraint(
                condition=Q(post__isnull=False, event__isnull=True)
                | Q(post__isnull=True, event__isnull=False),
                name="news_attachment_one_parent",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def parent(self):
        return self.post if self.post_id else self.event

    @property
    def is_image(self) -> bool:
        return self.content_type in ("image/png", "image/jpeg")

    def get_absolute_url(self):
        return reverse("news:attachment", args=[self.pk])
