"""Middleware every request passes: health answers, request ids, body size and input sanity.

Order in settings.MIDDLEWARE: `HealthCheckMiddleware` first (a load balancer probes over plain
HTTP with any Host, before HTTPS redirects and host checks), then `RequestIdMiddleware`,
`RequestBodyLimitMiddleware` (refuses an oversized body before anything reads it) and
`BadInputMiddleware` (refuses text no page can use: a NUL byte reaches PostgreSQL as an error).
"""

import re
import uuid

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string

from kuntajako import health
from kuntajako.logs import request_id

REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
# C0 control characters other than tab, line feed and carriage return; PostgreSQL refuses NUL, and
# none of the others means anything in an address or a query.
UNUSABLE_IN_URL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Forms carry what people paste (a vertical tab from a word processor is harmless text there);
# only NUL, which no database column can store, is refused in submitted values.
UNUSABLE_IN_FORM = re.compile(r"\x00")


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return health.healthz(request)
        if request.path == "/readyz":
            return health.readyz(request)
        return self.get_response(request)


class RequestIdMiddleware:
    """An id for each request, taken from the proxy's `X-Request-ID` when it is sane."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        value = given if REQUEST_ID.match(given) else uuid.uuid4().hex
        request.request_id = value
        token = request_id.set(value)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response["X-Request-ID"] = value
        return response


class RequestBodyLimitMiddleware:
    """413 for a body declared larger than the largest upload plus its form, before reading it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return bad_request(request)
        if length > settings.MAX_REQUEST_BODY_BYTES:
            response = HttpResponse(
                render_to_string("413.html"), status=413, content_type="text/html; charset=utf-8"
            )
            response["Connection"] = "close"
            return response
        return self.get_response(request)


class BadInputMiddleware:
    """400 for a path, query or form value no page could use, instead of an error from the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(VALIDATING_THEMSELVES):
            return self.get_response(request)
        if UNUSABLE_IN_URL.search(request.path) or _any(request.GET, UNUSABLE_IN_URL, skip=FREE_TEXT):
            return bad_request(request)
        if request.method == "POST" and _any(request.POST, UNUSABLE_IN_FORM):
            return bad_request(request)
        return self.get_response(request)


# Typed free text the pages themselves clean (the search box drops control characters and says
# what it searched for), so a stray character there still gets results, not a refusal.
FREE_TEXT = frozenset({"q"})
# The machine interfaces validate every parameter themselves and answer with the errors their
# published descriptions document (schema fuzzing checks it), not with this HTML page.
VALIDATING_THEMSELVES = ("/api/", "/oca/")


def _any(query_dict, pattern, skip=frozenset()) -> bool:
    return any(
        pattern.search(key) or (key not in skip and any(pattern.search(value) for value in values))
        for key, values in query_dict.lists()
    )


def bad_request(request):
    return HttpResponse(render_to_string("400.html"), status=400, content_type="text/html; charset=utf-8")


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not send: Permissions-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
