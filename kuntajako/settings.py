"""Settings for Kuntajako, read once from environment variables.

Production defaults are the safe ones: DEBUG is off, a SECRET_KEY must be given, cookies are secure.
Only with DEBUG on (the demo) does the project run with nothing configured: SQLite in the project
folder and a throw-away development key. Commands that only read and write code (makemigrations,
makemessages, compilemessages; see manage.py) get that key too.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

import kuntajako
from kuntajako.db import with_rollback_hooks
from kuntajako.env import env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG and not kuntajako.code_only_command:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (for local development, set DEBUG=true)."
        )
    SECRET_KEY = "development-only-key-never-used-with-debug-off"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "taggit",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # Our apps, from the bottom up: each imports only those listed before it (docs/architecture.md).
    "kuntajako.events",
    "kuntajako.outbox",
    "kuntajako.pages",
    "municipalities",
    "solutions",
    "solutions.community",
    "solutions.interfaces",
    "solutions.opencode",
    "solutions.maturity",
    "solutions.experiments",
    "solutions.people",
    "solutions.news",
    "solutions.initiatives",
    "solutions.notifications",
    "solutions.demo",
]

MIDDLEWARE = [
    # First: load balancers probe /healthz and /readyz over plain HTTP with any Host.
    "kuntajako.middleware.HealthCheckMiddleware",
    "kuntajako.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "kuntajako.middleware.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads the body or the query.
    "kuntajako.middleware.RequestBodyLimitMiddleware",
    "kuntajako.middleware.BadInputMiddleware",
    # Anyone's web page may read the API (GET, HEAD, OPTIONS under /api/ only).
    "kuntajako.cors.ReadOnlyApiCorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kuntajako.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kuntajako.context_processors.site",
                "kuntajako.context_processors.notifications",
                "kuntajako.context_processors.moderation",
            ],
        },
    },
]

WSGI_APPLICATION = "kuntajako.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# Django's engine with rollback hooks added, so that a file stored by a transaction that rolls back
# is deleted at once (kuntajako/db/).
DATABASES["default"]["ENGINE"] = with_rollback_hooks(DATABASES["default"]["ENGINE"])
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # PostgreSQL's JIT compiler pays off for long analytic queries; for a web page it costs seconds of
    # compilation whenever a query's estimated cost crosses jit_above_cost (a broad search's facet
    # counts did, and took 7 s instead of 0.1 s). Short queries are what this site runs.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"]["options"] = (
        DATABASES["default"]["OPTIONS"].get("options", "") + " -c jit=off"
    ).strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "municipalities.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:profile"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Finnish first; the language is part of every public URL (/fi/, /sv/, /en/).
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "kuntajako" / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
# Dates as Finland writes them in Swedish and English too (22.11.2026); see kuntajako/formats/.
FORMAT_MODULE_PATH = ["kuntajako.formats"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Uploaded attachments: the local folder (one machine, the demo) or an S3-compatible object store
# that every application server shares. Either way they are served only through the download view.
ATTACHMENT_STORAGE = env_choice("ATTACHMENT_STORAGE", ["local", "s3"], "local")
if ATTACHMENT_STORAGE == "s3":
    if not env_str("AWS_STORAGE_BUCKET_NAME"):
        raise ImproperlyConfigured("AWS_STORAGE_BUCKET_NAME must be set when ATTACHMENT_STORAGE is s3.")
    # Empty: the cloud provider's own endpoint for the region.
    _endpoint = env_str("AWS_S3_ENDPOINT_URL") or None
    ATTACHMENT_STORAGE_BACKEND = {
        "BACKEND": "kuntajako.storage.ObjectStorage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": _endpoint,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            # Empty: boto3 looks further (instance or container role, AWS_PROFILE).
            "access_key": env_str("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY") or None,
            # MinIO and Ceph usually need path-style addresses (endpoint/bucket/key); a cloud
            # provider's own endpoint is best left to boto3.
            "addressing_style": env_choice(
                "AWS_S3_ADDRESSING_STYLE", ["path", "virtual", "auto"], "path" if _endpoint else "auto"
            ),
            "location": env_str("AWS_LOCATION", ""),
        },
    }
else:
    ATTACHMENT_STORAGE_BACKEND = {"BACKEND": "kuntajako.storage.LocalStorage"}
STORAGES = {
    "default": ATTACHMENT_STORAGE_BACKEND,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Redis when REDIS_URL is set (needed with several application servers: rate limits and cached
# pages are shared through it); it fails soft, so a stopped Redis costs speed, not errors.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if env_str("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "kuntajako.cache.FailSoftRedisCache",
        "LOCATION": env_str("REDIS_URL"),
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds before a silent mail server counts as failed; well below the outbox's lease (5 minutes),
# so a hanging send is never resumed by a second worker while it still runs.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 60)
# The address of the portal, for links in e-mails (which are written outside any request).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Kuntajako <noreply@kuntajako.example>")

# Security: safe by default, relaxed only for the local demo.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The language choice is not secret, but it travels only over HTTPS and never with cross-site posts.
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
# Features no page uses, switched off for the page and anything it might embed.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), browsing-topics=()"
)

# Content-Security-Policy on every page (django-csp): scripts and styles only from our own static
# files, nothing inline, and no framing. Downloads send their own, stricter policy.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# A request body larger than the largest attachment (20 MB) and its form is refused with 413
# before it is read; form fields without files are capped by Django at 2.5 MB.
MAX_REQUEST_BODY_BYTES = env_int("MAX_REQUEST_BODY_BYTES", 21 * 1024 * 1024)

# Every line names its request (X-Request-ID). LOG_FORMAT=json gives one JSON object per line for a
# log collector; plain text is the default.
LOG_FORMAT = env_str("LOG_FORMAT", "plain")
if LOG_FORMAT not in {"plain", "json"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be 'plain' or 'json', not {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "kuntajako.logs.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "kuntajako.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Every background task's start and end at INFO drowns what matters (`make demo` printed one
    # line per mail and event); failures still show.
    "loggers": {"django_tasks": {"level": env_str("TASKS_LOG_LEVEL", "WARNING")}},
}

# Login throttling (django-axes, see kuntajako/login_throttle.py): failures lock the (account,
# address) pair, so nobody can lock a person out from another address; a higher limit locks an
# address that tries many accounts.
AXES_HANDLER = "kuntajako.login_throttle.PairAndAddressHandler"
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
LOGIN_FAILURES_PER_ADDRESS = env_int("LOGIN_FAILURES_PER_ADDRESS", 50)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Successful logins are not recorded (the privacy notice lists only failed attempts, kept while a
# lockout can last).
AXES_DISABLE_ACCESS_LOG = True
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False
# How many proxies (load balancers) append to X-Forwarded-For in front of the servers: the client's
# address is read that many entries from the right (kuntajako.ratelimit.client_address).
TRUSTED_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "kuntajako.ratelimit.client_address"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# Background tasks (e-mail and other slow work) run outside the request. In production they are
# stored in the database and run by `manage.py db_worker`; the demo runs them at once.
TASKS = {
    "default": {
        "BACKEND": env_str(
            "TASKS_BACKEND",
            (
                "django_tasks.backends.immediate.ImmediateBackend"
                if DEBUG
                else "django_tasks_db.DatabaseBackend"
            ),
        )
    }
}

# How many solutions one list page shows.
SOLUTIONS_PAGE_SIZE = env_int("SOLUTIONS_PAGE_SIZE", 20)

# Four eyes in moderation: a coordinator never decides on their own organisation's submission while
# another coordinator exists. A coordination team of one person sets this to decide anyway; each
# such decision is logged.
MODERATION_ALLOW_SOLE_COORDINATOR = env_bool("MODERATION_ALLOW_SOLE_COORDINATOR", False)

# The API (solutions.interfaces): public reads need no login; writes take an organisation's token.
# Throttling counts per client (a token, or else the address) in the default cache, which several
# application servers share once REDIS_URL is set.
API_THROTTLE_RATES = {
    "anonymous": env_str("API_THROTTLE_ANONYMOUS", "120/min"),
    "token": env_str("API_THROTTLE_TOKEN", "600/min"),
}
API_PAGE_SIZE = env_int("API_PAGE_SIZE", 20)
API_MAX_PAGE_SIZE = 100
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["solutions.interfaces.api.auth.TokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["solutions.interfaces.api.throttling.ClientRateThrottle"],
    "DEFAULT_PAGINATION_CLASS": "solutions.interfaces.api.pagination.Pagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kuntajako API",
    "DESCRIPTION": (
        "Read the catalogue of digital solutions Finnish municipalities share: solutions (with the "
        "search, filters and ordering of the web list), organisations, regions, adoptions, help "
        "requests and vocabularies. Organisations write their drafts with a token."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "solutions.interfaces.api.schema.add_error_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ModerationStateEnum": "solutions.models.ModerationState",
        "SolutionKindEnum": "solutions.models.SolutionKind",
        "OrganisationKindEnum": "municipalities.models.OrganisationKind",
    },
    # The schema reads the vocabularies from the database, which `check --deploy` may not have; the
    # schema is checked by the test suite (schemathesis) instead.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
    # The documentation's scripts and styles are served from our own static files.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
# Harvesting publiccode.yml files (solutions.opencode): how often each registered repository is read
# again by `manage.py harvest`. Plain http:// to 127.0.0.1 is allowed only by the test suite's
# override; it is deliberately not read from the environment.
OPENCODE_HARVEST_INTERVAL_HOURS = env_int("OPENCODE_HARVEST_INTERVAL_HOURS", 24)
OPENCODE_FETCH_ALLOW_LOOPBACK_HTTP = False
