"""The Redis cache backend: a real cache when Redis answers, misses when it does not."""

import secrets
import time

import pytest

from config.cache import ResilientRedisCache
from tests.config.conftest import Relay, require_services


def redis_cache(port, **options):
    return ResilientRedisCache(
        f"redis://127.0.0.1:{port}/4",
        {
            "KEY_PREFIX": f"cache-test-{secrets.token_hex(4)}",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
            **options,
        },
    )


@pytest.fixture
def live_redis():
    require_services()


def test_values_round_trip_through_redis(live_redis):
    cache = redis_cache(6379)
    cache.set("answer", {"level": 4}, 30)
    assert cache.get("answer") == {"level": 4}
    assert cache.add("counter", 0, 30) is True
    assert cache.incr("counter") == 1
    assert cache.incr("counter", 5) == 6
    assert cache.get_many(["answer", "missing"]) == {"answer": {"level": 4}}
    assert cache.delete("answer") is True
    assert cache.get("answer", "gone") == "gone"


def test_an_unreachable_redis_reads_as_misses_and_drops_writes(closed_port):
    cache = redis_cache(closed_port)
    cache.set("answer", 42)
    assert cache.get("answer") is None
    assert cache.get("answer", "fallback") == "fallback"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("counter", 0) is False
    assert cache.incr("counter") is None
    assert cache.delete("answer") is False
    assert cache.has_key("answer") is False


def test_after_a_failure_redis_is_not_asked_again_for_a_while(live_redis):
    relay = Relay(6379)
    relay.open()
    cache = redis_cache(relay.port)
    cache.RETRY_INTERVAL = 0.5
    cache.set("answer", 42, 60)
    assert cache.get("answer") == 42

    relay.cut()
    assert cache.get("answer") is None  # this failure opens the circuit
    started = time.monotonic()
    for _ in range(200):
        assert cache.get("answer") is None
    assert time.monotonic() - started < 0.05  # no network attempt per call

    relay.open()
    assert cache.get("answer") is None  # still resting
    time.sleep(0.5)
    assert cache.get("answer") == 42
    relay.cut()


def test_clearing_the_cache_leaves_other_prefixes_in_the_same_redis_db(live_redis):
    ours, neighbour = redis_cache(6379), redis_cache(6379)
    ours.set("page", "ours", 60)
    neighbour.set("page", "theirs", 60)
    assert ours.clear() is True
    assert ours.get("page") is None
    assert neighbour.get("page") == "theirs"
    neighbour.clear()


def test_clearing_treats_glob_characters_in_the_prefix_literally(live_redis):
    # Unescaped, "cache-test-*" would match every other test cache's keys too.
    wild = redis_cache(6379, KEY_PREFIX="cache-test-*")
    other = redis_cache(6379)
    other.set("page", "kept", 60)
    wild.set("page", "gone", 60)
    wild.clear()
    assert wild.get("page") is None
    assert other.get("page") == "kept"
    other.clear()
