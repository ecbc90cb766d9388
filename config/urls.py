from django.contrib import admin
from django.urls import include, path

from config import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("", include("assessments.urls")),
    path("", include("roles.urls")),
]

handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
