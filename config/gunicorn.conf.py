"""gunicorn settings for production (``make serve``); every value from the environment.

GUNICORN_BIND     address to listen on (default 127.0.0.1:8001, beside the
                  development server's 8000; the load balancer or reverse proxy
                  in front terminates TLS)
WEB_CONCURRENCY   worker processes (default cores + 1). A request here is mostly
                  CPU work with short database and cache round trips, so more
                  processes than cores only queue behind each other: on a
                  two-core machine, 3 workers gave the role page a p99 of about
                  24 ms where 5 gave about 100 ms (make bench, same run
                  conditions). Raise it where requests wait on a slower network.
GUNICORN_WORKER_CLASS  "sync" (default) or "gthread". Compared with
                  ``make bench --compare-workers`` on a busy two-core machine,
                  neither was clearly faster (gthread slightly ahead, within
                  the run-to-run noise); sync stays the default as the simpler
                  one. Measure again on the production hardware.
GUNICORN_THREADS  threads per worker, used only with GUNICORN_WORKER_CLASS=gthread
                  (default 4). With "sync" it is ignored: gunicorn would otherwise
                  switch a sync worker with threads > 1 to gthread by itself.
GUNICORN_TIMEOUT  seconds before a stuck worker is killed and replaced (default 30)
GUNICORN_LOG_LEVEL  gunicorn's own log level (default info)
GUNICORN_CONTROL_SOCKET  path of gunicorn's control socket (off when unset)
"""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
# gunicorn quietly runs a "sync" worker with threads > 1 as gthread, so the
# thread count is applied only when gthread was asked for.
threads = int(os.environ.get("GUNICORN_THREADS", 4)) if worker_class == "gthread" else 1
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so slow leaks cannot grow without bound; jitter
# keeps them from all restarting at once.
max_requests = 5000
max_requests_jitter = 500

# The app writes one structured line per request itself (config.middleware);
# gunicorn's own access log would duplicate it, and would include query strings.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# Requests arrive from the proxy; gunicorn's own header trust is not used:
# Django decides what X-Forwarded-* to believe (SECURE_PROXY_SSL_HEADER,
# TRUSTED_PROXY_COUNT).
forwarded_allow_ips = ""

# gunicorn's runtime control socket defaults to one fixed path per user, which
# several instances on one machine would fight over; it is off unless a path is
# given in GUNICORN_CONTROL_SOCKET.
control_socket_disable = not os.environ.get("GUNICORN_CONTROL_SOCKET")
if not control_socket_disable:
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]

# Bound what a single request may send before Django sees it.
limit_request_line = 4094
limit_request_fields = 60
limit_request_field_size = 8190
