"""Whole role pages for visitors who have no session, from the shared cache.

Most views of a role page come from people who have never used a tool: no
session cookie, so nothing on the page is theirs except the CSRF token in its
forms. For them the finished page is cached under the role's content revision
with a placeholder where the token goes, already compressed piece by piece (see
config.compression), and each response only fills in a fresh token. Anyone
with a session (a candidate, an editor) gets the page rendered for them, from
the cached fragments.

Each process also keeps the last few pages it served in memory. They are keyed
by content revision, so they never go stale (an edit makes a new key) and a
process can drop them at any time; the shared cache stays the one source.
"""

import hashlib
import re
import threading
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers

from config.compression import SlottedPage

# Stands in for the CSRF token while the shared copy is rendered. It never
# reaches a visitor: every response replaces it with that visitor's own token.
TOKEN_SLOT = "csrfTokenSlotF4e9A1c7"
PAGE_CACHE_SECONDS = 60 * 60 * 24
LOCAL_PAGES = 16
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")
_local = OrderedDict()
_local_lock = threading.Lock()


def serves_shared_copy(request):
    """Whether this request may get the shared copy of the page."""
    return (
        request.method in {"GET", "HEAD"}
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not getattr(request, "htmx", False)
    )


def page_key(slug, revision, category_name):
    # The category is shared by many roles and renaming it does not change their
    # revision, so its name is part of the key.
    category = hashlib.blake2b(category_name.encode(), digest_size=8).hexdigest()
    return f"role-page:{slug}:{revision}:{category}"


def cached_page(key):
    """The stored page for ``key`` from this process or the shared cache, or None."""
    page = _local.get(key)
    if page is None:
        page = cache.get(key)
        if page is not None:
            _remember(key, page)
    return page


def store_page(key, request, role, template_name):
    """Render the shared copy of ``role``'s page and store it under ``key``."""
    html = render_to_string(
        template_name, {"role": role, "csrf_token": TOKEN_SLOT}, request=request
    )
    page = SlottedPage(html, TOKEN_SLOT)
    # A part of the page that shows one visitor's data marks the request private;
    # such a rendering must never be shared.
    if not getattr(request, "private_response", False):
        cache.set(key, page, PAGE_CACHE_SECONDS)
        _remember(key, page)
    return page


def page_response(request, page):
    """``page`` with this visitor's CSRF token, gzipped when the client takes it."""
    token = get_token(request)
    if _ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        response = HttpResponse(page.render_gzip(token))
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(page.render(token))
    patch_vary_headers(response, ("Accept-Encoding",))
    return response


def forget_local_pages():
    """Drop this process's copies (the shared cache is untouched)."""
    with _local_lock:
        _local.clear()


def _remember(key, page):
    with _local_lock:
        _local[key] = page
        _local.move_to_end(key)
        while len(_local) > LOCAL_PAGES:
            _local.popitem(last=False)
