"""The code version every cache key carries.

Cached page parts are keyed by a role's content revision, which changes when an
editor saves. A deploy changes templates or static files instead, and a shared
cache (Redis) outlives the deploy: without a code version in the key, the new
release would serve pages rendered by the old templates, with links to static
files that no longer exist. The version is a hash of the contents of
``templates/`` and ``static/``, so every app server running the same release
computes the same one and they share the cache.

``RELEASE_ID`` in the environment, when set, is used instead (for instance a
commit id set by the deploy tooling). Under DEBUG the hash is refreshed every
few seconds, so a template edit shows without restarting the server.
"""

import hashlib
import os
import threading
import time

from django.conf import settings

_REFRESH_SECONDS = 2.0
_lock = threading.Lock()
_cached = {"version": None, "at": 0.0}


def _hash_tree():
    digest = hashlib.blake2b(digest_size=6)
    for folder in ("templates", "static"):
        root = settings.BASE_DIR / folder
        for path in sorted(root.rglob("*")):
            if path.is_file():
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def code_version():
    release = os.environ.get("RELEASE_ID")
    if release:
        return release
    now = time.monotonic()
    with _lock:
        stale = settings.DEBUG and now - _cached["at"] > _REFRESH_SECONDS
        if _cached["version"] is None or stale:
            _cached["version"] = _hash_tree()
            _cached["at"] = now
        return _cached["version"]


def make_cache_key(key, key_prefix, version):
    """Django's default key layout with the code version added."""
    return f"{key_prefix}:{version}:{code_version()}:{key}"
