from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from municipalities.models import EmailDomain, Membership, Organisation, Region, User

# Addresses typed without a scheme are taken as https, as in the editor forms (and Django 6).
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name_fi", "name_sv", "name_en", "organisation_count"]
    search_fields = ["code", "name_fi", "name_sv", "name_en"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(organisation_count=Count("organisations"))

    @admin.display(description=_("organisations"), ordering="organisation_count")
    def organisation_count(self, obj):
        return obj.organisation_count


class EmailDomainInline(admin.TabularInline):
    model = EmailDomain
    extra = 1


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name_fi", "name_sv", "code", "kind", "region", "population", "language_status"]
    list_filter = ["kind", "language_status", "region"]
    list_select_related = ["region"]
    search_fields = ["name_fi", "name_sv", "name_en", "code", "slug"]
    prepopulated_fields = {"slug": ["name_fi"]}
    inlines = [EmailDomainInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "state", "created_at"]
    list_filter = ["role", "state"]
    list_select_related = ["user", "organisation"]
    search_fields = ["user__email", "user__display_name", "organisation__name_fi"]
    # Accepting, declining and role changes go through municipalities.services.membership (the
    # organisation pages), which keeps the last admin and tells the person; the admin only reads.
    readonly_fields = ["user", "organisation", "role", "state", "created_at", "decided_at", "decided_by"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "preferred_language", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active", "preferred_language"]
    search_fields = ["email", "display_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal info"), {"fields": ["display_name", "preferred_language", "email_confirmed_at"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
