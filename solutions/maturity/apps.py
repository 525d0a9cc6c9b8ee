from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaturityConfig(AppConfig):
    name = "solutions.maturity"
    label = "maturity"
    verbose_name = _("Digital maturity and roadmaps")

    def ready(self):
        # Sections of a person's data export, registered by their decorators.
        from solutions.maturity import export  # noqa: F401
