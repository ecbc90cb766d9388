from django.urls import path

from assessments import views

app_name = "assessments"

urlpatterns = [
    # The four tools of a role page: form posts only.
    path(
        "roles/<slug:slug>/tools/qualification/",
        views.qualification,
        name="qualification",
    ),
    path("roles/<slug:slug>/tools/skills/", views.skills, name="skills"),
    path("roles/<slug:slug>/tools/plan/", views.plan, name="plan"),
    path("roles/<slug:slug>/tools/quiz/answer/", views.quiz_answer, name="quiz_answer"),
    path("roles/<slug:slug>/tools/quiz/retake/", views.quiz_retake, name="quiz_retake"),
    # A candidate's private link to their saved results.
    path("r/<slug:token>/", views.private_link, name="private_link"),
]
