"""Lighthouse scores of the role page as production serves it (``make lighthouse``).

Needs Node (npm) and Debian's Chromium (``apt-get install -y chromium``).
Lighthouse itself is installed on first use into var/lighthouse (ignored by git),
pinned to one version. The site is served as the load test serves it: gunicorn
with production settings on 127.0.0.1 (a free port in 8312-8399), a scratch
PostgreSQL database of its own (careers_lighthouse_<hex>, dropped at the end),
Redis db 4 under a key prefix of its own; page requests carry ``X-Forwarded-Proto: https`` as they would
behind the TLS-terminating load balancer, and the HTTP-to-HTTPS redirect is off
(there is no TLS to redirect to here).

Prints the four category scores (mobile preset, Lighthouse's default) and every
audit that did not pass. Exits non-zero when a score is below 100.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.prodserver import (  # noqa: E402
    ROOT,
    Server,
    database_name,
    drop_database,
    prepare_site,
)

LIGHTHOUSE_VERSION = "12.2.3"
INSTALL_DIR = ROOT / "var" / "lighthouse"
BINARY = INSTALL_DIR / "node_modules" / ".bin" / "lighthouse"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
ROLE_PATH = "/roles/ai-bias-mitigation-specialist/"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def install():
    if shutil.which("npm") is None:
        raise SystemExit("npm is missing: install Node 20 or newer")
    if not Path(CHROME_PATH).exists():
        raise SystemExit(
            f"{CHROME_PATH} is missing: apt-get update && apt-get install -y chromium"
        )
    installed = INSTALL_DIR / "node_modules" / "lighthouse" / "package.json"
    if (
        installed.exists()
        and json.loads(installed.read_text())["version"] == LIGHTHOUSE_VERSION
    ):
        return
    INSTALL_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "npm",
            "install",
            "--no-save",
            "--no-audit",
            "--no-fund",
            "--prefix",
            str(INSTALL_DIR),
            f"lighthouse@{LIGHTHOUSE_VERSION}",
        ],
        check=True,
    )


def failing_audits(report):
    """(category, audit id, title, display value) of every audit that did not pass."""
    failures = []
    for category_id in CATEGORIES:
        for ref in report["categories"][category_id]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if audit["scoreDisplayMode"] in {"notApplicable", "informative", "manual"}:
                continue
            if audit["scoreDisplayMode"] == "error":
                failures.append(
                    (
                        category_id,
                        ref["id"],
                        audit["title"],
                        audit["errorMessage"],
                        None,
                    )
                )
            elif audit["score"] is not None and audit["score"] < 1:
                failures.append(
                    (
                        category_id,
                        ref["id"],
                        audit["title"],
                        audit.get("displayValue", ""),
                        audit["score"],
                    )
                )
    return failures


ATTEMPTS = 3


def _stop_on_term(signum, frame):
    raise SystemExit(128 + signum)


def main():
    signal.signal(signal.SIGTERM, _stop_on_term)
    install()
    static_root = Path(tempfile.mkdtemp(prefix="careers-lighthouse-static-"))
    report_path = static_root.parent / f"careers-lighthouse-{os.getpid()}.json"
    env = None
    try:
        print("preparing a scratch database and static files ...", flush=True)
        # Chrome's own fetches (robots.txt) cannot carry the extra header, and
        # there is no TLS here; behind the real load balancer nothing redirects.
        env = prepare_site(
            "careers_lighthouse", static_root, DJANGO_SSL_REDIRECT="false"
        )
        with Server(None, env) as server:
            # Lighthouse 12.2.3 sometimes fails to record the trace of Debian's
            # newer Chromium (NO_NAVSTART); such a run is repeated, up to 3 times.
            for attempt in range(1, ATTEMPTS + 1):
                result = subprocess.run(
                    [
                        str(BINARY),
                        server.base_url + ROLE_PATH,
                        "--quiet",
                        "--output=json",
                        f"--output-path={report_path}",
                        f"--chrome-flags={CHROME_FLAGS}",
                        "--extra-headers",
                        json.dumps({"X-Forwarded-Proto": "https"}),
                        f"--only-categories={','.join(CATEGORIES)}",
                    ],
                    env=dict(os.environ, CHROME_PATH=CHROME_PATH),
                    timeout=300,
                    capture_output=True,
                    text=True,
                )
                if result.returncode == 0:
                    break
                print(
                    f"Lighthouse run {attempt} failed: {result.stderr.strip()[-300:]}"
                )
            else:
                raise SystemExit(f"Lighthouse failed {ATTEMPTS} times in a row.")
        report = json.loads(report_path.read_text())
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
        report_path.unlink(missing_ok=True)
        if env is not None:
            drop_database(database_name(env))

    print(f"\nLighthouse {report['lighthouseVersion']}, {report['finalDisplayedUrl']}")
    scores = {}
    for category_id in CATEGORIES:
        category = report["categories"][category_id]
        # A category has no score when one of its audits could not run.
        score = category["score"]
        scores[category_id] = None if score is None else round(score * 100)
        shown = "n/a (an audit failed to run)" if score is None else scores[category_id]
        print(f"  {category['title']:<16}{shown:>4}")
    failures = failing_audits(report)
    if failures:
        print("\naudits that did not pass:")
        for category_id, audit_id, title, value, score in failures:
            print(f"  [{category_id}] {audit_id}: {title} {value} (score {score})")
    return 0 if all(score == 100 for score in scores.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
