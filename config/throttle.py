"""Throttles: admin login lockout and the tool endpoints' rate limit.

Counters live in the shared cache, so every app process behind the load balancer
counts the same attempts. When the cache is down both throttles fail open: the
site keeps working and is, for that time, unthrottled (a warning is logged by the
cache backend). Counts use fixed windows, so a client can make up to twice the
limit across a window boundary; that is accepted for the simplicity.
"""

import hashlib
import ipaddress
import logging
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

TOOL_NAMESPACE = "assessments"


def client_address(request):
    """The address of the client as seen by the first trusted proxy.

    With ``TRUSTED_PROXY_COUNT`` = 0 the app faces clients directly and
    REMOTE_ADDR is the answer. With N trusted proxies, each appends the address
    it received the request from to X-Forwarded-For, so the client's address is
    the N-th entry from the right; anything left of it was written by the client
    and is ignored. A header too short or malformed means a proxy is missing or
    misconfigured: REMOTE_ADDR is then used, which at worst throttles the proxy.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    entries = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if len(entries) < count:
        return remote
    candidate = entries[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def _digest(*parts):
    # Cache keys hold no usernames or addresses in the clear, and stay short and
    # free of characters some cache backends reject.
    joined = "\x1f".join(parts).encode()
    return hashlib.sha256(joined).hexdigest()[:32]


def _increment(key, timeout):
    """Add one to a counter that expires ``timeout`` seconds after its creation.

    Returns the new count, or None when the cache is unavailable.
    """
    cache.add(key, 0, timeout)
    try:
        return cache.incr(key)
    except ValueError:
        # Expired (or evicted) between add and incr: start again.
        cache.add(key, 1, timeout)
        return 1


# --- Admin login lockout -----------------------------------------------------


def _login_keys(request):
    username = request.POST.get("username", "")[:150].casefold()
    pair = _digest(username, client_address(request))
    return f"login-failures:{pair}", f"login-locked:{pair}"


def login_locked_response(request):
    minutes = max(1, settings.LOGIN_LOCKOUT_SECONDS // 60)
    body = render_to_string(
        "429.html",
        {
            "title": "Too many failed sign-in attempts",
            "message": (
                f"Sign-in for this username from your network is paused for "
                f"{minutes} minutes after {settings.LOGIN_FAILURE_LIMIT} failed "
                f"attempts. Try again later."
            ),
        },
    )
    response = HttpResponse(body, status=429)
    response["Retry-After"] = str(settings.LOGIN_LOCKOUT_SECONDS)
    return response


def throttle_login(view):
    """Wrap a login view: lock a (username, client) pair after repeated failures.

    Only that pair is locked, so a stranger guessing an editor's password from
    elsewhere cannot lock the editor out. A failure is a POST the view answers by
    showing the form again (status 200); a success (a redirect) clears the count.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        failures_key, locked_key = _login_keys(request)
        if cache.get(locked_key):
            return login_locked_response(request)
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            failures = _increment(failures_key, settings.LOGIN_LOCKOUT_SECONDS)
            if failures is not None and failures >= settings.LOGIN_FAILURE_LIMIT:
                cache.set(locked_key, 1, settings.LOGIN_LOCKOUT_SECONDS)
                cache.delete(failures_key)
                logger.warning("admin sign-in locked after %d failures", failures)
                return login_locked_response(request)
        elif 300 <= response.status_code < 400:
            cache.delete(failures_key)
        return response

    return wrapper


# --- Tool endpoints -----------------------------------------------------------


class ToolRateLimitMiddleware:
    """Limit POSTs to the candidate tools to ``TOOL_RATE_LIMIT`` per client per minute.

    The tools are recognised by their URL namespace, so new tool endpoints are
    covered without any change here. HTMX requests get a fragment, others a page,
    both with status 429 and Retry-After.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST":
            return None
        match = request.resolver_match
        if match is None or TOOL_NAMESPACE not in match.namespaces:
            return None
        window = int(time.time() // 60)
        key = f"tool-posts:{_digest(client_address(request))}:{window}"
        count = _increment(key, 90)
        if count is None or count <= settings.TOOL_RATE_LIMIT:
            return None
        return tool_limited_response(request, retry_after=60 - int(time.time()) % 60)


def tool_limited_response(request, *, retry_after):
    message = (
        "Too many answers from your network in the last minute, so this one "
        "was not saved. Wait a minute, then send it again."
    )
    if getattr(request, "htmx", False):
        body = render_to_string("_429_fragment.html", {"message": message})
    else:
        body = render_to_string(
            "429.html", {"title": "Slow down a little", "message": message}
        )
    response = HttpResponse(body, status=429)
    response["Retry-After"] = str(retry_after)
    return response
