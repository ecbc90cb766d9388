"""Site-wide views: health check and error pages."""

import logging
import secrets
import sys

from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

# Served when even the error template cannot be rendered.
_BARE_ERROR = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">'
    "<title>{title}</title></head><body><main><h1>{title}</h1>"
    "<p>Please try again in a minute.</p></main></body></html>"
)


@never_cache
def healthz(request):
    """200 when the database and the cache both answer; 503 naming what failed."""
    checks = {"database": "ok", "cache": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        logger.warning("health check: database unavailable (%s)", type(exc).__name__)
        checks["database"] = "unavailable"
    # A key of its own per check: concurrent checks from other processes must
    # not overwrite it, and a stale entry cannot pass for a working cache.
    key = f"healthz:{secrets.token_hex(8)}"
    try:
        cache.set(key, "ok", 10)
        if cache.get(key) != "ok":
            checks["cache"] = "unavailable"
        cache.delete(key)
    except Exception as exc:
        logger.warning("health check: cache unavailable (%s)", type(exc).__name__)
        checks["cache"] = "unavailable"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


BAD_REQUEST_MESSAGE = (
    "Your browser sent something this site could not read (an unsupported "
    "character encoding or a damaged form). Reload the page and try again."
)


def bad_request(request, exception):
    """400 page, or a fragment for htmx, that never reads the request body.

    Django's own 400 view is wrapped in CSRF handling that reads request.POST
    again; when the body was the bad part (a form declared in another encoding
    than UTF-8), that second read fails too and the visitor gets a 500. Rendered
    without the request, so no context processor can touch the body either. The
    exception's own text is not shown: it may echo what the client sent.
    """
    context = {"message": BAD_REQUEST_MESSAGE}
    if request.headers.get("HX-Request") == "true":
        template_name = "_400_fragment.html"
    else:
        template_name = "400.html"
    try:
        body = loader.render_to_string(template_name, context)
    except Exception:
        logger.exception("could not render %s", template_name)
        body = _BARE_ERROR.format(title="Request not understood")
    response = HttpResponse(body, status=400)
    response["Vary"] = "HX-Request"
    return response


def _static_page(template_name, status, title):
    # Rendered without the request: no context processor may query the database
    # or the session while the site is already failing.
    try:
        body = loader.get_template(template_name).render()
    except Exception:
        logger.exception("could not render %s", template_name)
        body = _BARE_ERROR.format(title=title)
    return HttpResponse(body, status=status)


def server_error(request):
    """500 page; 503 when the failure is the database being unreachable.

    Django calls this while handling the exception, so ``sys.exc_info()`` still
    holds it. An unreachable database (OperationalError, InterfaceError) is
    temporary and not a bug in a page, so it gets the "try again" page with
    Retry-After; other database errors (integrity, programming) are bugs: 500.
    """
    exc = sys.exc_info()[1]
    if isinstance(exc, (OperationalError, InterfaceError)):
        response = _static_page("503.html", 503, "Temporarily unavailable")
        response["Retry-After"] = "30"
        return response
    return _static_page("500.html", 500, "Something went wrong")


CSRF_FAILURE_MESSAGE = (
    "Your session expired or this form was open too long. "
    "Reload the page and try again."
)


def csrf_failure(request, reason=""):
    """403 for a form post whose CSRF check failed, in words a visitor can act on.

    An htmx request gets a short fragment the page shows inside the tool; a
    plain post gets a whole page. Neither touches the database.
    """
    if request.headers.get("HX-Request") == "true":
        return render(
            request,
            "_403_csrf_fragment.html",
            {"message": CSRF_FAILURE_MESSAGE},
            status=403,
        )
    return render(
        request, "403_csrf.html", {"message": CSRF_FAILURE_MESSAGE}, status=403
    )
