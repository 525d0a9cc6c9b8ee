from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SolutionsConfig(AppConfig):
    name = "solutions"
    verbose_name = _("Catalogue")

    def ready(self):
        # The search index follows tags and organisation names through these receivers, and the
        # cached anonymous pages follow the catalogue's changes.
        from solutions import cache, signals  # noqa: F401
        from solutions.search.index import ensure_schema

        cache.connect()
        # The search index is defined in code (solutions/search/index.py), not in a migration: it is
        # created, or recreated after a migration rebuilt the table, after every `migrate`.
        post_migrate.connect(ensure_schema, sender=self, dispatch_uid="solutions_search_index")

        from solutions.models import Revision, Solution
        from solutions.moderation import registry

        registry.register_target(Solution.objects.select_related("organisation"))
        registry.register_target(Revision.objects.select_related("solution__organisation"))
