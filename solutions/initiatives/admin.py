"""Initiatives in the admin, to look at: every change goes through solutions.initiatives.services
(the initiative's page), so nothing here edits them."""

from django.contrib import admin

from solutions.initiatives.models import Initiative, Partner


class PartnerInline(admin.TabularInline):
    model = Partner
    fields = [
        "organisation",
        "state",
        "money",
        "money_euros",
        "people",
        "piloting",
        "requirements",
        "confirmed_at",
    ]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "status", "budget_class", "created_at"]
    list_filter = ["status", "budget_class"]
    search_fields = ["title", "organisation__name_fi"]
    list_select_related = ["organisation"]
    inlines = [PartnerInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
