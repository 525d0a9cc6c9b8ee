from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from kuntajako.pages.seeding import create_missing_pages


class PagesConfig(AppConfig):
    """Accessibility statement, privacy notice, about and terms: texts coordinators edit in the admin."""

    name = "kuntajako.pages"
    label = "pages"
    verbose_name = _("Pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(create_missing_pages, sender=self, dispatch_uid="pages_create_missing")
