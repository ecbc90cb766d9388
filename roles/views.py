from django.http import Http404
from django.shortcuts import render
from django.utils.cache import patch_cache_control

from roles import page_cache, selectors
from roles.models import Role

ROLE_PAGE_TEMPLATE = "roles/role_page.html"


def catalogue(request):
    roles = selectors.list_published_roles()
    return render(request, "roles/catalogue.html", {"roles": roles})


def render_role_page(request, role, *, status=200, extra_context=None):
    """The full role page, also used by other apps to answer a form post with it.

    ``extra_context`` reaches the page's template tags (a tool's error message,
    for instance). A part of the page that shows one visitor's own data sets
    ``request.private_response``; such a page must never be stored by a shared
    cache, so it is marked ``Cache-Control: private``.

    ``role`` needs only its own row and category: the page's lists are loaded
    inside its cached fragments, so a warm cache skips those queries entirely.
    """
    context = {"role": role, **(extra_context or {})}
    response = render(request, ROLE_PAGE_TEMPLATE, context, status=status)
    if getattr(request, "private_response", False):
        patch_cache_control(response, private=True)
    return response


def role_detail(request, slug):
    if page_cache.serves_shared_copy(request):
        # The hot path: one small query finds the shared copy of the page.
        found = selectors.get_published_revision(slug=slug)
        if found is None:
            raise Http404("No published role at this address.")
        key = page_cache.page_key(slug, *found)
        page = page_cache.cached_page(key)
        if page is None:
            role = _published_role_or_404(slug)
            page = page_cache.store_page(key, request, role, ROLE_PAGE_TEMPLATE)
        return page_cache.page_response(request, page)
    return render_role_page(request, _published_role_or_404(slug))


def _published_role_or_404(slug):
    try:
        return selectors.get_published_role(slug=slug)
    except Role.DoesNotExist:
        raise Http404("No published role at this address.") from None
