"""Project-wide middleware: request logging and security headers."""

import logging
import time
import uuid

from django.conf import settings
from django.core.signals import request_finished
from django.dispatch import receiver

from config.logging import loggable_path, request_id_var

logger = logging.getLogger("careers.request")


class RequestLogMiddleware:
    """Logs one line per request: method, path, status, duration, request id.

    The id comes from a well-formed ``X-Request-ID`` header set by a load balancer,
    or is generated, and is echoed back in the response. Query strings, cookies and
    bodies are never logged: they may carry personal data or a candidate's token.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _is_safe_id(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        # Left set until the response is closed (see _forget_request_id): Django
        # logs 4xx/5xx responses after the middleware chain has returned.
        request_id_var.set(request_id)
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = (time.perf_counter() - started) * 1000
        response["X-Request-ID"] = request_id
        logger.info(
            "request",
            extra={
                "fields": {
                    "method": request.method,
                    "path": loggable_path(request),
                    "status": response.status_code,
                    "duration_ms": f"{duration_ms:.1f}",
                }
            },
        )
        return response


@receiver(request_finished, dispatch_uid="config_forget_request_id")
def _forget_request_id(**kwargs):
    request_id_var.set("-")


def _is_safe_id(value):
    return 0 < len(value) <= 64 and all(c.isalnum() or c in "-_" for c in value)


class SecurityHeadersMiddleware:
    """Adds the headers Django's SecurityMiddleware does not: CSP, permissions, CORP.

    Placed before WhiteNoise in MIDDLEWARE, so static files get them too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
