from django.urls import path

app_name = "assessments"

urlpatterns = []
