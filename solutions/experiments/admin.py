"""Read-only views for coordinators: calls, experiments and savings change only through the services."""

from django.contrib import admin

from solutions.experiments.models import AdoptionSaving, Call, Experiment


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Call)
class CallAdmin(ReadOnly):
    list_display = ["title", "deadline", "opened_at"]
    search_fields = ["title"]


@admin.register(Experiment)
class ExperimentAdmin(ReadOnly):
    list_display = ["title", "organisation", "call", "review_state", "status"]
    list_filter = ["review_state", "status"]
    search_fields = ["title"]


@admin.register(AdoptionSaving)
class AdoptionSavingAdmin(ReadOnly):
    list_display = ["adoption", "method", "currency", "period_start", "period_end"]
