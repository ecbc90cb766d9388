"""An answer that is not the tool (rate limit, expired form) shows inside the tool.

The tool itself stays: its form, its choices and its state are still there, and
the message takes focus so a screen reader reads it out.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import THROTTLED_RATE_LIMIT, start_visit
from tests.browser.tools import ROLE_PATH, sprint_tool, swapped

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]

RATE_LIMITED = (
    "Too many answers from your network in the last minute, so this one "
    "was not saved. Wait a minute, then send it again."
)
EXPIRED = (
    "Your session expired or this form was open too long. "
    "Reload the page and try again."
)


def assert_alert_shown_in_kept_tool(page, message, background):
    tool = sprint_tool(page)
    alert = tool.locator("[data-tool-alert]")
    expect(alert).to_have_text(message)
    expect(alert).to_be_visible()
    # The tool was not replaced by the message: its form and choice remain.
    expect(tool.get_by_role("button", name="Show my plan")).to_be_visible()
    expect(tool.get_by_label(background["name"], exact=True)).to_be_checked()
    page.wait_for_function(
        "document.activeElement && document.activeElement.matches('[data-tool-alert]')"
    )


def test_rate_limited_post_shows_the_limit_inside_the_tool(
    browser, throttled_site, seed
):
    visit = start_visit(browser, throttled_site, javascript=True)
    visit.expect_problem(r"^console error: .*status of 429 \(Too Many Requests\)$")
    try:
        page = visit.page
        visit.open(ROLE_PATH)
        background = seed.backgrounds[0]
        for _ in range(THROTTLED_RATE_LIMIT):
            tool = sprint_tool(page)
            tool.get_by_label(background["name"], exact=True).check()
            with swapped(page, "sprint-plan"):
                tool.get_by_role("button", name="Show my plan").click()
        tool = sprint_tool(page)
        tool.get_by_label(background["name"], exact=True).check()
        with page.expect_response(lambda r: "/tools/plan/" in r.url) as answer:
            tool.get_by_role("button", name="Show my plan").click()
        assert answer.value.status == 429
        assert_alert_shown_in_kept_tool(page, RATE_LIMITED, background)
        assert visit.unexpected_problems() == []
    finally:
        visit.context.close()


def test_post_after_cookies_are_cleared_explains_the_expired_form(visit, seed):
    visit.expect_problem(r"^console error: .*status of 403 \(Forbidden\)$")
    page = visit.page
    visit.open(ROLE_PATH)
    background = seed.backgrounds[0]
    tool = sprint_tool(page)
    tool.get_by_label(background["name"], exact=True).check()
    visit.context.clear_cookies()
    if visit.javascript:
        with page.expect_response(lambda r: "/tools/plan/" in r.url) as answer:
            tool.get_by_role("button", name="Show my plan").click()
        assert answer.value.status == 403
        assert_alert_shown_in_kept_tool(page, EXPIRED, background)
    else:
        with page.expect_navigation() as answer:
            tool.get_by_role("button", name="Show my plan").click()
        assert answer.value.status == 403
        expect(page.get_by_role("heading", level=1)).to_have_text("Form expired")
        expect(page.get_by_role("main")).to_contain_text(EXPIRED)
