"""Tags used by the site's base template."""

import base64
import hashlib

from django import template
from django.contrib.staticfiles import finders

register = template.Library()

# Static files do not change while a process runs, so each digest is computed
# once per process.
_integrity_cache = {}


@register.simple_tag
def sri(path):
    """The Subresource Integrity value (``sha384-...``) of a static file.

    The digest is taken from the source file that the staticfiles finders locate.
    Collected copies have the same bytes for the scripts it is used on (they
    carry no source-map comment for the manifest storage to rewrite).
    """
    if path not in _integrity_cache:
        found = finders.find(path)
        if not found:
            raise template.TemplateSyntaxError(f"Static file not found: {path}")
        with open(found, "rb") as handle:
            digest = hashlib.sha384(handle.read()).digest()
        _integrity_cache[path] = "sha384-" + base64.b64encode(digest).decode("ascii")
    return _integrity_cache[path]
