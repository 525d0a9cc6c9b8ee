from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SolutionsConfig(AppConfig):
    name = "solutions"
    verbose_name = _("Catalogue")

    def ready(self):
        from solutions import notifications, signals  # noqa: F401

        notifications.connect()
        from solutions.search.sqlite import ensure_triggers

        post_migrate.connect(ensure_triggers, sender=self, dispatch_uid="solutions_fts_triggers")
