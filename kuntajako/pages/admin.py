from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kuntajako.pages.models import Page


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["__str__", "title_fi", "updated_at"]
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": ["kind", "updated_at"]}),
        (_("Finnish"), {"fields": ["title_fi", "body_fi"]}),
        (_("Swedish"), {"fields": ["title_sv", "body_sv"]}),
        (_("English"), {"fields": ["title_en", "body_en"]}),
    ]

    def has_delete_permission(self, request, obj=None):
        # The footer links to every page; a missing one would be a broken link on every page.
        return False
