from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpencodeConfig(AppConfig):
    name = "solutions.opencode"
    label = "opencode"
    verbose_name = _("Open source code")

    def ready(self):
        from solutions.opencode import events

        events.subscribe_all()
