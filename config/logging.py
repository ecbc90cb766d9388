"""Log formatting: one line per event, tagged with the request id.

The request id is held in a context variable set by RequestLogMiddleware, so
every line logged while a request is handled (including tracebacks) carries it.
"""

import contextvars
import json
import logging

request_id_var = contextvars.ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id_var.get()
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
