from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "solutions.community"
    label = "community"
    verbose_name = _("Community")

    def ready(self):
        # Sections of a person's data export, registered by their decorators.
        from solutions.community.discussion import export as discussion_export  # noqa: F401
        from solutions.community.reuse import export as reuse_export  # noqa: F401
        from solutions.community.services import moderation

        moderation.register_queue_kinds()
