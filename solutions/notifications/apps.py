from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "solutions.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from solutions.notifications import experiments, handlers, news
        from solutions.notifications.follows import export  # noqa: F401  (data export section)

        handlers.subscribe_all()
        news.subscribe_all()
        experiments.subscribe_all()
