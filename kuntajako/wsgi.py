import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kuntajako.settings")
application = get_wsgi_application()

# Search analysis (Voikko, the glossary) is loaded before the first request rather than during it.
from solutions.search.analysis import warm_up  # noqa: E402 -- needs the settings loaded above

warm_up()
