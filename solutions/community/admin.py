"""The community's models in the Django admin: readable by coordinators, changed only through the
site's own pages and services (which log, notify and keep the counts)."""

from django.contrib import admin

from solutions.community.models import Adoption, AdoptionEvent, Answer, Comment, HelpRequest, Referent


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
    # Status changes go through the reuse service (history, notifications); the admin reads them.
    readonly_fields = [
        "solution",
        "organisation",
        "status",
        "since",
        "experience",
        "savings_euros_per_year",
        "savings_hours_per_year",
        "updated_by",
    ]
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
