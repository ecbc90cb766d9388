"""axe-core finds no WCAG 2.0, 2.1 or 2.2 level A or AA violation on any page.

axe runs inside the page, so every audit is in a JavaScript-on context (in a
JavaScript-off one it hangs). The role page is audited with every tool in its
finished state and every expandable part open, so the results and the hidden
texts are audited too.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.tools import ROLE_PATH, finish_every_tool, sprint_tool

pytestmark = [pytest.mark.browser, pytest.mark.timeout(90)]

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def assert_no_violations(page):
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_AA}},
    )
    assert len(results.response["passes"]) >= 5, "axe checked next to nothing"
    violations = results.response["violations"]
    described = [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(node["target"][0] for node in v["nodes"][:5])
        for v in violations
    ]
    assert described == [], "axe found violations:\n" + "\n".join(described)


def test_catalogue_has_no_accessibility_violations(new_visit):
    page = new_visit().page
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_no_violations(page)


def test_role_page_with_every_tool_finished_has_no_violations(new_visit, seed):
    page = new_visit().page
    page.goto(ROLE_PATH)
    finish_every_tool(page, seed)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert_no_violations(page)


def test_private_results_page_has_no_violations(new_visit, seed):
    page = new_visit().page
    page.goto(ROLE_PATH)
    background = seed.backgrounds[-1]
    tool = sprint_tool(page)
    tool.get_by_label(background["name"], exact=True).check()
    tool.get_by_role("button", name="Show my plan").click()
    link = page.locator("#candidate-link").get_by_role("link")
    expect(link).to_have_attribute("href", re.compile(r"^/r/[^/]+/$"))
    private_url = link.get_attribute("href")

    # Another browser of the same candidate opens the link.
    other = new_visit().page
    response = other.goto(private_url)
    assert response.status == 200
    expect(other.get_by_role("heading", level=1)).to_have_text("Your saved results")
    expect(other.get_by_role("main")).to_contain_text(background["name"])
    assert_no_violations(other)


def test_not_found_page_has_no_violations(new_visit):
    visit = new_visit()
    visit.expect_problem(r"^console error: .*status of 404 \(Not Found\)$")
    page = visit.page
    response = page.goto("/roles/no-such-role/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    assert_no_violations(page)
