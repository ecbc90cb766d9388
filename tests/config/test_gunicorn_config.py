"""The gunicorn settings mean what their environment variables say."""

import runpy

import pytest
from gunicorn.config import Config
from gunicorn.workers.gthread import ThreadWorker
from gunicorn.workers.sync import SyncWorker

from scripts.prodserver import ROOT

CONFIG_FILE = ROOT / "config" / "gunicorn.conf.py"
VARIABLES = [
    "GUNICORN_BIND",
    "WEB_CONCURRENCY",
    "GUNICORN_WORKER_CLASS",
    "GUNICORN_THREADS",
    "GUNICORN_TIMEOUT",
    "GUNICORN_CONTROL_SOCKET",
]


def gunicorn_config(monkeypatch, **environment):
    """gunicorn's own view of the config file under ``environment``."""
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    values = runpy.run_path(str(CONFIG_FILE))
    config = Config()
    for name, value in values.items():
        if name in config.settings:
            config.set(name, value)
    return config


@pytest.mark.parametrize("threads", [None, "4", "8"])
def test_the_sync_worker_class_really_runs_sync_workers(monkeypatch, threads):
    environment = {"GUNICORN_WORKER_CLASS": "sync"}
    if threads is not None:
        environment["GUNICORN_THREADS"] = threads
    config = gunicorn_config(monkeypatch, **environment)
    assert config.worker_class is SyncWorker
    assert config.threads == 1


def test_the_default_worker_class_is_sync(monkeypatch):
    assert gunicorn_config(monkeypatch).worker_class is SyncWorker


def test_gthread_workers_get_the_threads_asked_for(monkeypatch):
    config = gunicorn_config(
        monkeypatch, GUNICORN_WORKER_CLASS="gthread", GUNICORN_THREADS="6"
    )
    assert config.worker_class is ThreadWorker
    assert config.threads == 6


def test_gunicorn_listens_beside_the_development_server_by_default(monkeypatch):
    assert gunicorn_config(monkeypatch).bind == ["127.0.0.1:8001"]
    chosen = gunicorn_config(monkeypatch, GUNICORN_BIND="127.0.0.1:9123")
    assert chosen.bind == ["127.0.0.1:9123"]
