"""News and events in the admin: for looking up, never for changing state (that is the services')."""

from django.contrib import admin

from solutions.news.models import Event, Post


class ReadOnlyAdmin(admin.ModelAdmin):
    list_select_related = ["organisation"]
    search_fields = ["title", "slug"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Post)
class PostAdmin(ReadOnlyAdmin):
    list_display = ["title", "kind", "organisation", "state", "published_at"]
    list_filter = ["state", "kind"]


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ["title", "organisation", "state", "starts_at", "time_zone"]
    list_filter = ["state"]
