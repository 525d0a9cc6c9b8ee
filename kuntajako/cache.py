"""The Redis cache, failing soft: when Redis does not answer, the site keeps serving pages.

Reads become misses and writes are dropped (each logged once per failure), so a stopped Redis
costs speed, not errors. `add` and `incr` cannot be faked that way, because callers decide on
their answer (a rate limit counts with them), so they raise `CacheUnavailable` and the caller
chooses: `kuntajako.ratelimit` lets the request through and logs it.
"""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
REDIS_DOWN = (RedisConnectionError, RedisTimeoutError)


class CacheUnavailable(Exception):
    """The shared cache does not answer."""


class FailSoftRedisCache(RedisCache):
    def _down(self, operation, error):
        logger.warning("cache unavailable during %s: %s", operation, error)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except REDIS_DOWN as error:
            self._down("get", error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except REDIS_DOWN as error:
            self._down("get_many", error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except REDIS_DOWN as error:
            self._down("has_key", error)
            return False

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except REDIS_DOWN as error:
            self._down("set", error)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except REDIS_DOWN as error:
            self._down("set_many", error)
            return list(data)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except REDIS_DOWN as error:
            self._down("touch", error)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except REDIS_DOWN as error:
            self._down("delete", error)
            return False

    def delete_many(self, keys, version=None):
        try:
            super().delete_many(keys, version)
        except REDIS_DOWN as error:
            self._down("delete_many", error)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except REDIS_DOWN as error:
            raise CacheUnavailable(str(error)) from error

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except REDIS_DOWN as error:
            raise CacheUnavailable(str(error)) from error
