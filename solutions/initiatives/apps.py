from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "solutions.initiatives"
    label = "initiatives"
    verbose_name = _("Joint development initiatives")

    def ready(self):
        from solutions.community.reuse.panels import register_balance_source
        from solutions.initiatives import export  # noqa: F401 -- sections of a person's data export
        from solutions.initiatives.services import balance

        register_balance_source(balance.jointly_developed)
