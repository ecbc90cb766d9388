"""Requests the site cannot read get a 400 that says so, never a 500.

Each request goes through the whole pipeline as a browser's would: CSRF checks
enforced, with a valid CSRF cookie, so the middleware reads the body too.
"""

import pytest
from django.test import Client

from assessments.models import Candidate, CriterionRating

SEED_SLUG = "ai-bias-mitigation-specialist"
ROLE_PATH = f"/roles/{SEED_SLUG}/"
TOOL_URL = f"/roles/{SEED_SLUG}/tools/qualification/"
FRIENDLY = "could not read"

URLENCODED = "application/x-www-form-urlencoded"
MULTIPART_BODY = (
    b'--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n'
)


@pytest.fixture
def browser(seed_role, settings):
    settings.DEBUG = False
    settings.TOOL_RATE_LIMIT = 0
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    assert client.get(ROLE_PATH).status_code == 200
    client.csrf = client.cookies[settings.CSRF_COOKIE_NAME].value
    return client


def post(client, path, body, content_type, *, token_header=False, **headers):
    if token_header:
        headers["HTTP_X_CSRFTOKEN"] = client.csrf
    return client.generic("POST", path, body, content_type=content_type, **headers)


def saved_state():
    return Candidate.objects.count(), CriterionRating.objects.count()


@pytest.mark.django_db
@pytest.mark.parametrize("path", [TOOL_URL, "/admin/login/"])
def test_a_form_declared_in_utf16_gets_the_friendly_400_page(browser, path):
    before = saved_state()
    response = post(browser, path, b"a=b", f"{URLENCODED}; charset=utf-16")
    assert response.status_code == 400
    body = response.content.decode()
    assert FRIENDLY in body
    assert "<html" in body and "css/site" in body
    assert saved_state() == before


@pytest.mark.django_db
def test_an_htmx_form_declared_in_utf16_gets_a_400_fragment(browser):
    response = post(
        browser,
        TOOL_URL,
        b"a=b",
        f"{URLENCODED}; charset=utf-16",
        token_header=True,
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert body.startswith('<p class="form-error" role="alert">')
    assert FRIENDLY in body
    assert "<html" not in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"csrfmiddlewaretoken=%ff%fe&level=%c3", URLENCODED),
        (b"\xff\xfe\xc3=\xc3\x28", URLENCODED),
        (b"a=b", f"{URLENCODED}; charset=no-such-charset"),
        (b"a=b", f"{URLENCODED}; charset=utf-8; charset=latin-1"),
        (b"--x\r\njunk", "multipart/form-data; boundary="),
        (b"--x\r\njunk", "multipart/form-data"),
        (b"--x\r\njunk", "multipart/form-data; boundary=" + "x" * 300),
        (MULTIPART_BODY, "multipart/form-data; boundary=x; charset=utf-16"),
        (MULTIPART_BODY, "multipart/form-data; boundary=x; charset=no-such"),
        (b"\x00\x01\x02", "application/octet-stream"),
        (b"a=b", "text/plain; charset=\xff"),
    ],
    ids=[
        "bad-utf8-escapes",
        "raw-bad-utf8",
        "unknown-charset",
        "two-charsets",
        "empty-boundary",
        "no-boundary",
        "overlong-boundary",
        "multipart-utf16",
        "multipart-unknown-charset",
        "binary",
        "non-ascii-charset",
    ],
)
@pytest.mark.parametrize("path", [TOOL_URL, "/admin/login/"])
@pytest.mark.parametrize("token_header", [False, True], ids=["form", "header"])
def test_unreadable_bodies_are_refused_with_a_4xx_and_change_nothing(
    browser, path, body, content_type, token_header
):
    before = saved_state()
    response = post(browser, path, body, content_type, token_header=token_header)
    if path == TOOL_URL:
        assert 400 <= response.status_code < 500, response.content[:300]
    else:
        # A readable body without credentials gets the sign-in form again.
        assert response.status_code in {200, 400, 403}, response.content[:300]
        assert "_auth_user_id" not in browser.session
    assert saved_state() == before


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?a=%ff%fe", "?%c3=1", "?next=%ff", "?a=%"])
@pytest.mark.parametrize("path", ["/", ROLE_PATH, "/admin/login/", "/healthz"])
def test_bad_utf8_in_the_query_string_never_gives_a_5xx(browser, path, query):
    assert browser.get(path + query).status_code < 500


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/roles/%ff%fe/", "/%c3/", "/roles/%00/"])
def test_bad_utf8_in_the_path_is_a_404(browser, path):
    assert browser.get(path).status_code == 404


@pytest.mark.django_db
def test_bad_utf8_in_a_tool_posts_query_string_never_gives_a_5xx(browser):
    response = post(browser, TOOL_URL + "?x=%ff", b"a=b", URLENCODED, token_header=True)
    assert 400 <= response.status_code < 500
