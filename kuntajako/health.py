"""Answers for load balancers, outside the language prefixes and before any redirect.

`/healthz`: the process runs (touches nothing else, so a slow database never restarts servers).
`/readyz`: the database answers a query and the file storage answers; 503 otherwise, so the
balancer sends no traffic here. The cache is checked and reported too, but a cache that does not
answer leaves the server ready: pages are served from the database then (see kuntajako.cache), and
failing every server's readiness because Redis restarts would take the whole site down.
"""

import logging

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse

logger = logging.getLogger(__name__)


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


def healthz(request):
    return _no_store(JsonResponse({"status": "ok"}))


def _check(name, probe) -> bool:
    try:
        probe()
    except Exception:  # noqa: BLE001 - any failure means "not ready"; it is logged with its cause
        logger.warning("readiness check %s failed", name, exc_info=True)
        return False
    return True


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache():
    # add, unlike get and set, does not hide a stopped Redis (see kuntajako.cache).
    cache.add("readyz", 1, 1)


def _storage():
    default_storage.exists("readyz")


def readyz(request):
    checks = {"database": _check("database", _database), "storage": _check("storage", _storage)}
    cache_ok = _check("cache", _cache)
    ready = all(checks.values())
    body = {name: "ok" if ok else "failing" for name, ok in checks.items()}
    body["cache"] = "ok" if cache_ok else "unavailable"
    body["status"] = "ready" if ready else "not ready"
    return _no_store(JsonResponse(body, status=200 if ready else 503))
