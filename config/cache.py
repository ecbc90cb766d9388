"""A Redis cache that degrades to misses when Redis is unreachable.

Django's own RedisCache raises on connection errors, which would turn a Redis
outage into failing pages. Here reads return the default and writes are dropped,
so the site keeps serving from the database, only slower.

After a failure the cache object stops asking Redis for ``RETRY_INTERVAL``
seconds (Django keeps one cache object per thread, so each thread decides alone):
a Redis host that times out rather than refuses would otherwise cost every cache
call its full socket timeout. One warning is logged when an outage starts and
one line when Redis answers again, instead of a line per cache call.

Known shortcoming: while one thread has given up on Redis, writes it drops are
not replayed, so another process can keep reading an entry this one meant to
replace. Role pages are keyed by content revision, which lives in the database,
so they are not affected; counters (throttles) undercount during an outage.
"""

import logging
import re
import threading
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

_UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class ResilientRedisCache(RedisCache):
    RETRY_INTERVAL = 5.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0
        self._lock = threading.Lock()

    def _call(self, operation, default, method, *args):
        if time.monotonic() < self._down_until:
            return default
        try:
            result = method(*args)
        except _UNAVAILABLE as exc:
            with self._lock:
                if self._down_until == 0.0:
                    logger.warning(
                        "cache unavailable during %s (%s); serving without it",
                        operation,
                        type(exc).__name__,
                    )
                self._down_until = time.monotonic() + self.RETRY_INTERVAL
            return default
        if self._down_until:
            with self._lock:
                if self._down_until:
                    self._down_until = 0.0
                    logger.info("cache available again")
        return result

    def get(self, key, default=None, version=None):
        return self._call("get", default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, super().get_many, keys, version)

    def set(self, key, value, timeout=None, version=None):
        self._call("set", None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=None, version=None):
        return self._call(
            "set_many", list(data), super().set_many, data, timeout, version
        )

    def add(self, key, value, timeout=None, version=None):
        return self._call("add", False, super().add, key, value, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, super().delete_many, keys, version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", None, super().incr, key, delta, version)

    def touch(self, key, timeout=None, version=None):
        return self._call("touch", False, super().touch, key, timeout, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, super().has_key, key, version)

    def clear(self):
        """Delete this site's keys only: those under its KEY_PREFIX.

        Django's RedisCache.clear() empties the whole Redis database, taking
        every other site or test run sharing it along. Keys are found with
        SCAN, which does not block Redis, but takes time on a big database.
        Assumes Django's default key function ("<prefix>:<version>:<key>").
        """
        return self._call("clear", False, self._clear_own_keys)

    def _clear_own_keys(self):
        client = self._cache.get_client(write=True)
        pattern = re.sub(r"([\\*?\[\]])", r"\\\1", self.key_prefix) + ":*"
        batch = []
        for key in client.scan_iter(match=pattern, count=1000):
            batch.append(key)
            if len(batch) >= 1000:
                client.delete(*batch)
                batch = []
        if batch:
            client.delete(*batch)
        return True
