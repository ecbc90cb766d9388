from django.urls import path

from roles import views

app_name = "roles"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("roles/<slug:slug>/", views.role_detail, name="detail"),
]
