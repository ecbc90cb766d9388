"""Back, forward and reload after an htmx swap show the full, working page."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.tools import ROLE_PATH, qualification_tool

pytestmark = [pytest.mark.browser, pytest.mark.timeout(60)]


def assert_full_role_page(page, rated):
    """The whole page, not a bare fragment, showing the saved ratings."""
    expect(page.get_by_role("banner")).to_contain_text("Career Role Profiles")
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    expect(page.get_by_role("contentinfo")).to_be_visible()
    tool = qualification_tool(page)
    expect(tool.get_by_role("status")).to_contain_text(f"{rated} / ")
    return tool


def rate_next(page, tool, seed, index):
    """Rate one more criterion as a gap and save it, checking htmx swapped it."""
    name = seed.criteria[index]["name"]
    group = tool.get_by_role("group").filter(has_text=f"{name}:")
    group.get_by_label("Gap", exact=True).check()
    with page.expect_response(lambda r: "/tools/qualification/" in r.url) as answer:
        tool.get_by_role("button", name="Save my ratings").click()
    assert answer.value.request.headers.get("hx-request") == "true"
    expect(qualification_tool(page).get_by_role("status")).to_contain_text(
        f"{index + 1} / "
    )


def test_back_forward_and_reload_after_a_swap_show_the_whole_page(new_visit, seed):
    page = new_visit().page
    catalogue_url = page.goto("/").url
    page.get_by_role("link", name=seed.role_title).first.click()
    expect(page).to_have_url(re.compile(re.escape(ROLE_PATH) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(seed.role_title)
    rate_next(page, qualification_tool(page), seed, 0)

    page.go_back()
    expect(page).to_have_url(catalogue_url)
    expect(page.get_by_role("link", name=seed.role_title).first).to_be_visible()

    page.go_forward()
    tool = assert_full_role_page(page, 1)
    rate_next(page, tool, seed, 1)

    page.reload()
    tool = assert_full_role_page(page, 2)
    rate_next(page, tool, seed, 2)
