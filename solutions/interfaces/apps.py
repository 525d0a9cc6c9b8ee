from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterfacesConfig(AppConfig):
    name = "solutions.interfaces"
    label = "interfaces"
    verbose_name = _("Open interfaces")
