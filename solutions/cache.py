"""Cached anonymous pages and shared aggregates of the catalogue, and their invalidation.

The front page, the solution list (without search words) and a solution's page look the same to
every anonymous visitor of a language, so their HTML is kept in Django's cache (Redis when
REDIS_URL is set, the process's memory otherwise) for PAGE_TIMEOUT seconds. Every key includes a
catalogue version; any change to what these pages show (a solution published, edited or archived,
an adoption, a comment, an organisation or a vocabulary renamed …) sets a new version after the
transaction commits, and the old pages are never read again. Searches are not cached: their keys
are endless, and they must be fast on their own.

With the local-memory cache each process has its own version, so several workers need Redis for a
change to reach them all at once; until then a worker's pages are at most PAGE_TIMEOUT old.
"""

import functools
import hashlib
import uuid

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.translation import get_language

from kuntajako.cache import CacheUnavailable

VERSION_KEY = "catalogue:version"
PAGE_TIMEOUT = 600
# Models whose changes no anonymous catalogue page shows.
IGNORED = {
    "solutions.searchlexeme",
    "solutions.searchconcept",
    "solutions.moderationdecision",
}
# By label, not by import: the community app (adoptions, comments) sits above the catalogue.
WATCHED_APPS = ("solutions", "community", "municipalities", "taggit")


def version() -> str:
    current = cache.get(VERSION_KEY)
    if current is None:
        current = uuid.uuid4().hex
        try:
            cache.add(VERSION_KEY, current, None)
        except CacheUnavailable:
            return current  # no shared cache: a version of our own, so no stale page is ever read
        current = cache.get(VERSION_KEY, current)
    return current


def bump() -> None:
    """A new catalogue version: every cached page is stale from now on."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def bump_after_commit() -> None:
    """Bump now, so this transaction's own later requests see the change, and again after commit,
    because another request may have cached the old page in between."""
    bump()
    transaction.on_commit(bump)


def _watched(sender) -> bool:
    meta = getattr(sender, "_meta", None)
    return meta is not None and meta.app_label in WATCHED_APPS and meta.label_lower not in IGNORED


def _changed(sender, raw=False, **kwargs):
    if not raw and _watched(sender):
        bump_after_commit()


def _m2m_changed(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        bump_after_commit()


def connect() -> None:
    post_save.connect(_changed, dispatch_uid="catalogue_cache_saved")
    post_delete.connect(_changed, dispatch_uid="catalogue_cache_deleted")
    for model in apps.get_models():
        if _watched(model):
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    _m2m_changed, sender=field.remote_field.through, dispatch_uid=f"catalogue_cache_{field}"
                )


def cached(name: str, compute, timeout: int = PAGE_TIMEOUT, per_language: bool = True):
    """``compute()``, kept per catalogue version (and language, unless ``per_language`` is false):
    for aggregates every visitor sees alike (the whole catalogue's counts, the unfiltered list's
    facets), logged in or not."""
    language = get_language() if per_language else "-"
    key = f"catalogue:data:{version()}:{language}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def _key(request) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"catalogue:page:{version()}:{get_language()}:{path}"


def anonymous_page(skip=lambda request: False):
    """Cache a view's HTML for anonymous GET requests (unless ``skip(request)``)."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            usable = (
                request.method in ("GET", "HEAD")
                and not request.user.is_authenticated
                and not skip(request)
                and not _has_messages(request)
            )
            if not usable:
                return view(request, *args, **kwargs)
            key = _key(request)
            cached = cache.get(key)
            if cached is not None:
                content, content_type = cached
                return HttpResponse(content, content_type=content_type)
            response = view(request, *args, **kwargs)
            # A page that set a cookie or used a CSRF token belongs to this visitor alone.
            if (
                response.status_code == 200
                and not response.cookies
                and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
                and not getattr(response, "streaming", False)
            ):
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
                cache.set(key, (response.content, response["Content-Type"]), PAGE_TIMEOUT)
            return response

        return wrapper

    return decorate


def _has_messages(request) -> bool:
    storage = getattr(request, "_messages", None)
    return bool(storage is not None and len(storage))
