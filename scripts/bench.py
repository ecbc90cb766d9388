"""Load-test the production stack and print the figures (``make bench``).

Builds a scratch PostgreSQL database of its own (careers_bench_<hex>, dropped at
the end) with the published content, starts gunicorn with production settings
on 127.0.0.1 (a free port in 8312-8399, or --port) against Redis db 4 under a
key prefix of its own,
and drives wrk (Debian package ``wrk``; nothing is installed here) at 16
connections against the health check, the catalogue, the role page and a tool
post. Requests carry ``X-Forwarded-Proto: https`` and ``Accept-Encoding``, as
they would arrive from a TLS-terminating load balancer in front of browsers.

Also measured: the role page's query count with a cold and a warm cache (in a
separate process with the same settings, through CaptureQueriesContext), and its
transfer size (HTML, CSS and JS, compressed as served).

Options: --duration SECONDS (default 10), --worker-class sync|gthread,
--workers N, --compare-workers (run the page endpoints under both worker
classes), --port N (listen there instead of a free port).
"""

import argparse
import gzip
import html.parser
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode, urljoin

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.prodserver import (  # noqa: E402
    ROOT,
    Server,
    database_name,
    drop_database,
    prepare_site,
)

ROLE_PATH = "/roles/ai-bias-mitigation-specialist/"
BASE_HEADERS = {
    "X-Forwarded-Proto": "https",
    "Accept-Encoding": "br, gzip",
    "Accept": "text/html,application/xhtml+xml",
}

GOALS = {
    "role_ratio": 0.5,
    "role_p99_ms": 50,
    "tool_p99_ms": 150,
    "warm_queries": 3,
    "transfer_kb": 60,
}

REPORT_LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d "
    .. "connect=%d read=%d write=%d status=%d timeout=%d\\n",
    summary.requests, summary.duration, latency:percentile(50),
    latency:percentile(99), e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def fetch(url, *, headers=None, data=None):
    request = urllib.request.Request(
        url, data=data, headers={**BASE_HEADERS, **(headers or {})}
    )
    try:
        return urllib.request.urlopen(request, timeout=10)
    except urllib.error.HTTPError as error:
        return error


class FormFinder(html.parser.HTMLParser):
    """Collects forms (action, method, fields) and the page's CSS and JS links."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self.assets = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                {
                    "action": attrs.get("action") or "",
                    "method": (attrs.get("method") or "get").lower(),
                    "fields": [],
                }
            )
        elif tag in {"input", "select", "textarea", "button"} and self.forms:
            if attrs.get("name"):
                self.forms[-1]["fields"].append((tag, attrs))
        elif tag == "link" and "stylesheet" in (attrs.get("rel") or ""):
            self.assets.append(attrs.get("href"))
        elif tag == "script" and attrs.get("src"):
            self.assets.append(attrs["src"])


def tool_form(page_html):
    """The first POST form on the role page that goes to a tool endpoint."""
    finder = FormFinder()
    finder.feed(page_html)
    for form in finder.forms:
        if form["method"] != "post" or not form["action"]:
            continue
        data = {}
        for tag, attrs in form["fields"]:
            name, kind = attrs["name"], (attrs.get("type") or "").lower()
            if tag == "button" or kind == "submit":
                data.setdefault(name, attrs.get("value", ""))
            elif kind in {"radio", "checkbox"}:
                data.setdefault(name, attrs.get("value", "on"))
            else:
                data.setdefault(name, attrs.get("value", ""))
        return form["action"], data
    return None, None


def wrk(url, *, duration, lua, connections=16, threads=2):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua + REPORT_LUA)
    try:
        args = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s"]
        args += ["--timeout", "5s", "-s", script.name, url]
        for name, value in BASE_HEADERS.items():
            args += ["-H", f"{name}: {value}"]
        output = subprocess.run(args, capture_output=True, text=True, check=True)
    finally:
        os.unlink(script.name)
    line = next(row for row in output.stdout.splitlines() if row.startswith("RESULT "))
    fields = dict(item.split("=") for item in line.split()[1:])
    values = {key: int(value) for key, value in fields.items()}
    errors = sum(
        values[key] for key in ("connect", "read", "write", "status", "timeout")
    )
    return {
        "rps": values["requests"] / (values["duration_us"] / 1e6),
        "p50_ms": values["p50_us"] / 1000,
        "p99_ms": values["p99_us"] / 1000,
        "errors": errors,
        "requests": values["requests"],
    }


def lua_string(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def tool_post_lua(base_url):
    """The tool form's action and a wrk script posting it with a valid CSRF pair.

    The cookie and the form's token come from the same page view. No session
    cookie is sent, so every request is a new candidate.
    """
    page = fetch(base_url + ROLE_PATH)
    action, fields = tool_form(read_body(page)[1].decode())
    if action is None:
        return None
    cookies = page.headers.get_all("Set-Cookie") or []
    csrf_cookie = next(
        (c.split(";")[0] for c in cookies if "csrftoken=" in c.split(";")[0]), None
    )
    if csrf_cookie is None:
        raise SystemExit("the role page set no CSRF cookie; cannot post a tool form")
    body = urlencode(fields)
    origin = base_url.replace("http://", "https://")
    return action, textwrap.dedent(
        f"""
        wrk.method = "POST"
        wrk.path = {lua_string(action)}
        wrk.body = {lua_string(body)}
        wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
        wrk.headers["Cookie"] = {lua_string(csrf_cookie)}
        wrk.headers["Origin"] = {lua_string(origin)}
        wrk.headers["Referer"] = {lua_string(origin + ROLE_PATH)}
        """
    )


def read_body(response):
    raw = response.read()
    if response.headers.get("Content-Encoding") == "gzip":
        return raw, gzip.decompress(raw)
    return raw, raw


def transfer_sizes(base_url):
    """Bytes on the wire for the role page's HTML, CSS and JS, as served."""
    response = fetch(base_url + ROLE_PATH)
    raw, html_bytes = read_body(response)
    sizes = {"html": (len(raw), response.headers.get("Content-Encoding", "identity"))}
    finder = FormFinder()
    finder.feed(html_bytes.decode())
    for href in finder.assets:
        asset = fetch(urljoin(base_url + ROLE_PATH, href))
        sizes[href] = (
            len(asset.read()),
            asset.headers.get("Content-Encoding", "identity"),
        )
    return sizes


QUERY_COUNT_SNIPPET = """
import json
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="127.0.0.1")
counts = []
for _ in range(3):
    with CaptureQueriesContext(connection) as ctx:
        status = client.get(%r).status_code
    counts.append((status, len(ctx.captured_queries)))
print("COUNTS", json.dumps(counts))
"""


def query_counts(env):
    """Queries for the role page: first view (cold cache), then two warm views.

    A fresh cache key prefix makes the first view cold; the process is new, so
    per-process caches (content types, templates) are cold too.
    """
    output = subprocess.run(
        [sys.executable, "-c", QUERY_COUNT_SNIPPET % ROLE_PATH],
        cwd=ROOT,
        env=dict(env, CACHE_KEY_PREFIX=f"bench-queries-{os.getpid()}"),
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(r for r in output.stdout.splitlines() if r.startswith("COUNTS"))
    return json.loads(line[len("COUNTS ") :])


def verdict(ok):
    return "ok  " if ok else "MISS"


def run_endpoints(server, duration, tool):
    targets = [
        ("/healthz", "/healthz", ""),
        ("catalogue /", "/", ""),
        ("role page", ROLE_PATH, ""),
    ]
    if tool is not None:
        targets.append(("tool post " + tool[0], tool[0], tool[1]))
    results = {}
    for label, path, lua in targets:
        url = server.base_url + path
        wrk(url, duration=min(3, duration), lua=lua)  # warm-up, discarded
        results[label] = wrk(url, duration=duration, lua=lua)
    return results


def print_table(title, results):
    print(f"\n{title}")
    print(f"{'endpoint':<44}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for label, r in results.items():
        print(
            f"{label:<44}{r['rps']:>9.0f}{r['p50_ms']:>9.1f}"
            f"{r['p99_ms']:>9.1f}{r['errors']:>8}"
        )


def _stop_on_term(signum, frame):
    # Turn a kill into an exception, so the server is stopped on the way out.
    raise SystemExit(128 + signum)


def main():
    signal.signal(signal.SIGTERM, _stop_on_term)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--worker-class", default="sync")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--compare-workers", action="store_true")
    parser.add_argument("--port", type=int, default=None)
    options = parser.parse_args()

    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    static_root = Path(tempfile.mkdtemp(prefix="careers-bench-static-"))
    log = open(static_root.parent / f"careers-bench-{os.getpid()}.log", "w")  # noqa: SIM115
    env = None
    try:
        print("preparing a scratch database and static files ...", flush=True)
        env = prepare_site("careers_bench", static_root, TOOL_RATE_LIMIT=10**9)
        workers = options.workers or (os.cpu_count() or 1) + 1
        classes = ["sync", "gthread"] if options.compare_workers else []
        classes = classes or [options.worker_class]
        figures = {}
        for worker_class in classes:
            server = Server(
                options.port, env, workers=workers, worker_class=worker_class, log=log
            )
            with server:
                page = fetch(server.base_url + ROLE_PATH)
                if page.status != 200:
                    raise SystemExit(f"role page answered {page.status}")
                tool = tool_post_lua(server.base_url)
                results = run_endpoints(server, options.duration, tool)
                print_table(
                    f"{worker_class} workers x{workers}, 16 connections", results
                )
                figures[worker_class] = results
                sizes = transfer_sizes(server.base_url)
        results = figures[classes[0]]
        counts = query_counts(env)
    finally:
        log.close()
        shutil.rmtree(static_root, ignore_errors=True)
        if env is not None:
            drop_database(database_name(env))

    health, role = results["/healthz"], results["role page"]
    tool_results = [r for label, r in results.items() if label.startswith("tool")]
    ratio = role["rps"] / health["rps"]
    print(f"\nrole page / healthz throughput: {ratio:.2f}")
    cold, warm = counts[0][1], counts[-1][1]
    print(f"role page queries: cold {cold}, warm {warm} (statuses {counts})")
    total = sum(size for size, _ in sizes.values())
    print("role page transfer (bytes on the wire):")
    for name, (size, encoding) in sizes.items():
        print(f"  {name:<60}{size:>8} {encoding}")
    print(f"  {'total':<60}{total:>8} ({total / 1024:.1f} KB)")

    print("\ngoals")
    checks = [
        (f"role page >= {GOALS['role_ratio']} x healthz", ratio >= GOALS["role_ratio"]),
        (
            f"role page p99 < {GOALS['role_p99_ms']} ms",
            role["p99_ms"] < GOALS["role_p99_ms"],
        ),
        ("role page 0 errors", role["errors"] == 0),
        (f"warm queries <= {GOALS['warm_queries']}", warm <= GOALS["warm_queries"]),
        (f"transfer < {GOALS['transfer_kb']} KB", total < GOALS["transfer_kb"] * 1024),
    ]
    if tool_results:
        tool_result = tool_results[0]
        checks += [
            (
                f"tool post p99 < {GOALS['tool_p99_ms']} ms",
                tool_result["p99_ms"] < GOALS["tool_p99_ms"],
            ),
            ("tool post 0 errors", tool_result["errors"] == 0),
        ]
    else:
        checks.append(("tool post measured (no tool form on the role page)", False))
    for label, ok in checks:
        print(f"  {verdict(ok)} {label}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
