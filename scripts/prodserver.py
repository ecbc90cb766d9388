"""Start the site as production runs it: gunicorn, DEBUG off, PostgreSQL, Redis.

Shared by the load test (scripts/bench.py), the Lighthouse driver and the tests
that check real responses of a production-configured server. Everything listens
on 127.0.0.1 only.

Nothing here is shared with another run: each run creates its own PostgreSQL
database under a random name (and drops only that one), uses a cache key prefix
of its own in Redis, and finds free ports in PORTS when it starts.
"""

import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432"
FIXTURE = ROOT / "fixtures" / "roles.json"
PORTS = range(8312, 8400)


def reachable(port, host="127.0.0.1", timeout=0.5):
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def free_port(ports=PORTS):
    """A port in ``ports`` that nothing listens on and that can be bound now.

    Another process may take it before the caller binds it; Server.start tries
    again with another port when that happens.
    """
    candidates = list(ports)
    random.shuffle(candidates)
    for port in candidates:
        if reachable(port, timeout=0.1):
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    raise RuntimeError(f"no free port in {ports.start}-{ports.stop - 1}")


class ClosedPort:
    """A port that refuses connections for as long as this object is open.

    The port is bound but never listened on, so connecting is refused, and no
    other process can start listening there meanwhile.
    """

    def __init__(self, ports=PORTS):
        candidates = list(ports)
        random.shuffle(candidates)
        for port in candidates:
            sock = socket.socket()
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                sock.close()
                continue
            self.port, self._socket = port, sock
            return
        raise RuntimeError(f"no free port in {ports.start}-{ports.stop - 1}")

    def close(self):
        self._socket.close()


def production_env(*, database, redis_db=4, static_root, **overrides):
    """Environment for a production-configured process against ``database``."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "GUNICORN_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"{PG_ADMIN_URL}/{database}",
        REDIS_URL=f"redis://127.0.0.1:6379/{redis_db}",
        CACHE_KEY_PREFIX=f"careers-{secrets.token_hex(4)}",
        DJANGO_STATIC_ROOT=str(static_root),
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def manage(env, *args, check=True):
    """Run ``manage.py``; on failure the error carries the command's own output."""
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check and result.returncode != 0:
        raise RuntimeError(
            f"manage.py {' '.join(args)} exited with {result.returncode}:\n"
            f"{result.stderr or result.stdout}"
        )
    return result


_DATABASE_NAME = re.compile(r"[a-z][a-z0-9_]{0,62}")


def create_database(prefix):
    """Create and return a new database named ``<prefix>_<random hex>``."""
    import psycopg

    name = f"{prefix}_{secrets.token_hex(6)}"
    if not _DATABASE_NAME.fullmatch(name):
        raise ValueError(f"not a plain database name: {name!r}")
    with psycopg.connect(f"{PG_ADMIN_URL}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return name


def drop_database(name):
    """Drop ``name``, a database this run made with create_database.

    Connections still open to it (a server killed mid-request) are ended by
    PostgreSQL's FORCE option; they can only belong to this run.
    """
    import psycopg

    if not _DATABASE_NAME.fullmatch(name):
        raise ValueError(f"not a plain database name: {name!r}")
    with psycopg.connect(f"{PG_ADMIN_URL}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def database_name(env):
    return env["DATABASE_URL"].rsplit("/", 1)[1]


def prepare_site(prefix, static_root, **overrides):
    """A new database with the published content, and collected static files.

    Returns the production environment pointing at it. The caller drops the
    database with ``drop_database(database_name(env))`` when done; if preparing
    fails, it is dropped here.
    """
    database = create_database(prefix)
    try:
        env = production_env(database=database, static_root=static_root, **overrides)
        manage(env, "migrate", "--noinput")
        manage(env, "loaddata", str(FIXTURE))
        manage(env, "collectstatic", "--noinput")
    except BaseException:
        drop_database(database)
        raise
    return env


class Server:
    """A gunicorn process on 127.0.0.1; use as a context manager.

    With ``port`` None a free port in PORTS is found when it starts (and another
    one tried if that port is taken meanwhile); a given port is used as is.
    """

    def __init__(self, port, env, *, workers=2, worker_class="sync", log=None):
        self.port = port
        self.fixed_port = port is not None
        self.env = dict(
            env, WEB_CONCURRENCY=str(workers), GUNICORN_WORKER_CLASS=worker_class
        )
        self.log = log
        self.process = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout=20):
        attempts = 1 if self.fixed_port else 3
        for attempt in range(attempts):
            if not self.fixed_port:
                self.port = free_port()
            elif reachable(self.port):
                raise RuntimeError(f"port {self.port} is already in use")
            try:
                return self._start(timeout)
            except _PortTaken:
                if attempt == attempts - 1:
                    raise RuntimeError(
                        f"gunicorn could not bind port {self.port}"
                    ) from None

    def _start(self, timeout):
        # Without a log of the caller's, gunicorn's output goes to a scratch
        # file, read back to explain a failed start; closed here once started.
        own_log = self.log is None
        log = tempfile.TemporaryFile("w+") if own_log else self.log  # noqa: SIM115
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "--config", "config/gunicorn.conf.py"],
            cwd=ROOT,
            env=dict(self.env, GUNICORN_BIND=f"127.0.0.1:{self.port}"),
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    output = _read_back(log) if own_log else ""
                    if "Address already in use" in output:
                        raise _PortTaken
                    raise RuntimeError(
                        f"gunicorn exited with {self.process.returncode}:\n{output}"
                    )
                try:
                    urllib.request.urlopen(f"{self.base_url}/healthz", timeout=2)
                    return self
                except urllib.error.HTTPError:
                    return self  # it answers; health is for the caller to judge
                except OSError:
                    time.sleep(0.1)
            self.stop()
            output = _read_back(log) if own_log else ""
            raise RuntimeError(
                f"gunicorn did not answer on port {self.port}:\n{output}"
            )
        finally:
            if own_log:
                log.close()

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


class _PortTaken(Exception):
    pass


def _read_back(log):
    log.flush()
    log.seek(0)
    return log.read()[-4000:]


def scratch_static_root():
    path = Path(tempfile.mkdtemp(prefix="careers-static-"))
    return path, lambda: shutil.rmtree(path, ignore_errors=True)
