"""Start the site as production runs it: gunicorn, DEBUG off, PostgreSQL, Redis.

Shared by the load test (scripts/bench.py), the Lighthouse driver and the tests
that check real responses of a production-configured server. Everything listens
on 127.0.0.1 only.
"""

import os
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


def reachable(port, host="127.0.0.1", timeout=0.5):
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


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
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=check,
        capture_output=True,
        text=True,
    )


def recreate_database(name):
    """Drop and create ``name`` (only databases this project owns for testing)."""
    import psycopg

    with psycopg.connect(f"{PG_ADMIN_URL}/postgres", autocommit=True) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        )
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def prepare_site(database, static_root):
    """A fresh database with the published content, and collected static files."""
    recreate_database(database)
    env = production_env(database=database, static_root=static_root)
    manage(env, "migrate", "--noinput")
    manage(env, "loaddata", str(FIXTURE))
    manage(env, "collectstatic", "--noinput")
    return env


class Server:
    """A gunicorn process on 127.0.0.1:``port``; use as a context manager."""

    def __init__(self, port, env, *, workers=2, worker_class="sync", log=None):
        self.port = port
        self.env = dict(
            env,
            GUNICORN_BIND=f"127.0.0.1:{port}",
            WEB_CONCURRENCY=str(workers),
            GUNICORN_WORKER_CLASS=worker_class,
        )
        self.log = log
        self.process = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout=20):
        if reachable(self.port):
            raise RuntimeError(f"port {self.port} is already in use")
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "--config", "config/gunicorn.conf.py"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log or subprocess.DEVNULL,
            stderr=self.log or subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}")
            try:
                urllib.request.urlopen(f"{self.base_url}/healthz", timeout=2)
                return self
            except urllib.error.HTTPError:
                return self  # it answers; health is for the caller to judge
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer on port {self.port}")

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


def scratch_static_root():
    path = Path(tempfile.mkdtemp(prefix="careers-static-"))
    return path, lambda: shutil.rmtree(path, ignore_errors=True)
