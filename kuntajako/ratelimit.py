"""Rate limits shared by every application server: a counter per (action, who) in the cache.

    from kuntajako import ratelimit

    if not ratelimit.allow("password-reset", email, limit=3, window=3600):
        ...  # too many: answer as usual but do not act, or refuse with 429

How it counts: fixed windows of `window` seconds aligned to the clock; the key names the action,
the subject (an address, a user id, an IP) and the window's number. The first attempt in a window
creates the counter with `cache.add` and every later one raises it with `cache.incr`; both are
atomic in Redis (`SET NX`, `INCRBY`) and in the per-process memory cache (a lock), so parallel
requests cannot all slip under the limit. With `REDIS_URL` set the counters live in Redis and are
shared by every server; without it they are per process, which is right only for one process (the
demo, the tests). Django's database cache has no atomic `incr` (it reads, then writes); it works
but may undercount under heavy concurrency, so production uses Redis.

The subject is hashed into the key, so no address or IP is written in the cache in clear. When the
cache does not answer (Redis stopped), `allow` lets the attempt through and logs a warning: the
site stays usable, and the limits come back with Redis.
"""

import hashlib
import ipaddress
import logging
import time

from django.conf import settings
from django.core.cache import cache

from kuntajako.cache import CacheUnavailable

logger = logging.getLogger(__name__)


def _key(action: str, subject: str, window: int) -> str:
    digest = hashlib.sha256(str(subject).strip().lower().encode()).hexdigest()[:32]
    return f"ratelimit:{action}:{digest}:{int(time.time() // window)}"


def hits(action: str, subject: str, window: int) -> int:
    """How many attempts `subject` made at `action` in the current window (0 if the cache is down)."""
    return cache.get(_key(action, subject, window), 0)


def allow(action: str, subject: str, *, limit: int, window: int) -> bool:
    """Count one attempt of `subject` at `action`; True while at most `limit` were made in the window."""
    key = _key(action, subject, window)
    try:
        if cache.add(key, 1, window + 1):
            count = 1
        else:
            try:
                count = cache.incr(key)
            except ValueError:
                # The counter expired between add and incr: this attempt starts the next one.
                cache.add(key, 1, window + 1)
                count = 1
    except CacheUnavailable:
        logger.warning("rate limit %s not counted: the cache does not answer", action)
        return True
    return count <= limit


def client_address(request) -> str:
    """The visitor's IP address, for limits per address (login throttling uses it too).

    Behind TRUSTED_PROXY_COUNT proxies (env AXES_PROXY_COUNT) that each append the address they
    received the request from to X-Forwarded-For, the client is that many entries from the right:
    entries further left were written by the client and can be anything. Without proxies, or when
    the header is shorter than it must be, the connecting address is used.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
