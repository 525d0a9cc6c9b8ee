from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SolutionsConfig(AppConfig):
    name = "solutions"
    verbose_name = _("Catalogue")

    def ready(self):
        # The search index follows tags and organisation names through these receivers.
        from solutions import signals  # noqa: F401
        from solutions.search.sqlite import ensure_triggers

        post_migrate.connect(ensure_triggers, sender=self, dispatch_uid="solutions_fts_triggers")

        from solutions.models import Revision, Solution
        from solutions.moderation import registry

        registry.register_target(Solution.objects.select_related("organisation"))
        registry.register_target(Revision.objects.select_related("solution__organisation"))
