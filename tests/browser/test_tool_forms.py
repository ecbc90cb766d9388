"""Each answer of a tool is its own row, big enough to hit, on a phone and a desktop."""

import pytest
from playwright.sync_api import expect

from tests.browser.tools import ROLE_PATH, quiz_tool, sprint_tool

pytestmark = [pytest.mark.browser, pytest.mark.timeout(60)]

# For each label of a choice list: its box, and its radio's box.
CHOICE_BOXES = """
(section) => Array.from(section.querySelectorAll("fieldset label")).map((label) => {
  const box = label.getBoundingClientRect();
  const radio = label.querySelector("input[type=radio]").getBoundingClientRect();
  return {top: box.top, bottom: box.bottom, left: box.left, height: box.height,
          radioTop: radio.top, radioBottom: radio.bottom, radioLeft: radio.left};
})
"""


def assert_one_row_per_choice(tool, expected_count):
    boxes = tool.element_handle().evaluate(CHOICE_BOXES)
    assert len(boxes) == expected_count
    for above, below in zip(boxes, boxes[1:], strict=False):
        # Each label starts below the previous one: no choice shares a line.
        assert below["top"] >= above["bottom"] - 0.5
    for box in boxes:
        assert box["height"] >= 44
        # The radio sits inside its own label, at its start.
        assert box["top"] <= box["radioTop"] and box["radioBottom"] <= box["bottom"]
        assert box["radioLeft"] - box["left"] < 24


@pytest.mark.parametrize("width", [390, 1280])
def test_quiz_and_sprint_choices_are_rows_with_44px_targets(new_visit, seed, width):
    visit = new_visit(viewport={"width": width, "height": 844 if width == 390 else 900})
    page = visit.page
    visit.open(ROLE_PATH)
    assert_one_row_per_choice(quiz_tool(page), len(seed.questions[0]["choices"]))
    assert_one_row_per_choice(sprint_tool(page), len(seed.backgrounds))

    button = sprint_tool(page).get_by_role("button", name="Show my plan")
    assert button.bounding_box()["height"] >= 44
    button.focus()
    expect(button).to_be_focused()
    outline = button.evaluate("(el) => getComputedStyle(el).outlineStyle")
    assert outline == "solid"
