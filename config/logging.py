"""Log formatting: one line per event, tagged with the request id.

The request id is held in a context variable set by RequestLogMiddleware and
stamped on every log record when it is created, so every line logged while a
request is handled (tracebacks included) carries it, whichever handler writes it.
"""

import contextvars
import json
import logging

request_id_var = contextvars.ContextVar("request_id", default="-")


def _install_record_factory():
    previous = logging.getLogRecordFactory()
    if getattr(previous, "stamps_request_id", False):
        return

    def factory(*args, **kwargs):
        record = previous(*args, **kwargs)
        record.request_id = request_id_var.get()
        return record

    factory.stamps_request_id = True
    logging.setLogRecordFactory(factory)


_install_record_factory()


def loggable_path(request):
    """The request path with any secret URL parameter replaced by its name.

    A candidate's private link carries their token in the path; any URL
    parameter whose name contains "token" is written as ``<token>`` instead.
    Query strings are never part of ``request.path``.
    """
    path = request.path
    match = getattr(request, "resolver_match", None)
    if match is not None:
        for name, value in match.kwargs.items():
            if "token" in name and isinstance(value, str) and value:
                path = path.replace(value, f"<{name}>")
    return path[:200]


class RequestIdFilter(logging.Filter):
    """Tags records with the request id and keeps secrets out of Django's lines.

    Django's own request loggers put the raw path in their message
    ("Not Found: /path"); it is replaced by the loggable path.
    """

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        request = getattr(record, "request", None)
        if request is not None and isinstance(record.args, tuple):
            raw = getattr(request, "path", None)
            record.args = tuple(
                loggable_path(request) if arg == raw else arg for arg in record.args
            )
        return True


class KeyValueFormatter(logging.Formatter):
    """``time level logger request_id=... message key=value ...`` lines."""

    def format(self, record):
        fields = getattr(record, "fields", None) or {}
        extra = "".join(f" {key}={value}" for key, value in fields.items())
        line = (
            f"{self.formatTime(record)} {record.levelname} {record.name} "
            f"request_id={getattr(record, 'request_id', '-')} {record.getMessage()}{extra}"
        )
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for log collectors."""

    def format(self, record):
        payload = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
            **(getattr(record, "fields", None) or {}),
        }
        if record.exc_info:
            payload["traceback"] = self.formatException(record.exc_info)
        return json.dumps(payload, default=str)
