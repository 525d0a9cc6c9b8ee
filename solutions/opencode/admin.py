"""Harvested repositories and their logs in the admin, to look at: changes go through the services
(the organisation's repositories page), so nothing here edits them."""

from django.contrib import admin

from solutions.opencode.models import HarvestLog, HarvestSource


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(HarvestSource)
class HarvestSourceAdmin(ReadOnly):
    list_display = ["url", "organisation", "last_read_at", "last_outcome", "last_valid"]
    list_filter = ["last_outcome"]
    search_fields = ["url", "raw_url", "organisation__name_fi"]
    list_select_related = ["organisation"]


@admin.register(HarvestLog)
class HarvestLogAdmin(ReadOnly):
    list_display = ["source", "created_at", "outcome", "valid"]
    list_filter = ["outcome"]
    list_select_related = ["source"]
