from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "solutions.people"
    label = "people"
    verbose_name = _("People network")

    def ready(self):
        from municipalities.services.accounts import erases_with_account
        from solutions.community.services.reuse import register_message_log
        from solutions.people import export  # noqa: F401  (registers its section of the data export)
        from solutions.people.models import PersonMessage
        from solutions.people.services import profiles

        register_message_log(PersonMessage)
        erases_with_account(profiles.erase)
