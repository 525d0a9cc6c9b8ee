"""What a load balancer, a browser and an operator see of a running server: health answers, security
headers on every page, a body-size cap, request ids in the logs, and a site that keeps serving pages
when Redis stops."""

import json
import logging
import re
import secrets
import threading

import pytest
from django.core.cache import caches
from django.db import OperationalError, connection
from django.test import override_settings
from django.urls import reverse

from kuntajako import ratelimit
from kuntajako.logs import JsonFormatter, RequestIdFilter, request_id
from tests.test_deployment import PRODUCTION_ENV, manage

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: a Redis that is down.
STOPPED_REDIS = {
    "default": {
        "BACKEND": "kuntajako.cache.FailSoftRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


# Health


@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["kuntajako.example"])
def test_healthz_answers_over_plain_http_to_any_host_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz", HTTP_HOST="10.0.0.5")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["kuntajako.example"])
def test_readyz_reports_database_cache_and_storage(client):
    response = client.get("/readyz", HTTP_HOST="10.0.0.5")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "storage": "ok", "cache": "ok", "status": "ready"}


def test_readyz_is_not_ready_when_the_database_fails(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["database"] == "failing"


def test_readyz_is_not_ready_when_the_file_storage_fails(client, monkeypatch):
    def refuse(name):
        raise OSError("bucket not reachable")

    monkeypatch.setattr("django.core.files.storage.default_storage.exists", refuse)
    response = client.get("/readyz")
    assert (response.status_code, response.json()["storage"]) == (503, "failing")


def test_health_addresses_have_no_language_prefix(client):
    assert client.get("/fi/healthz").status_code == 404


# Redis stopped


@override_settings(CACHES=STOPPED_REDIS)
def test_pages_are_served_while_redis_is_stopped(client, solution):
    caches.close_all()
    for url in ("/fi/", "/fi/solutions/", reverse("solutions:solution_detail", args=[solution.slug])):
        assert client.get(url).status_code == 200
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["cache"] == "unavailable"


@override_settings(CACHES=STOPPED_REDIS)
def test_rate_limits_let_people_through_while_redis_is_stopped():
    caches.close_all()
    assert all(ratelimit.allow("test-stopped", "someone", limit=1, window=60) for _ in range(3))


# Rate limits


@pytest.fixture
def fresh_cache():
    caches["default"].clear()
    yield
    caches["default"].clear()


def test_a_rate_limit_holds_under_parallel_requests(fresh_cache):
    subject = secrets.token_hex(4)
    results = []
    start = threading.Barrier(20)

    def attempt():
        start.wait()
        results.append(ratelimit.allow("test-parallel", subject, limit=7, window=3600))

    threads = [threading.Thread(target=attempt) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == 7


def test_a_rate_limit_counts_each_subject_and_action_apart(fresh_cache):
    assert ratelimit.allow("test-a", "x@kuhmo.fi", limit=1, window=60)
    assert not ratelimit.allow("test-a", "X@Kuhmo.fi ", limit=1, window=60)
    assert ratelimit.allow("test-a", "y@kuhmo.fi", limit=1, window=60)
    assert ratelimit.allow("test-b", "x@kuhmo.fi", limit=1, window=60)
    assert ratelimit.hits("test-a", "x@kuhmo.fi", 60) == 2


# Headers


def test_every_html_page_has_a_strict_content_security_policy(client, solution):
    for url in ("/fi/", "/en/solutions/", "/sv/account/signup/", "/fi/no-such-page/"):
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
        assert directives["script-src"] == "'self'"
        assert directives["style-src"] == "'self'"
        assert directives["frame-ancestors"] == "'none'"
        assert directives["object-src"] == "'none'"
        assert "unsafe-inline" not in policy
        assert response["Referrer-Policy"] == "same-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]


INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)|<style|\sstyle=\"|\son[a-z]+=\"", re.I
)


def test_pages_have_no_inline_script_or_style_that_the_policy_would_block(client, solution):
    for url in (
        "/fi/",
        "/fi/solutions/",
        reverse("solutions:solution_detail", args=[solution.slug]),
        "/fi/organisations/",
        "/fi/regions/",
        "/fi/account/signup/",
        "/fi/account/login/",
    ):
        html = client.get(url).content.decode()
        assert not INLINE.search(html), (url, INLINE.search(html))


def test_the_policy_detector_finds_inline_code():
    for snippet in (
        "<script>alert(1)</script>",
        '<p style="color:red">',
        "<style>p{}</style>",
        '<a onclick="x">',
    ):
        assert INLINE.search(snippet)
    assert not INLINE.search('<script src="/static/js/site.js" defer></script>')


def test_the_language_cookie_is_secure_and_same_site_in_production():
    result = manage(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.conf import settings as s; "
        "print(s.LANGUAGE_COOKIE_SECURE, s.LANGUAGE_COOKIE_SAMESITE, s.SESSION_COOKIE_SECURE)",
        env={**PRODUCTION_ENV, "SECRET_KEY": secrets.token_urlsafe(50)},
    )
    assert result.stdout.split() == ["True", "Lax", "True"], result.stderr


@override_settings(LANGUAGE_COOKIE_SECURE=True)
def test_the_language_switch_sets_the_cookie_as_configured(client):
    response = client.post("/i18n/setlang/", {"language": "sv", "next": "/sv/"})
    cookie = response.cookies["django_language"]
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"] is True


# Body size


def test_a_body_over_the_cap_is_refused_before_it_is_read(client, settings):
    url = reverse("accounts:login")
    response = client.generic(
        "POST",
        url,
        b"username=a",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(settings.MAX_REQUEST_BODY_BYTES + 1),
    )
    assert response.status_code == 413
    assert "liian suuri" in response.content.decode()


def test_the_cap_leaves_room_for_the_largest_attachment_and_its_form(settings):
    from solutions.attachments import MAX_UPLOAD_BYTES

    assert MAX_UPLOAD_BYTES < settings.MAX_REQUEST_BODY_BYTES <= MAX_UPLOAD_BYTES + 2 * 1024 * 1024


# Request ids and logs


def test_every_response_names_its_request(client):
    first, second = client.get("/fi/"), client.get("/fi/")
    assert re.fullmatch(r"[0-9a-f]{32}", first["X-Request-ID"])
    assert first["X-Request-ID"] != second["X-Request-ID"]
    assert client.get("/fi/", HTTP_X_REQUEST_ID="lb-1234abcd")["X-Request-ID"] == "lb-1234abcd"
    assert client.get("/fi/", HTTP_X_REQUEST_ID="bad id\r\nx")["X-Request-ID"] != "bad id\r\nx"


def test_json_log_lines_carry_the_request_id():
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/x",), None)
    token = request_id.set("abc123def456")
    try:
        RequestIdFilter().filter(record)
    finally:
        request_id.reset(token)
    entry = json.loads(JsonFormatter().format(record))
    assert entry["request_id"] == "abc123def456"
    assert entry["message"] == "Not Found: /x"
    assert entry["level"] == "WARNING"


def test_log_format_json_is_chosen_by_environment():
    result = manage(
        "shell",
        "-v",
        "0",
        "-c",
        "import logging; logging.getLogger('kuntajako').warning('hello')",
        env={**PRODUCTION_ENV, "SECRET_KEY": secrets.token_urlsafe(50), "LOG_FORMAT": "json"},
    )
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert (line["message"], line["request_id"]) == ("hello", "-")
