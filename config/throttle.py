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
import unicodedata
from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme

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


def lockout_username(raw):
    """The username as the sign-in form and the user model will resolve it.

    The form strips surrounding whitespace and the user model NFKC-normalizes
    (so full-width letters match their plain forms); counting under the raw text
    would give every such variant fresh attempts at the same account. Case is
    folded as well: a lockout keyed more broadly than the account lookup only
    ever locks more, never less.
    """
    return unicodedata.normalize("NFKC", raw.strip()).strip().casefold()


def _login_keys(request):
    username = lockout_username(request.POST.get("username", ""))
    pair = _digest(username, client_address(request))
    return f"login-failures:{pair}", f"login-locked:{pair}"


def back_path(request):
    """Where the 429 page's link goes: the page the form was on, else "/".

    Only a path on this site is used: the Referer is written by the client, and
    a link built from it must not lead elsewhere ("//host" and "/\\host" are
    other sites to a browser).
    """
    referer = request.headers.get("Referer", "")
    try:
        host = request.get_host()
        parts = urlsplit(referer)
    except Exception:
        return "/"
    if parts.netloc and parts.netloc != host:
        return "/"
    path = parts.path
    if (
        not path.startswith("/")
        or path.startswith("//")
        or "\\" in path
        or not path.isprintable()
        or not url_has_allowed_host_and_scheme(path, allowed_hosts={host})
    ):
        return "/"
    return path


def _limited_page(request, title, message):
    # Rendered without the request: no context processor runs, so the page
    # needs neither the session nor the database.
    return render_to_string(
        "429.html",
        {"title": title, "message": message, "back_path": back_path(request)},
    )


def login_locked_response(request):
    minutes = max(1, settings.LOGIN_LOCKOUT_SECONDS // 60)
    body = _limited_page(
        request,
        "Too many failed sign-in attempts",
        f"Sign-in for this username from your network is paused for "
        f"{minutes} minutes after {settings.LOGIN_FAILURE_LIMIT} failed "
        f"attempts. Try again later.",
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

    A limit of 0 turns the limit off. The tools are recognised by their URL namespace, so new tool endpoints are
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
        if settings.TOOL_RATE_LIMIT <= 0:
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
        body = _limited_page(request, "Slow down a little", message)
    response = HttpResponse(body, status=429)
    response["Retry-After"] = str(retry_after)
    return response
