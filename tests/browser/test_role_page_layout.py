"""The role page and catalogue as a phone and a desktop render them: nothing
wider than the screen, scripts loaded under their integrity hashes, focus moved
to the result after an htmx swap, and no accessibility violations axe can find.
"""

import pytest

from tests.browser.conftest import ROLE_PATH

pytestmark = [pytest.mark.browser, pytest.mark.timeout(90)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# Elements whose right edge passes the viewport, ignoring the insides of boxes
# that scroll on their own (the certifications table).
OVERFLOWING = """() => [...document.querySelectorAll("body *")]
  .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
  .filter((el) => !el.closest(".table-scroll"))
  .slice(0, 5)
  .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
@pytest.mark.parametrize("path", [ROLE_PATH, "/"], ids=["role-page", "catalogue"])
def test_nothing_is_wider_than_the_screen(new_visit, viewport, path):
    visit = new_visit(viewport=viewport)
    assert visit.open(path).status == 200

    page = visit.page
    assert page.evaluate("document.documentElement.scrollWidth") == viewport["width"]
    assert page.evaluate(OVERFLOWING) == []


def test_certifications_table_scrolls_inside_its_own_box_on_a_phone(new_visit):
    visit = new_visit(viewport=PHONE)
    visit.open(ROLE_PATH)

    box = visit.page.locator(".table-scroll")
    assert box.evaluate("el => el.scrollWidth > el.clientWidth") is True
    assert box.get_attribute("tabindex") == "0"


def test_htmx_runs_with_the_page_configuration(new_visit):
    visit = new_visit()
    visit.open(ROLE_PATH)

    config = visit.page.evaluate(
        "[htmx.config.allowEval, htmx.config.selfRequestsOnly,"
        " htmx.config.historyCacheSize]"
    )
    assert config == [False, True, 0]


def test_focus_moves_to_the_result_after_a_swap(new_visit):
    visit = new_visit()
    visit.open(ROLE_PATH)
    page = visit.page

    form = page.locator("form[hx-post*='qualification']")
    form.locator("input[type=radio]").first.check()
    with page.expect_response(lambda response: "qualification" in response.url):
        form.get_by_role("button").click()

    # A function, not a bare expression: Playwright evaluates bare expressions
    # in a way the page's Content-Security-Policy (no eval) refuses.
    page.wait_for_function(
        "() => document.activeElement.hasAttribute('data-focus-after-swap')"
    )
    assert "1 / 10 assessed" in page.evaluate("document.activeElement.textContent")


@pytest.mark.parametrize("path", [ROLE_PATH, "/"], ids=["role-page", "catalogue"])
def test_axe_finds_no_violations_on_a_phone(new_visit, path):
    from axe_playwright_python.sync_playwright import Axe

    visit = new_visit(viewport=PHONE)
    visit.open(path)

    results = Axe().run(visit.page)
    violations = [
        (violation["id"], [node["target"] for node in violation["nodes"]][:3])
        for violation in results.response["violations"]
    ]
    assert violations == []
