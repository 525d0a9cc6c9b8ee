"""The people network: members who list themselves in a directory of expertise.

A Profile exists only while its owner wants to be found: opting in creates it, opting out deletes it
(with its topics and languages), so a person leaves every list at once and nothing of the profile is
kept. The organisations a profile shows are its owner's active memberships, read live, never copied.
Members reach a listed person only through the site (PersonMessage is the log the daily message
limit counts, together with the messages to referents); the address stays hidden.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from municipalities.models import Membership, MembershipState, Organisation
from solutions.models import ServiceClass


class Language(models.TextChoices):
    """Languages people work in: the national ones first, then those municipalities often serve in."""

    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")
    SAMI = "se", _("Sámi")
    RUSSIAN = "ru", _("Russian")
    ESTONIAN = "et", _("Estonian")
    GERMAN = "de", _("German")
    FRENCH = "fr", _("French")
    SIGN = "fse", _("Finnish Sign Language")


class TaggedProfile(TaggedItemBase):
    content_object = models.ForeignKey("Profile", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("profile tag")
        verbose_name_plural = _("profile tags")


def active_memberships():
    return Membership.objects.filter(state=MembershipState.ACTIVE).select_related(
        "organisation", "organisation__region"
    )


class ProfileQuerySet(models.QuerySet):
    def listed(self):
        """Profiles anyone in the directory may see: people who can still be reached (an active,
        confirmed account) and who belong to at least one organisation."""
        return self.filter(
            user__is_active=True,
            user__deleted_at__isnull=True,
            user__email_confirmed_at__isnull=False,
        ).filter(Exists(Membership.objects.filter(user=OuterRef("user"), state=MembershipState.ACTIVE)))

    def for_listing(self):
        """What a list of people needs, in a fixed number of queries."""
        return self.select_related("user").prefetch_related(
            Prefetch("user__memberships", queryset=active_memberships(), to_attr="active_memberships"),
            Prefetch("service_classes", queryset=ServiceClass.objects.order_by("position", "code")),
            "tags",
            "languages",
        )


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="people_profile",
        verbose_name=_("person"),
    )
    title = models.CharField(
        _("job title"),
        max_length=120,
        blank=True,
        help_text=_("For example: digital services manager."),
    )
    bio = models.TextField(
        _("about me"),
        max_length=1000,
        blank=True,
        help_text=_("A few sentences on what you know and what you can help others with."),
    )
    service_classes = models.ManyToManyField(
        ServiceClass, blank=True, related_name="people_profiles", verbose_name=_("service classes")
    )
    tags = TaggableManager(_("keywords"), through=TaggedProfile, blank=True)
    # Raised on every save: a form carrying an older number was opened before another save.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("listed since"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        ordering = ["user__display_name", "pk"]
        verbose_name = _("expert profile")
        verbose_name_plural = _("expert profiles")

    def __str__(self):
        return self.user.public_name

    def get_absolute_url(self):
        return reverse("people:profile", args=[self.pk])

    @property
    def organisations(self) -> list[Organisation]:
        memberships = getattr(self.user, "active_memberships", None)
        if memberships is None:
            memberships = list(active_memberships().filter(user=self.user))
        return sorted((m.organisation for m in memberships), key=lambda org: org.name)

    @property
    def language_names(self) -> list[str]:
        codes = {language.code for language in self.languages.all()}
        return [label for code, label in Language.choices if code in codes]


class ProfileLanguage(models.Model):
    profile = models.ForeignKey(
        Profile, on_delete=models.CASCADE, related_name="languages", verbose_name=_("profile")
    )
    code = models.CharField(_("language"), max_length=3, choices=Language.choices)

    class Meta:
        ordering = ["profile", "code"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        constraints = [
            models.UniqueConstraint(fields=["profile", "code"], name="people_profile_language_unique"),
        ]

    def __str__(self):
        return self.get_code_display()


class PersonMessage(models.Model):
    """A message a member sent to a listed person through the site: the log the daily limit counts."""

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="person_messages_sent",
        verbose_name=_("sender"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("sender's organisation"),
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="person_messages_received",
        verbose_name=_("recipient"),
    )
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("message to a person")
        verbose_name_plural = _("messages to people")

    def __str__(self):
        return self.subject
