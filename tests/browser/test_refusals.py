"""A refused form shows why, in the tool, and changes nothing; and the CSP watch works."""

import pytest
from playwright.sync_api import expect

from tests.browser.tools import ROLE_PATH, qualification_tool

pytestmark = [pytest.mark.browser, pytest.mark.timeout(60)]


def test_saving_no_rating_says_what_is_missing(visit, seed):
    # The browser logs the 400 answer itself; that report is the point here.
    visit.expect_problem(r"^console error: .*status of 400 \(Bad Request\)$")
    page = visit.page
    assert visit.open(ROLE_PATH).status == 200
    tool = qualification_tool(page)
    total = len(seed.criteria)

    if visit.javascript:
        with page.expect_response(lambda r: "/tools/qualification/" in r.url) as answer:
            tool.get_by_role("button", name="Save my ratings").click()
    else:
        with page.expect_navigation() as answer:
            tool.get_by_role("button", name="Save my ratings").click()
    assert answer.value.status == 400

    tool = qualification_tool(page)
    expect(tool.get_by_role("alert")).to_have_text(
        "Choose a rating for at least one criterion."
    )
    expect(tool.get_by_role("status")).to_contain_text(f"0 / {total} assessed")
    expect(page.locator("#candidate-link").get_by_role("link")).to_have_count(0)
    if visit.javascript:
        # The message takes focus, so a screen reader reads it out.
        page.wait_for_function(
            "document.activeElement && document.activeElement.getAttribute('role') === 'alert'"
        )


def test_a_csp_violation_is_reported_by_the_watch(browser, live_site):
    """The walks assert no violation; this shows the watch would see one."""
    from tests.browser.conftest import start_visit

    visit = start_visit(browser, live_site, javascript=True)
    try:
        response = visit.open(ROLE_PATH)
        assert "style-src 'self'" in response.headers["content-security-policy"]
        visit.page.evaluate(
            "document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')"
        )
        visit.page.wait_for_timeout(300)
        assert any(
            problem.startswith("CSP: style-src-attr") for problem in visit.problems
        )
    finally:
        visit.context.close()
