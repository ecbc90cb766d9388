"""CSRF is enforced on every tool endpoint; responses vary on HX-Request."""

import pytest
from django.test import Client

from assessments.models import Candidate
from tests.assessments.conftest import HX

pytestmark = pytest.mark.django_db

ENDPOINTS = ["qualification", "skills", "plan", "quiz/answer", "quiz/retake"]


def valid_data(tr, endpoint):
    return {
        "qualification": {f"criterion_{tr.criteria[0].id}": "gap"},
        "skills": {f"skill_{s.id}": "3" for s in tr.skills},
        "plan": {"background": tr.backgrounds[0].id},
        "quiz/answer": {
            "question": tr.questions[0].id,
            "choice": tr.correct[tr.questions[0].id].id,
        },
        "quiz/retake": {"attempt": 1},
    }[endpoint]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_post_without_csrf_token_is_forbidden(tool_role, endpoint):
    client = Client(enforce_csrf_checks=True)
    response = client.post(tool_role.url(endpoint), valid_data(tool_role, endpoint))
    assert response.status_code == 403
    assert Candidate.objects.count() == 0


@pytest.mark.parametrize("endpoint", ENDPOINTS[:4])
def test_post_with_the_pages_csrf_token_is_accepted(tool_role, endpoint):
    client = Client(enforce_csrf_checks=True)
    client.get(tool_role.role.get_absolute_url())
    token = client.cookies["csrftoken"].value
    data = {**valid_data(tool_role, endpoint), "csrfmiddlewaretoken": token}
    response = client.post(tool_role.url(endpoint), data)
    assert response.status_code == 303


@pytest.mark.parametrize("endpoint", ENDPOINTS[:4])
@pytest.mark.parametrize("hx", [False, True], ids=["plain", "htmx"])
def test_successful_posts_vary_on_hx_request(client, tool_role, endpoint, hx):
    extra = HX if hx else {}
    response = client.post(
        tool_role.url(endpoint), valid_data(tool_role, endpoint), **extra
    )
    assert response.status_code == (200 if hx else 303)
    assert "HX-Request" in response["Vary"]
