"""A Redis cache that degrades to misses when Redis is unreachable.

Django's own RedisCache raises on connection errors, which would turn a Redis
outage into failing pages. Here reads return the default, writes are dropped,
and each failure is logged, so the site keeps serving from the database.
"""

import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

_UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class ResilientRedisCache(RedisCache):
    def _fallback(self, operation, default):
        logger.warning("cache unavailable during %s; serving without it", operation)
        return default

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except _UNAVAILABLE:
            return self._fallback("get", default)

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except _UNAVAILABLE:
            return self._fallback("get_many", {})

    def set(self, key, value, timeout=None, version=None):
        try:
            super().set(key, value, timeout, version)
        except _UNAVAILABLE:
            self._fallback("set", None)

    def set_many(self, data, timeout=None, version=None):
        try:
            return super().set_many(data, timeout, version)
        except _UNAVAILABLE:
            return self._fallback("set_many", list(data))

    def add(self, key, value, timeout=None, version=None):
        try:
            return super().add(key, value, timeout, version)
        except _UNAVAILABLE:
            return self._fallback("add", False)

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except _UNAVAILABLE:
            return self._fallback("delete", False)

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except _UNAVAILABLE:
            return self._fallback("delete_many", None)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except _UNAVAILABLE:
            return self._fallback("incr", None)

    def touch(self, key, timeout=None, version=None):
        try:
            return super().touch(key, timeout, version)
        except _UNAVAILABLE:
            return self._fallback("touch", False)

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except _UNAVAILABLE:
            return self._fallback("has_key", False)
