"""The people network in the Django admin: readable by coordinators; people list, edit and leave
only through their own profile page (which keeps versions and events)."""

from django.contrib import admin

from solutions.people.models import PersonMessage, Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "title", "updated_at"]
    list_select_related = ["user"]
    search_fields = ["user__display_name", "title"]
    readonly_fields = ["user", "title", "bio", "service_classes", "version", "created_at", "updated_at"]
    exclude = ["tags"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(PersonMessage)
class PersonMessageAdmin(admin.ModelAdmin):
    list_display = ["subject", "sender", "recipient", "created_at"]
    list_select_related = ["sender", "recipient"]
    readonly_fields = ["sender", "organisation", "recipient", "subject", "body", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
