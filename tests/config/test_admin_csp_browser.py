"""Django's admin under the production Content-Security-Policy, in a real Chromium."""

import os
import re
from pathlib import Path

import pytest

from scripts.prodserver import free_port
from tests.config.conftest import EDITOR, ROLE_PATH, _server

CHROMIUM = "/usr/bin/chromium"

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]


@pytest.fixture(scope="module")
def admin_server(prod_site):
    # Chromium reaches the server over plain http, so its Origin header says
    # http while the server, told by X-Forwarded-Proto, believes it is https.
    # Trusting that origin stands in for the TLS the load balancer would add.
    port = free_port()
    server = _server(
        prod_site, port, DJANGO_CSRF_TRUSTED_ORIGINS=f"http://127.0.0.1:{port}"
    )
    yield server
    server.stop()


@pytest.fixture
def page(admin_server):
    if not Path(CHROMIUM).exists():
        if os.environ.get("REQUIRE_BROWSER_TESTS") == "1":
            pytest.fail(f"{CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox"]
        )
        # The server believes it is behind TLS; Chromium treats 127.0.0.1 as a
        # secure origin, so the Secure __Host- cookies are kept.
        context = browser.new_context(extra_http_headers={"X-Forwarded-Proto": "https"})
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        browser.close()


def test_admin_pages_run_under_the_csp_without_violations(admin_server, page):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.goto(admin_server.base_url + "/admin/login/")
    page.fill("#id_username", EDITOR[0])
    page.fill("#id_password", EDITOR[1])
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(admin_server.base_url + "/admin/roles/role/")
    page.click("#result_list a[href*='/change/']")
    page.wait_for_selector("#role_form")
    # The admin's own scripts ran: they add an "Add another" row to each inline.
    assert page.evaluate("typeof django.jQuery") == "function"
    assert page.locator(".add-row").count() > 0
    assert violations == []


def test_the_role_page_runs_under_the_csp_without_violations(admin_server, page):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.goto(admin_server.base_url + ROLE_PATH)
    assert page.evaluate("typeof htmx") == "object"
    assert violations == []
