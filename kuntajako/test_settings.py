"""Settings for the test suite: the real settings, with what a test run needs filled in.

Tests run on PostgreSQL unless DATABASE_URL says otherwise (the SQLite smoke run sets it).
"""

import os

os.environ.setdefault("SECRET_KEY", "test-suite-key-not-secret")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kuntajako")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

from kuntajako.settings import *  # noqa: E402, F403

# A fast hasher: the suite creates many users; production uses the default list.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once, inside the test, so their effects (e-mails in the outbox) can be asserted.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The test client's login() has no request, which django-axes needs; the throttling tests switch it
# on with override_settings and log in through the login form.
AXES_ENABLED = False
# Serve static files straight from the app folders: tests do not run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
