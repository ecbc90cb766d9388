"""Production-configured servers for the tests in this package.

Each server is gunicorn with DEBUG off, PostgreSQL and Redis db 4, listening on
127.0.0.1 only. These tests need PostgreSQL and Redis running locally; without
them they are skipped, unless REQUIRE_SERVICE_TESTS is set (as CI does), where
their absence is a failure.

Runs never share anything: each creates its own database (careers_prod_<hex>,
built from the published fixture and dropped at the end of the run), keeps its
cache keys under a prefix of its own, and finds free ports when it starts.
"""

import contextlib
import os
import socket
import threading
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

import pytest

from scripts.prodserver import (
    ClosedPort,
    Server,
    database_name,
    drop_database,
    free_port,
    manage,
    prepare_site,
    reachable,
    scratch_static_root,
)

SEED_SLUG = "ai-bias-mitigation-specialist"
ROLE_PATH = f"/roles/{SEED_SLUG}/"
EDITOR = ("editor", "a-long-editor-password-for-tests")


def require_services():
    missing = [
        name
        for name, port in (("PostgreSQL", 5432), ("Redis", 6379))
        if not reachable(port)
    ]
    if missing:
        message = f"{' and '.join(missing)} not running on 127.0.0.1"
        if os.environ.get("REQUIRE_SERVICE_TESTS"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def closed_port():
    """A port on 127.0.0.1 that refuses connections: an unreachable service."""
    port = ClosedPort()
    yield port.port
    port.close()


@pytest.fixture(scope="session")
def prod_site():
    """Environment of a production deploy with its own migrated, loaded database."""
    require_services()
    static_root, cleanup = scratch_static_root()
    try:
        env = prepare_site("careers_prod", static_root)
        try:
            manage(
                dict(
                    env,
                    DJANGO_SUPERUSER_USERNAME=EDITOR[0],
                    DJANGO_SUPERUSER_PASSWORD=EDITOR[1],
                    DJANGO_SUPERUSER_EMAIL="editor@example.com",
                ),
                "createsuperuser",
                "--noinput",
            )
            yield env
        finally:
            # Every server using it depends on this fixture, so has stopped.
            drop_database(database_name(env))
    finally:
        cleanup()


def database_on_port(env, port):
    """The env's DATABASE_URL, reached through 127.0.0.1:``port`` instead."""
    return f"postgres://postgres@127.0.0.1:{port}/{database_name(env)}"


def _server(env, port=None, **overrides):
    server = Server(
        port, {**env, **{k: str(v) for k, v in overrides.items()}}, workers=2
    )
    server.start()
    return server


@pytest.fixture(scope="session")
def prod_server(prod_site):
    server = _server(prod_site)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def db_down_server(prod_site, closed_port):
    server = _server(prod_site, DATABASE_URL=database_on_port(prod_site, closed_port))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_down_server(prod_site, closed_port):
    server = _server(prod_site, REDIS_URL=f"redis://127.0.0.1:{closed_port}/4")
    yield server
    server.stop()


# --- HTTP without redirects, as a browser behind a TLS load balancer -----------


@dataclass
class Reply:
    status: int
    headers: object
    body: bytes
    cookies: dict = field(default_factory=dict)

    @property
    def text(self):
        return self.body.decode()

    def set_cookie(self, name):
        """The raw Set-Cookie header for ``name``, or None."""
        for header in self.headers.get_all("Set-Cookie") or []:
            if header.split("=", 1)[0] == name:
                return header
        return None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def http(base_url, path, *, data=None, headers=None, https=True, cookies=None):
    all_headers = {"X-Forwarded-Proto": "https"} if https else {}
    all_headers.update(headers or {})
    if cookies:
        all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    body = None
    if data is not None:
        body = urllib.parse.urlencode(data, doseq=True).encode()
        all_headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        all_headers.setdefault("Origin", base_url.replace("http://", "https://"))
    request = urllib.request.Request(base_url + path, data=body, headers=all_headers)
    try:
        response = _opener.open(request, timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    reply = Reply(response.status, response.headers, response.read())
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        reply.cookies[name] = rest.split(";", 1)[0]
    return reply


class Browser:
    """Keeps cookies between requests to one server."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.cookies = {}

    def request(self, path, **kwargs):
        reply = http(self.base_url, path, cookies=self.cookies, **kwargs)
        self.cookies.update(reply.cookies)
        return reply

    def csrf_token(self, reply):
        marker = 'name="csrfmiddlewaretoken" value="'
        start = reply.text.index(marker) + len(marker)
        return reply.text[start : reply.text.index('"', start)]

    def log_in(self, username, password):
        page = self.request("/admin/login/")
        return self.request(
            "/admin/login/?next=/admin/",
            data={
                "csrfmiddlewaretoken": self.csrf_token(page),
                "username": username,
                "password": password,
                "next": "/admin/",
            },
        )


# --- A TCP relay that can be cut and restored, standing in for a database outage


class Relay:
    """Forwards 127.0.0.1:``port`` to 127.0.0.1:``target``; ``cut()`` drops it all.

    Without ``port``, a free one is found.
    """

    def __init__(self, target, port=None):
        self.port, self.target = port or free_port(), target
        self.listener = None
        self.sockets = []
        self.lock = threading.Lock()

    def open(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target))
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def cut(self):
        """Refuse new connections and break the open ones, as a dead server would."""
        # shutdown() wakes the thread blocked in accept(); close() alone would not.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        with self.lock:
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self.sockets = []
