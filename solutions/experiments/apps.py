from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExperimentsConfig(AppConfig):
    name = "solutions.experiments"
    label = "experiments"
    verbose_name = _("Experiments and savings")

    def ready(self):
        from solutions.community.reuse import panels
        from solutions.experiments.services import experiments, savings

        experiments.register_queue_kinds()
        panels.register_balance_source(savings.balance_figures)
