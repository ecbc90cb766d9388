"""The role page fits a phone's width, and screenshots for a person to look at.

Screenshots of the whole role page (every tool finished) are saved to
var/screenshots/role-390.png and role-1280.png on each run.
"""

import pytest

from tests.browser.tools import ROLE_PATH, finish_every_tool

pytestmark = [pytest.mark.browser, pytest.mark.timeout(90)]

# Elements whose box reaches past the right edge of the viewport. Content inside
# a container that scrolls or clips horizontally (the certification table in its
# scroll box) is reachable by scrolling that box, not the page, so only the box
# itself is judged; visually hidden text (clipped to one pixel) is skipped.
OVERFLOWING = """
() => {
  const width = window.innerWidth;
  const clipped = (el) => {
    for (let node = el.parentElement; node; node = node.parentElement) {
      const overflow = getComputedStyle(node).overflowX;
      if (overflow !== "visible") return true;
    }
    return false;
  };
  const found = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right <= width + 0.5 || clipped(el)) continue;
    const name = el.tagName.toLowerCase()
      + (el.id ? "#" + el.id : "")
      + (el.className && typeof el.className === "string" ? "." + el.className.trim().replace(/\\s+/g, ".") : "");
    found.push(`${name} right edge at ${Math.round(box.right)}px`);
  }
  return found;
}
"""


@pytest.mark.parametrize("width", [390, 1280])
def test_role_page_fits_the_viewport_and_is_captured(
    new_visit, seed, screenshots_dir, width
):
    visit = new_visit(viewport={"width": width, "height": 844 if width == 390 else 900})
    page = visit.page
    assert visit.open(ROLE_PATH).status == 200
    finish_every_tool(page, seed)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")

    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    inner_width = page.evaluate("window.innerWidth")
    assert inner_width == width
    assert scroll_width <= inner_width, "the page scrolls sideways"
    assert page.evaluate(OVERFLOWING) == []

    path = screenshots_dir / f"role-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
