from django.http import Http404
from django.shortcuts import render
from django.utils.cache import patch_cache_control

from roles import selectors
from roles.models import Role


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
    response = render(request, "roles/role_page.html", context, status=status)
    if getattr(request, "private_response", False):
        patch_cache_control(response, private=True)
    return response


def role_detail(request, slug):
    try:
        role = selectors.get_published_role(slug=slug)
    except Role.DoesNotExist:
        raise Http404("No published role at this address.") from None
    return render_role_page(request, role)
