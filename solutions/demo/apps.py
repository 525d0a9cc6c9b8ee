from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo content and accounts; it writes through every app's services, so it sits above them all."""

    name = "solutions.demo"
    label = "demo"
    verbose_name = _("Demo content")
