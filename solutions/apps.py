from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SolutionsConfig(AppConfig):
    name = "solutions"
    verbose_name = _("Catalogue")

    def ready(self):
        from solutions import notifications, signals  # noqa: F401

        notifications.connect()
        from solutions import cache

        cache.connect()
        from solutions.search.index import ensure_schema

        # The search index is defined in code (solutions/search/index.py), not in a migration: it is
        # created, or recreated after a migration rebuilt the table, after every `migrate`.
        post_migrate.connect(ensure_schema, sender=self, dispatch_uid="solutions_search_index")
