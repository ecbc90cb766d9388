from django.shortcuts import get_object_or_404, render

from roles.models import Role


def catalogue(request):
    roles = Role.objects.published().select_related("category")
    return render(request, "roles/catalogue.html", {"roles": roles})


def role_detail(request, slug):
    role = get_object_or_404(Role.objects.published(), slug=slug)
    return render(request, "roles/role_page.html", {"role": role})
