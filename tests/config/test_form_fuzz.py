"""Generated junk posted to every form endpoint: never a 5xx, never a change.

The tool endpoints are discovered from the assessments URLconf, so a new tool
is covered without touching this file. Field names are a mix of the names the
role page's own forms use and made-up ones; values are never a valid answer
(no small whole numbers, no rating words, none of the page's option values), so
every post must be refused.
"""

import re
import string

import pytest
from django.conf import settings as dj_settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import URLPattern, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments import models as assessment_models
from assessments import urls as assessment_urls

SEED_SLUG = "ai-bias-mitigation-specialist"

STATE_MODELS = [
    assessment_models.Candidate,
    assessment_models.CriterionRating,
    assessment_models.SkillRating,
    assessment_models.SprintChoice,
    assessment_models.QuizAttempt,
    assessment_models.QuizAnswer,
    Session,
    get_user_model(),
]

REAL_WORDS = {"strength", "in_progress", "gap", "on", "true"}


def tool_urls():
    """(name, url) of every assessments endpoint, for the seed role."""
    urls = []
    for pattern in assessment_urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        kwargs = {}
        for name in pattern.pattern.converters:
            kwargs[name] = SEED_SLUG if name == "slug" else "notARealToken0000"
        urls.append(
            (pattern.name, reverse(f"assessments:{pattern.name}", kwargs=kwargs))
        )
    return urls


def state():
    return {model.__name__: model.objects.count() for model in STATE_MODELS}


def page_vocabulary(html):
    names = set(re.findall(r'name="([^"]+)"', html)) - {"csrfmiddlewaretoken"}
    values = set(re.findall(r'value="([^"]*)"', html))
    return sorted(names), values


def is_junk(value, page_values):
    text = str(value).strip()
    if text in page_values or text.lower() in REAL_WORDS:
        return False
    # Django reads "7", " 7 ", "7.0" and other scripts' digits as a number.
    try:
        number = float(text)
    except ValueError:
        return True
    return not abs(number) < 10**9


def junk_values(page_values):
    return st.one_of(
        st.text(max_size=40),
        st.text(alphabet=string.printable, min_size=1, max_size=20),
        st.text(min_size=3000, max_size=5000),
        st.integers(min_value=10**9, max_value=10**30).map(str),
        st.integers(max_value=-(10**9)).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(str),
        st.just("\x00"),
        st.just("1\x002"),
    ).filter(lambda value: is_junk(value, page_values))


@pytest.fixture
def settings_override(settings):
    # pytest-django's ``settings`` fixture, renamed: hypothesis owns ``settings``.
    return settings


@pytest.fixture
def vocabulary(seed_role, client):
    html = client.get(f"/roles/{SEED_SLUG}/").content.decode()
    return page_vocabulary(html)


@pytest.mark.django_db
@pytest.mark.timeout(300)
@pytest.mark.parametrize(("name", "url"), tool_urls())
def test_junk_posted_to_a_tool_is_refused_without_a_5xx_or_a_change(
    vocabulary, settings_override, name, url
):
    field_names, page_values = vocabulary
    settings_override.TOOL_RATE_LIMIT = 10**9
    names = st.one_of(st.sampled_from(field_names), st.text(min_size=1, max_size=30))
    bodies = st.dictionaries(names, st.lists(junk_values(page_values), max_size=3))

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(body=bodies, htmx=st.booleans())
    def post_junk(body, htmx):
        before = state()
        headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
        response = Client().post(url, body, **headers)
        assert response.status_code < 500, (name, body, response.status_code)
        assert 400 <= response.status_code < 500, (name, body, response.status_code)
        assert state() == before, (name, body)

    post_junk()


@pytest.mark.django_db
@pytest.mark.timeout(300)
def test_junk_posted_to_the_admin_sign_in_is_refused_without_a_5xx_or_a_change(
    django_user_model,
):
    django_user_model.objects.create_superuser(
        "editor", "e@example.com", "pw-123456789"
    )

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(
        body=st.dictionaries(
            st.one_of(st.sampled_from(["username", "password", "next"]), st.text()),
            st.lists(st.text(max_size=300), max_size=3),
        )
    )
    def post_junk(body):
        before = state()
        response = Client().post("/admin/login/", body)
        assert response.status_code in {200, 400, 403, 429}, response.status_code
        # A successful sign-in would have set the session cookie.
        assert dj_settings.SESSION_COOKIE_NAME not in response.cookies
        assert state() == before

    post_junk()
