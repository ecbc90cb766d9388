"""The site's URLs plus a view that fails, for the error-logging tests."""

from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def fail(request, token):
    raise RuntimeError("a bug in a view")


urlpatterns = [
    path("boom/<slug:token>/", fail),
    *site_urlpatterns,
]

handler400 = "config.views.bad_request"
handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
