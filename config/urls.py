from django.contrib import admin
from django.urls import include, path

from config import views
from config.throttle import throttle_login

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # Ahead of the admin's own URLs, so sign-in goes through the lockout.
    path("admin/login/", throttle_login(admin.site.login)),
    path("admin/", admin.site.urls),
    path("", include("assessments.urls")),
    path("", include("roles.urls")),
]

handler400 = "config.views.bad_request"
handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
