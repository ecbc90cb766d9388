"""A failed CSRF check explains itself: a fragment for htmx, a page otherwise."""

import pytest
from django.test import Client

from assessments.models import Candidate
from tests.assessments.conftest import HX

pytestmark = pytest.mark.django_db

MESSAGE = (
    "Your session expired or this form was open too long. "
    "Reload the page and try again."
)


def post_without_token(tool_role, **extra):
    client = Client(enforce_csrf_checks=True)
    return client.post(
        tool_role.url("plan"), {"background": tool_role.backgrounds[0].id}, **extra
    )


def test_htmx_post_without_token_gets_a_short_fragment_with_the_reason(tool_role):
    response = post_without_token(tool_role, **HX)
    assert response.status_code == 403
    html = response.content.decode()
    assert MESSAGE in html
    assert "<html" not in html
    assert "<body" not in html
    assert "style=" not in html
    assert 'role="alert"' in html
    assert Candidate.objects.count() == 0


def test_plain_post_without_token_gets_a_whole_page_with_the_reason(tool_role):
    response = post_without_token(tool_role)
    assert response.status_code == 403
    html = response.content.decode()
    assert MESSAGE in html
    assert "<h1>Form expired</h1>" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "Forbidden (403)" not in html
    assert Candidate.objects.count() == 0


def test_the_failure_page_renders_without_touching_the_database(
    rf, django_assert_num_queries, db
):
    from config.views import csrf_failure

    for extra in ({}, HX):
        request = rf.post("/roles/x/tools/plan/", **extra)
        with django_assert_num_queries(0):
            response = csrf_failure(request, reason="CSRF cookie not set.")
        assert response.status_code == 403
        assert MESSAGE in response.content.decode()
