"""The site under a database or Redis outage: quick, friendly answers, then recovery."""

import json
import time

import pytest

from scripts.prodserver import Server
from tests.config.conftest import ROLE_PATH, Relay, database_on_port, http

pytestmark = pytest.mark.timeout(120)


def timed(base_url, path):
    started = time.monotonic()
    reply = http(base_url, path)
    return reply, time.monotonic() - started


def test_health_check_names_the_database_when_it_is_unreachable(db_down_server):
    reply, seconds = timed(db_down_server.base_url, "/healthz")
    assert reply.status == 503
    assert json.loads(reply.body) == {
        "status": "unavailable",
        "checks": {"database": "unavailable", "cache": "ok"},
    }
    assert seconds < 1


def timed_with_session(base_url, path):
    # A returning visitor's session cookie makes the session middleware read
    # the database too.
    started = time.monotonic()
    reply = http(base_url, path, cookies={"__Host-sessionid": "x" * 32})
    return reply, time.monotonic() - started


@pytest.mark.parametrize(
    ("path", "fetch"),
    [
        (ROLE_PATH, timed),
        ("/", timed),
        (ROLE_PATH, timed_with_session),
        ("/admin/", timed_with_session),
    ],
)
def test_pages_answer_a_friendly_503_quickly_when_the_database_is_unreachable(
    db_down_server, path, fetch
):
    reply, seconds = fetch(db_down_server.base_url, path)
    assert reply.status == 503
    assert seconds < 1
    assert "Temporarily unavailable" in reply.text
    assert "Traceback" not in reply.text
    assert reply.headers["Retry-After"] == "30"
    assert "Content-Security-Policy" in reply.headers


def test_health_check_names_the_cache_when_redis_is_unreachable(redis_down_server):
    reply = http(redis_down_server.base_url, "/healthz")
    assert reply.status == 503
    assert json.loads(reply.body)["checks"] == {
        "database": "ok",
        "cache": "unavailable",
    }


def test_role_page_still_serves_when_redis_is_unreachable(redis_down_server):
    for _ in range(3):
        reply, seconds = timed(redis_down_server.base_url, ROLE_PATH)
        assert reply.status == 200
        assert "<h1" in reply.text
        assert seconds < 2


def test_site_recovers_by_itself_when_the_database_returns(prod_site):
    relay = Relay(5432)
    relay.open()
    env = dict(prod_site, DATABASE_URL=database_on_port(prod_site, relay.port))
    with Server(None, env, workers=1) as server:
        assert http(server.base_url, ROLE_PATH).status == 200  # holds a connection

        relay.cut()
        for path in (ROLE_PATH, "/healthz"):
            reply, seconds = timed(server.base_url, path)
            assert reply.status == 503, path
            assert seconds < 1

        relay.open()
        assert http(server.base_url, "/healthz").status == 200
        assert http(server.base_url, ROLE_PATH).status == 200
    relay.cut()
