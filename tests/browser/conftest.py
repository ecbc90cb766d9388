"""A live site and a real Chromium for the browser tests.

The site runs as production runs it (gunicorn, DEBUG off, hashed static files
served by WhiteNoise) in a subprocess on 127.0.0.1, against a scratch SQLite
database that is migrated and loaded from the published fixture once per run.
Plain http, so cookies are not marked Secure (``DJANGO_SECURE=false``). With
Redis reachable on 127.0.0.1:6379 the server runs two workers sharing Redis
db 5, as a deploy shares its cache; without it, one threaded worker keeps the
in-process cache consistent.

The browser tests never touch the test process's database: the server owns its
own, so pytest-django's db fixtures are not used here.

Without Chromium at /usr/bin/chromium every browser test is skipped with the
reason, unless ``REQUIRE_BROWSER_TESTS=1`` (set by CI), where it is a failure.
"""

import json
import os
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
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MISSING_CHROMIUM = f"Chromium not installed at {CHROMIUM}; apt-get install chromium"
PORTS = range(8401, 8410)
REDIS_PORT = 6379
REDIS_DB = 5
FIXTURE = ROOT / "fixtures" / "roles.json"
SEED_SLUG = "ai-bias-mitigation-specialist"
ROLE_PATH = f"/roles/{SEED_SLUG}/"
SCREENSHOTS = ROOT / "var" / "screenshots"


def browser_required():
    return os.environ.get("REQUIRE_BROWSER_TESTS", "") == "1"


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM) or browser_required():
        return
    skip = pytest.mark.skip(reason=MISSING_CHROMIUM)
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


def _listening(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def _free_port():
    for port in PORTS:
        if _listening(port):
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    raise RuntimeError(f"no free port in {PORTS.start}-{PORTS.stop - 1}")


def _server_env(workdir, port, *, tool_rate_limit="1000000"):
    # Nothing of the test run's own configuration (a PostgreSQL DATABASE_URL, a
    # Redis db of another suite) may leak into the server.
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "GUNICORN_"))
        and key not in {"SQLITE_PATH", "TOOL_RATE_LIMIT", "CACHE_KEY_PREFIX"}
    }
    shared_cache = _listening(REDIS_PORT)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECURE="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        SQLITE_PATH=str(workdir / "site.sqlite3"),
        DJANGO_STATIC_ROOT=str(workdir / "static"),
        # Every walk posts from the same address, faster than any person would.
        TOOL_RATE_LIMIT=tool_rate_limit,
        GUNICORN_BIND=f"127.0.0.1:{port}",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    if shared_cache:
        env.update(
            REDIS_URL=f"redis://127.0.0.1:{REDIS_PORT}/{REDIS_DB}",
            CACHE_KEY_PREFIX=f"browser-{secrets.token_hex(4)}",
            WEB_CONCURRENCY="2",
            GUNICORN_WORKER_CLASS="sync",
        )
    else:
        env.update(
            WEB_CONCURRENCY="1", GUNICORN_WORKER_CLASS="gthread", GUNICORN_THREADS="4"
        )
    return env


def _manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")


@dataclass
class LiveSite:
    base_url: str
    log_path: Path

    def url(self, path):
        return f"{self.base_url}{path}"

    def log_tail(self, lines=40):
        text = self.log_path.read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:])


@contextmanager
def _running_site(**env_options):
    workdir = Path(tempfile.mkdtemp(prefix="careers-browser-"))
    port = _free_port()
    env = _server_env(workdir, port, **env_options)
    _manage(env, "migrate", "--noinput")
    _manage(env, "loaddata", str(FIXTURE))
    _manage(env, "collectstatic", "--noinput")
    log_path = workdir / "server.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "config/gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
    site = LiveSite(base_url=f"http://127.0.0.1:{port}", log_path=log_path)
    try:
        _wait_until_answering(site, process)
        yield site
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="package")
def live_site():
    """The site on 127.0.0.1, production settings, the seed role loaded."""
    with _running_site() as site:
        yield site


THROTTLED_RATE_LIMIT = 3


@pytest.fixture(scope="module")
def throttled_site():
    """A second live site whose tools take only a few posts a minute."""
    with _running_site(tool_rate_limit=str(THROTTLED_RATE_LIMIT)) as site:
        yield site


def _wait_until_answering(site, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"the server exited with {process.returncode}:\n{site.log_tail()}"
            )
        try:
            with urllib.request.urlopen(site.url("/healthz"), timeout=2) as reply:
                if reply.status == 200:
                    return
        except (OSError, urllib.error.HTTPError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer in {timeout}s:\n{site.log_tail()}")


@pytest.fixture(scope="package")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"REQUIRE_BROWSER_TESTS is set: {MISSING_CHROMIUM}")
    from playwright.sync_api import sync_playwright

    # Package scope: Playwright's driver is stopped once the browser tests are
    # done, before test packages that use the database run.
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


# Reports each Content-Security-Policy violation to the test through a binding
# Playwright exposes; Playwright injects this, so it is not an inline script of
# the page and the page's own policy does not apply to it.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile || document.location.href}:${event.lineNumber}`
  );
});
"""


@dataclass
class Visit:
    """One person's browser: a fresh context, so a fresh candidate."""

    context: object
    page: object
    site: LiveSite
    javascript: bool
    problems: list = field(default_factory=list)
    expected: list = field(default_factory=list)

    def open(self, path, **kwargs):
        return self.page.goto(self.site.url(path), **kwargs)

    def expect_problem(self, pattern):
        """A report the test causes on purpose (the 404 page's own status)."""
        self.expected.append(re.compile(pattern))

    def unexpected_problems(self):
        return [
            problem
            for problem in self.problems
            if not any(pattern.search(problem) for pattern in self.expected)
        ]


def start_visit(browser, site, *, javascript, viewport=None):
    context = browser.new_context(
        java_script_enabled=javascript,
        base_url=site.base_url,
        viewport=viewport or {"width": 1280, "height": 900},
    )
    context.set_default_timeout(10_000)
    context.set_default_navigation_timeout(15_000)
    visit = Visit(context=context, page=None, site=site, javascript=javascript)
    context.expose_function(
        "reportCspViolation", lambda text: visit.problems.append(f"CSP: {text}")
    )
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    page.on(
        "console",
        lambda message: (
            visit.problems.append(f"console {message.type}: {message.text}")
            if message.type in {"error", "warning"}
            else None
        ),
    )
    page.on("pageerror", lambda error: visit.problems.append(f"page error: {error}"))
    visit.page = page
    return visit


@pytest.fixture
def new_visit(browser, live_site):
    """Opens fresh browser contexts; after the test, none saw an error or violation.

    Console warnings count too: Chromium reports CSP refusals and blocked
    resources there, also when JavaScript is off.
    """
    visits = []

    def open_visit(*, javascript=True, viewport=None):
        visit = start_visit(
            browser, live_site, javascript=javascript, viewport=viewport
        )
        visits.append(visit)
        return visit

    yield open_visit
    problems = [problem for visit in visits for problem in visit.unexpected_problems()]
    for visit in visits:
        visit.context.close()
    assert problems == [], "the browser reported problems:\n" + "\n".join(problems)


@pytest.fixture(params=[True, False], ids=["js-on", "js-off"])
def visit(request, new_visit):
    """A fresh visitor, once with JavaScript on and once with it off."""
    return new_visit(javascript=request.param)


@pytest.fixture(scope="package")
def seed():
    """The seed role's tool content, read from the published fixture.

    The tests compare what the browser shows with the content the site was
    loaded with, so they hold when editors change the fixture.
    """
    return SeedContent.load(FIXTURE)


@dataclass
class SeedContent:
    role_title: str
    criteria: list
    choices: list
    verdict_bands: list
    skills: list
    backgrounds: list
    questions: list
    quiz_bands: list

    @classmethod
    def load(cls, path):
        rows = json.loads(Path(path).read_text())

        def of(model):
            found = [row["fields"] for row in rows if row["model"] == model]
            return sorted(found, key=lambda fields: fields.get("position", 0))

        tasks = of("assessments.sprinttask")
        phases = of("assessments.sprintphase")
        backgrounds = []
        for background in of("assessments.sprintbackground"):
            own_phases = [
                dict(
                    phase,
                    tasks=[t for t in tasks if t["phase"] == [phase["uid"]]],
                )
                for phase in phases
                if phase["background"] == [background["uid"]]
            ]
            backgrounds.append(dict(background, phases=own_phases))
        choices = of("assessments.quizchoice")
        questions = [
            dict(
                question,
                choices=[c for c in choices if c["question"] == [question["uid"]]],
            )
            for question in of("assessments.quizquestion")
        ]
        return cls(
            role_title=of("roles.role")[0]["title"],
            criteria=of("assessments.criterion"),
            choices=["Strength", "In progress", "Gap"],
            verdict_bands=of("assessments.verdictband"),
            skills=of("roles.skill"),
            backgrounds=backgrounds,
            questions=questions,
            quiz_bands=of("assessments.quizresultband"),
        )

    def verdict_for(self, percent):
        reached = [b for b in self.verdict_bands if b["min_percent"] <= percent]
        return max(reached, key=lambda band: band["min_percent"])

    def quiz_band_for(self, score):
        reached = [b for b in self.quiz_bands if b["min_score"] <= score]
        return max(reached, key=lambda band: band["min_score"])


@pytest.fixture(scope="package")
def screenshots_dir():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
