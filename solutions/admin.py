from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from municipalities.admin import HTTPS_URLS
from solutions.community.models import Adoption, AdoptionEvent, Answer, Comment, HelpRequest, Referent
from solutions.models import (
    Attachment,
    Contact,
    LifeEvent,
    ModerationDecision,
    ModerationItem,
    Revision,
    ServiceClass,
    Solution,
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
    readonly_fields = ["created_at", "updated_at", "created_by"]
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


class AdoptionEventInline(admin.TabularInline):
    model = AdoptionEvent
    extra = 0
    readonly_fields = ["status", "changed_by", "changed_at", "note"]
    can_delete = False


@admin.register(Adoption)
class AdoptionAdmin(admin.ModelAdmin):
    list_display = ["solution", "organisation", "status", "since", "updated_at"]
    list_filter = ["status"]
    list_select_related = ["solution", "organisation"]
    search_fields = ["solution__title", "organisation__name_fi"]
    autocomplete_fields = ["solution", "organisation"]
    readonly_fields = ["updated_by"]
    inlines = [AdoptionEventInline]


@admin.register(Referent)
class ReferentAdmin(admin.ModelAdmin):
    list_display = ["solution", "organisation", "user", "created_at"]
    list_select_related = ["solution", "organisation", "user"]
    autocomplete_fields = ["solution", "organisation", "user"]


class PostAdmin(admin.ModelAdmin):
    # Hiding goes through the moderation queue, which logs the decision; here coordinators read.
    list_select_related = ["author", "organisation"]
    list_filter = ["state"]
    readonly_fields = ["author", "organisation", "state", "created_at", "hidden_at"]


@admin.register(Comment)
class CommentAdmin(PostAdmin):
    list_display = ["__str__", "solution", "author", "organisation", "state", "created_at"]
    list_select_related = [*PostAdmin.list_select_related, "solution"]
    search_fields = ["body"]


@admin.register(HelpRequest)
class HelpRequestAdmin(PostAdmin):
    list_display = ["title", "author", "organisation", "state", "created_at", "solved_at"]
    search_fields = ["title", "question"]


@admin.register(Answer)
class AnswerAdmin(PostAdmin):
    list_display = ["__str__", "help_request", "author", "organisation", "state", "created_at"]
    list_select_related = [*PostAdmin.list_select_related, "help_request"]
    search_fields = ["body"]
