from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from municipalities.admin import HTTPS_URLS
from solutions.models import (
    Attachment,
    Contact,
    LifeEvent,
    ModerationDecision,
    ModerationItem,
    Revision,
    ServiceClass,
    Solution,
    TagNames,
)


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    # Which revision adds or removes a file is the workflow's to change, on approval.
    readonly_fields = ["content_type", "size", "created_at", "revision", "removed_in"]


@admin.register(Solution)
class SolutionAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["title", "kind", "organisation", "lifecycle", "moderation_state", "published_at"]
    list_filter = ["moderation_state", "kind", "lifecycle", "language", "organisation__region"]
    list_select_related = ["organisation"]
    search_fields = ["title", "summary", "slug", "organisation__name_fi"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["organisation", "partners", "successor", "service_classes", "life_events"]
    date_hierarchy = "published_at"
    # The publishing workflow owns the state (submit, decide, archive in the site's own pages), so
    # the admin shows it and never writes it.
    readonly_fields = [
        "moderation_state",
        "published_at",
        "version",
        "created_at",
        "updated_at",
        "created_by",
    ]
    inlines = [ContactInline, AttachmentInline]


class VocabularyAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["code", "name_fi", "name_sv", "name_en", "parent", "solution_count"]
    list_select_related = ["parent"]
    search_fields = ["code", "name_fi", "name_sv", "name_en"]
    autocomplete_fields = ["parent"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(solution_count=Count("solutions"))

    @admin.display(description=_("solutions"), ordering="solution_count")
    def solution_count(self, obj):
        return obj.solution_count


admin.site.register(ServiceClass, VocabularyAdmin)
admin.site.register(LifeEvent, VocabularyAdmin)


@admin.register(TagNames)
class TagNamesAdmin(admin.ModelAdmin):
    """Coordinators name tags in the three languages; the search index follows (signals.py)."""

    list_display = ("tag", "name_fi", "name_sv", "name_en")
    search_fields = ("tag__name", "name_fi", "name_sv", "name_en")
    autocomplete_fields = ("tag",)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records that change only through the workflow, which checks, locks and logs every change."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ModerationDecision)
class ModerationDecisionAdmin(ReadOnlyAdmin):
    list_display = ["decided_at", "decision", "solution", "organisation", "decided_by", "reason"]
    list_filter = ["decision"]
    list_select_related = ["solution", "organisation", "decided_by"]
    search_fields = ["reason", "solution__title", "organisation__name_fi"]
    date_hierarchy = "decided_at"


@admin.register(ModerationItem)
class ModerationItemAdmin(ReadOnlyAdmin):
    list_display = ["submitted_at", "kind", "organisation", "submitted_by", "state", "claimed_by", "decision"]
    list_filter = ["state", "kind", "decision"]
    list_select_related = ["organisation", "submitted_by", "claimed_by"]


@admin.register(Revision)
class RevisionAdmin(ReadOnlyAdmin):
    list_display = ["solution", "state", "created_by", "created_at", "decided_at"]
    list_filter = ["state"]
    list_select_related = ["solution", "created_by"]
