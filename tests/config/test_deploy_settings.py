"""Production settings: Django's deploy checks pass, and weak setups refuse to start."""

import secrets
import subprocess
import sys

import pytest

from scripts.prodserver import ROOT, free_port

pytestmark = pytest.mark.timeout(60)


def production(**overrides):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "careers.example.com",
    }
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_deploy_check_passes_with_nothing_silenced():
    result = manage(production(), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"DJANGO_SECRET_KEY": None}, "DJANGO_SECRET_KEY is required"),
        ({"DJANGO_SECRET_KEY": "short-key"}, "DJANGO_SECRET_KEY is too weak"),
        (
            {"DJANGO_SECRET_KEY": "django-insecure-" + "x" * 60},
            "DJANGO_SECRET_KEY is too weak",
        ),
        ({"DJANGO_ALLOWED_HOSTS": None}, "DJANGO_ALLOWED_HOSTS is required"),
        ({"DJANGO_DEBUG": "maybe"}, "DJANGO_DEBUG must be true or false"),
    ],
)
def test_production_refuses_to_start_when_misconfigured(overrides, message):
    result = manage(production(**overrides), "check")
    assert result.returncode != 0
    assert message in result.stderr


def test_gunicorn_refuses_to_start_without_a_secret_key():
    env = production(DJANGO_SECRET_KEY=None, GUNICORN_BIND=f"127.0.0.1:{free_port()}")
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--config", "config/gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in result.stderr
