from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "solutions.news"
    label = "news"
    verbose_name = _("News and events")

    def ready(self):
        from solutions.news import export  # noqa: F401  (data export section)
        from solutions.news.services import publishing

        publishing.register_queue_kinds()
