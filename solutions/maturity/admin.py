"""Assessments and roadmaps in the admin, to look at: answers are private to the organisation and
every change goes through the services, so nothing here edits them."""

from django.contrib import admin

from solutions.maturity.models import Assessment, RoadmapItem


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Assessment)
class AssessmentAdmin(ReadOnly):
    list_display = ["organisation", "state", "created_at", "submitted_at", "published_at"]
    list_filter = ["state"]
    search_fields = ["organisation__name_fi"]
    list_select_related = ["organisation"]
    exclude = ["created_by", "submitted_by", "published_by"]


@admin.register(RoadmapItem)
class RoadmapItemAdmin(ReadOnly):
    list_display = ["title", "organisation", "region", "life_event", "year", "status"]
    list_filter = ["status", "budget_class", "life_event"]
    search_fields = ["title", "organisation__name_fi"]
    list_select_related = ["organisation", "region", "life_event"]
    exclude = ["updated_by"]
