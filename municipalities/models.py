"""Organisations, regions, people and their membership roles."""

import uuid

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def localized(obj, field: str) -> str:
    """The value of `field_<lang>` in the active language, falling back to Finnish."""
    lang = (get_language() or "fi")[:2]
    return getattr(obj, f"{field}_{lang}", "") or getattr(obj, f"{field}_fi")


class Region(models.Model):
    """A region (maakunta) by its Statistics Finland code."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=100)
    name_sv = models.CharField(_("name in Swedish"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    def get_absolute_url(self):
        return reverse("municipalities:region_detail", args=[self.code])


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    JOINT_AUTHORITY = "joint_authority", _("Joint municipal authority")
    WELLBEING_COUNTY = "wellbeing_county", _("Wellbeing services county")
    REGIONAL_COUNCIL = "regional_council", _("Regional council")
    INHOUSE_COMPANY = "inhouse_company", _("Municipal in-house company")
    COORDINATOR = "coordinator", _("Coordinating organisation")
    OTHER = "other", _("Other public body")


class LanguageStatus(models.TextChoices):
    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")
    BILINGUAL_FI = "fi+sv", _("Bilingual, Finnish majority")
    BILINGUAL_SV = "sv+fi", _("Bilingual, Swedish majority")


class SizeClass(models.TextChoices):
    """Population classes used to find 'organisations like mine'."""

    SMALL = "small", _("Under 5,000 inhabitants")
    MEDIUM = "medium", _("5,000–20,000 inhabitants")
    LARGE = "large", _("20,000–100,000 inhabitants")
    CITY = "city", _("Over 100,000 inhabitants")


# Lower bound (inclusive) and upper bound (exclusive) of each size class.
SIZE_CLASS_BOUNDS = {
    SizeClass.SMALL: (0, 5_000),
    SizeClass.MEDIUM: (5_000, 20_000),
    SizeClass.LARGE: (20_000, 100_000),
    SizeClass.CITY: (100_000, None),
}


def size_class_for(population: int | None) -> str | None:
    if population is None:
        return None
    for size_class, (low, high) in SIZE_CLASS_BOUNDS.items():
        if population >= low and (high is None or population < high):
            return size_class
    return None


def population_in(size_classes, field: str = "population") -> models.Q:
    """Q for `field` within any of the named size classes; an empty Q when none of them is known."""
    condition = models.Q()
    for size_class in size_classes:
        if size_class in SizeClass.values:
            low, high = SIZE_CLASS_BOUNDS[SizeClass(size_class)]
            bounds = models.Q(**{f"{field}__gte": low})
            if high is not None:
                bounds &= models.Q(**{f"{field}__lt": high})
            condition |= bounds
    return condition


class OrganisationQuerySet(models.QuerySet):
    def municipalities(self):
        return self.filter(kind=OrganisationKind.MUNICIPALITY)

    def of_size(self, size_class: str):
        condition = population_in([size_class])
        return self.filter(condition) if condition else self.none()


class Organisation(models.Model):
    """A municipality or another public body that publishes or reuses solutions."""

    # A stable public identifier for machine interfaces (the Open Catalog API's publisher id).
    uuid = models.UUIDField(_("public identifier"), default=uuid.uuid4, unique=True, editable=False)

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.MUNICIPALITY
    )
    code = models.CharField(
        _("municipality code"),
        max_length=3,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Official three-digit code of Statistics Finland, for municipalities."),
    )
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="organisations",
        null=True,
        blank=True,
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    language_status = models.CharField(
        _("language status"), max_length=5, choices=LanguageStatus.choices, default=LanguageStatus.FINNISH
    )
    website = models.URLField(_("web site"), blank=True)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name_fi"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def size_class(self) -> str | None:
        return size_class_for(self.population)

    def get_size_class_display(self) -> str:
        size_class = self.size_class
        return SizeClass(size_class).label if size_class else ""

    def get_absolute_url(self):
        return reverse("municipalities:organisation_detail", args=[self.slug])


class EmailDomain(models.Model):
    """An e-mail domain whose confirmed addresses prove membership of the organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="email_domains", verbose_name=_("organisation")
    )
    domain = models.CharField(_("domain"), max_length=253, unique=True, help_text=_("For example hel.fi"))

    class Meta:
        ordering = ["domain"]
        verbose_name = _("e-mail domain")
        verbose_name_plural = _("e-mail domains")

    def __str__(self):
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = self.domain.strip().lower().lstrip("@")
        super().save(*args, **kwargs)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in with their e-mail address."""

    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=150, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=[("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))],
        default="fi",
    )
    email_confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # Set when the person deleted their account: personal data is erased, what they wrote stays.
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self):
        return self.display_name or self.email

    @property
    def public_name(self) -> str:
        """The name shown beside what the person wrote; never the e-mail address."""
        if self.deleted_at:
            return str(_("former user"))
        return self.display_name or str(_("unnamed user"))

    def get_full_name(self):
        return self.display_name or self.email

    def get_short_name(self):
        return self.display_name or self.email.split("@")[0]


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member")
    EDITOR = "editor", _("Editor")
    ADMIN = "admin", _("Admin")
    # Only meaningful in the coordinating organisation: runs moderation and manages every organisation.
    COORDINATOR = "coordinator", _("Coordinator")


class MembershipState(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACTIVE = "active", _("Active")
    DECLINED = "declined", _("Declined")


class Membership(models.Model):
    """A user's role in an organisation; pending until accepted or verified by e-mail domain."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("organisation")
    )
    role = models.CharField(
        _("role"), max_length=12, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    state = models.CharField(
        _("state"), max_length=10, choices=MembershipState.choices, default=MembershipState.PENDING
    )
    request_message = models.TextField(_("message with the request"), blank=True)
    decision_message = models.TextField(_("message with the decision"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique")]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"
