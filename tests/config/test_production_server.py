"""Security headers, cookies and static files on a production-configured server."""

import gzip
import re

import pytest

from tests.config.conftest import EDITOR, ROLE_PATH, Browser, http

pytestmark = pytest.mark.timeout(120)

CSP_DIRECTIVES = {
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def first_static_path(prod_server):
    page = http(prod_server.base_url, ROLE_PATH)
    match = re.search(r'href="(/static/css/[^"]+\.css)"', page.text)
    assert match, "the role page links no stylesheet"
    return match.group(1)


def parse_csp(value):
    directives = {}
    for part in value.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.mark.parametrize(
    "path", [ROLE_PATH, "/admin/login/", "static", "/healthz", "/no-such-page/"]
)
def test_every_response_carries_the_security_headers(prod_server, path):
    if path == "static":
        path = first_static_path(prod_server)
    reply = http(prod_server.base_url, path)
    assert reply.status in {200, 404}

    csp = parse_csp(reply.headers["Content-Security-Policy"])
    script_sources = csp.get("script-src", csp["default-src"])
    assert script_sources == ["'self'"]
    for name, value in CSP_DIRECTIVES.items():
        assert csp[name] == [value], name
    assert reply.headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert reply.headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in reply.headers["Permissions-Policy"]
    assert reply.headers["Cross-Origin-Resource-Policy"] == "same-origin"


def test_a_missing_page_is_the_friendly_404_not_a_debug_page(prod_server):
    reply = http(prod_server.base_url, "/no-such-page/")
    assert reply.status == 404
    assert "Traceback" not in reply.text
    assert "URLconf" not in reply.text


def test_plain_http_is_redirected_to_https(prod_server):
    reply = http(prod_server.base_url, ROLE_PATH, https=False)
    assert reply.status == 301
    assert (
        reply.headers["Location"] == f"https://127.0.0.1:{prod_server.port}{ROLE_PATH}"
    )


def test_health_check_answers_load_balancers_over_plain_http(prod_server):
    reply = http(prod_server.base_url, "/healthz", https=False)
    assert reply.status == 200
    assert reply.text == '{"status": "ok", "checks": {"database": "ok", "cache": "ok"}}'


def test_csrf_cookie_is_host_prefixed_secure_and_same_site(prod_server):
    reply = http(prod_server.base_url, "/admin/login/")
    cookie = reply.set_cookie("__Host-csrftoken")
    assert cookie is not None, reply.headers.get_all("Set-Cookie")
    attributes = [part.strip().lower() for part in cookie.split(";")[1:]]
    assert "secure" in attributes
    assert "samesite=lax" in attributes
    assert "path=/" in attributes
    assert not any(a.startswith("domain=") for a in attributes)


def test_session_cookie_is_host_prefixed_secure_http_only_and_same_site(prod_server):
    browser = Browser(prod_server.base_url)
    reply = browser.log_in(*EDITOR)
    assert reply.status == 302, reply.text[:500]
    cookie = reply.set_cookie("__Host-sessionid")
    assert cookie is not None, reply.headers.get_all("Set-Cookie")
    attributes = [part.strip().lower() for part in cookie.split(";")[1:]]
    assert {"secure", "httponly", "samesite=lax", "path=/"} <= set(attributes)
    assert not any(a.startswith("domain=") for a in attributes)


def test_static_files_are_hashed_compressed_and_cached_for_a_year(prod_server):
    path = first_static_path(prod_server)
    assert re.search(r"\.[0-9a-f]{12}\.css$", path)
    reply = http(prod_server.base_url, path, headers={"Accept-Encoding": "gzip"})
    assert reply.status == 200
    assert reply.headers["Content-Encoding"] == "gzip"
    assert "max-age=31536000" in reply.headers["Cache-Control"]
    assert gzip.decompress(reply.body)


def test_role_page_html_is_gzip_compressed_for_browsers_that_accept_it(prod_server):
    reply = http(prod_server.base_url, ROLE_PATH, headers={"Accept-Encoding": "gzip"})
    assert reply.status == 200
    assert reply.headers["Content-Encoding"] == "gzip"
    assert "<html" in gzip.decompress(reply.body).decode()


def test_an_admin_edit_shows_on_the_next_view_with_the_redis_cache(prod_server):
    from tests.admin_post import form_data, set_value

    browser = Browser(prod_server.base_url)
    assert browser.log_in(*EDITOR).status == 302
    before = http(prod_server.base_url, ROLE_PATH)  # fills the cache
    assert before.status == 200

    changelist = browser.request("/admin/roles/role/")
    role_id = re.search(r'href="/admin/roles/role/(\d+)/change/', changelist.text)
    assert role_id, "the role is not listed in the admin"
    change_path = f"/admin/roles/role/{role_id.group(1)}/change/"
    page = browser.request(change_path)
    data = form_data(_AsTestResponse(page), "role_form")
    new_title = "Bias Specialist Edited In Admin"
    set_value(data, "title", new_title)
    saved = browser.request(change_path, data=data)
    assert saved.status == 302, saved.text[:2000]

    after = http(prod_server.base_url, ROLE_PATH)
    assert new_title in after.text


class _AsTestResponse:
    """The shape of a test-client response that tests.admin_post reads."""

    def __init__(self, reply):
        self.content = reply.body
        self.status_code = reply.status
