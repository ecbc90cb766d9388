"""Each tool used with the keyboard alone, JavaScript on.

Tab and Shift+Tab move between controls, the arrow keys move within a radio
group (the only way a keyboard changes a group's choice), Space checks a radio
or opens a summary, Enter presses a button. Wherever focus is, it must be
visible; after each swap it must land inside the tool that changed.
"""

import contextlib

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from tests.browser.tools import (
    ROLE_PATH,
    correct_choice,
    gap_items,
    qualification_tool,
    quiz_question_prompt,
    quiz_tool,
    sprint_tool,
    swapped,
)

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]

# What the focused element is, and whether a person can see that it is.
FOCUS_INFO = r"""
(selector) => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  // textContent, not innerText: the words as written, before CSS upper-cases them.
  const words = (node) => (node ? node.textContent.replace(/\s+/g, " ").trim() : "");
  const label = el.labels && el.labels.length ? words(el.labels[0]) : "";
  const group = el.closest("fieldset");
  const legend = group ? group.querySelector("legend") : null;
  return {
    tag: el.tagName.toLowerCase(),
    type: el.type || "",
    checked: Boolean(el.checked),
    text: words(el).slice(0, 200),
    label: label,
    legend: words(legend),
    inside: selector ? el.closest(selector) !== null : false,
    visible: outline || style.boxShadow !== "none",
  };
}
"""

MAX_TABS = 400


def focused(page, selector=None):
    return page.evaluate(FOCUS_INFO, selector)


def tab_to(page, matches, *, selector=None, key="Tab"):
    """Press Tab until the focused element matches; every stop must show focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        info = focused(page, selector)
        if info is None:
            continue
        assert info["visible"], f"focus is not visible on {info}"
        if matches(info):
            return info
    raise AssertionError("Tab never reached the expected control")


def button(text):
    return lambda info: info["tag"] == "button" and info["text"] == text


def radio_in(legend_start):
    return lambda info: (
        info["type"] == "radio" and info["legend"].startswith(legend_start)
    )


def assert_focus_in_swapped_tool(page, tool_id):
    # Focus moves when htmx has settled the swap, a moment after the new text
    # shows; give it a second before judging.
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            "(id) => document.activeElement && document.activeElement.closest('#' + id)",
            arg=tool_id,
            timeout=1000,
        )
    info = focused(page, f"#{tool_id}")
    assert info is not None, "focus was lost after the swap"
    assert info["inside"], f"focus is outside #{tool_id} after the swap: {info}"
    assert info["visible"], f"focus is not visible after the swap: {info}"


def press_enter_for_swap(page, tool_id):
    with swapped(page, tool_id):
        page.keyboard.press("Enter")


def choose_in_group(page, label):
    """Move through the focused radio group with the arrow keys until ``label``."""
    for _ in range(10):
        info = focused(page)
        if info["label"] == label:
            page.keyboard.press("Space")
            assert focused(page)["checked"]
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"no choice labelled {label!r} in the group")


@pytest.fixture
def page(new_visit):
    visit = new_visit(javascript=True)
    assert visit.open(ROLE_PATH).status == 200
    return visit.page


def test_qualification_checker_by_keyboard(page, seed):
    for criterion in seed.criteria:
        # A group with nothing checked is entered on its first choice, Strength.
        info = tab_to(page, radio_in(criterion["icon"]))
        assert info["label"] == "Strength"
        assert criterion["name"] in info["legend"]
        page.keyboard.press("Space")
    tab_to(page, button("Save my ratings"))
    # Back to the last group and forward again: its choice is kept.
    page.keyboard.press("Shift+Tab")
    assert focused(page)["checked"]
    tab_to(page, button("Save my ratings"))
    press_enter_for_swap(page, "qualification-checker")

    tool = qualification_tool(page)
    expect(tool.get_by_role("status")).to_contain_text("100% QUALIFIED")
    assert_focus_in_swapped_tool(page, "qualification-checker")


def test_skills_self_assessment_by_keyboard(page, seed):
    raised = next(s for s in seed.skills if s["starting_rating"] < s["target_level"])
    assert raised["name"] in gap_items(page)
    # The group is entered on its checked level; the arrows move it up.
    info = tab_to(
        page, lambda info: info["type"] == "radio" and info["legend"] == raised["name"]
    )
    assert info["label"] == str(raised["starting_rating"])
    choose_in_group(page, str(raised["target_level"]))
    tab_to(page, button("Update my ratings"))
    press_enter_for_swap(page, "skills-assessment")

    expect(page.get_by_role("region", name="Gap Analysis")).not_to_contain_text(
        f"{raised['name']}:"
    )
    assert_focus_in_swapped_tool(page, "skills-assessment")


def test_sprint_plan_builder_by_keyboard(page, seed):
    for background in seed.backgrounds:
        tab_to(page, radio_in("Step 1"), selector="#sprint-plan")
        choose_in_group(page, background["name"])
        tab_to(page, button("Show my plan"))
        press_enter_for_swap(page, "sprint-plan")
        expect(sprint_tool(page).get_by_role("heading", level=4)).to_have_text(
            f"Your plan: {background['name']}"
        )
        assert_focus_in_swapped_tool(page, "sprint-plan")
        # Focus sits in the swapped tool, so the next round starts from there:
        # back up to just before the tool's form.
        for _ in range(MAX_TABS):
            info = focused(page, "#sprint-plan form")
            if not info["inside"]:
                break
            page.keyboard.press("Shift+Tab")


def test_knowledge_check_by_keyboard(page, seed):
    total = len(seed.questions)
    for number in range(1, total + 1):
        tool = quiz_tool(page)
        expect(tool.locator("legend")).to_contain_text(f"Question {number} of {total}")
        question = quiz_question_prompt(page, seed)
        tab_to(page, radio_in("Question"), selector="#knowledge-check")
        choose_in_group(page, correct_choice(question)["text"])
        tab_to(page, button("Submit answer"))
        press_enter_for_swap(page, "knowledge-check")
        expect(quiz_tool(page).get_by_role("status")).to_contain_text("Correct!")
        assert_focus_in_swapped_tool(page, "knowledge-check")

    expect(quiz_tool(page).get_by_role("status")).to_contain_text(f"{total}/{total}")
    tab_to(page, button("Retake the knowledge check"))
    press_enter_for_swap(page, "knowledge-check")
    expect(quiz_tool(page).locator("legend")).to_contain_text(f"Question 1 of {total}")
    assert_focus_in_swapped_tool(page, "knowledge-check")


@pytest.mark.parametrize(
    "section, key",
    [
        ("#day-in-the-life", "Enter"),
        ("#career-path", "Space"),
        ("#interview-prep", "Enter"),
    ],
    ids=["reality-check", "career-step", "model-answer"],
)
def test_expandable_parts_open_from_the_keyboard(page, section, key):
    tab_to(
        page, lambda info: info["tag"] == "summary" and info["inside"], selector=section
    )
    is_open = "() => document.activeElement.parentElement.open"
    assert page.evaluate(is_open) is False
    page.keyboard.press(key)
    assert page.evaluate(is_open) is True
    shown = page.evaluate(
        "() => document.activeElement.parentElement.lastElementChild.innerText.trim()"
    )
    assert shown, "the opened part shows nothing"
    page.keyboard.press(key)
    assert page.evaluate(is_open) is False
