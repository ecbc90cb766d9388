"""How a person finds and reads the role page's tools, shared by the walks.

Everything is located the way a person or a screen reader finds it: regions by
their heading, fieldsets by their legend, inputs by their label, buttons by
their text.
"""

import re
from contextlib import contextmanager

from playwright.sync_api import expect

ROLE_PATH = "/roles/ai-bias-mitigation-specialist/"


def _escaped(text):
    # Playwright sends a pattern to the browser between slashes; a bare slash
    # inside it (as in "Python / R") would end the pattern early.
    return re.escape(text).replace("/", r"\/")


def exact(text):
    return re.compile(rf"^\s*{_escaped(text)}\s*$")


def starting(text):
    return re.compile(rf"^\s*{_escaped(text)}")


def qualification_tool(page):
    return page.get_by_role("region", name="Qualification Checker")


def skills_form(page):
    return page.get_by_role("region", name="Self-Assessment")


def gap_analysis(page):
    return page.get_by_role("region", name="Gap Analysis")


def skills_radar(page):
    return page.get_by_role("region", name="Skills Radar")


def sprint_tool(page):
    return page.get_by_role("region", name="90-Day Sprint Plan Builder")


def quiz_tool(page):
    return page.get_by_role("region", name="Knowledge Check")


def criterion_group(tool, criterion):
    return tool.get_by_role("group", name=starting(f"{criterion['name']}:"))


def status_text(tool):
    """What the tool's live status area reads, whitespace collapsed."""
    text = tool.get_by_role("status").inner_text()
    return " ".join(text.split())


def fact(tool, label):
    """The value shown under a label of the tool's facts (Strengths: 5)."""
    row = tool.locator("dl div").filter(
        has=tool.page.locator("dt", has_text=exact(label))
    )
    return row.locator("dd").inner_text().strip()


def radar_points(page):
    """The drawn outline of the candidate's ratings (the filled polygon)."""
    return (
        skills_radar(page)
        .get_by_role("img")
        .locator("polygon[fill-opacity]")
        .get_attribute("points")
    )


def radar_description(page):
    return skills_radar(page).get_by_role("img").locator("desc").text_content()


def gap_items(page):
    """Skill names listed in the gap analysis, top-level entries only."""
    names = gap_analysis(page).locator("ul.resource-list > li > strong")
    return [name.strip() for name in names.all_text_contents()]


def quiz_question_prompt(page, seed):
    """The seed question the quiz currently asks, found by its prompt."""
    legend = quiz_tool(page).locator("legend").inner_text()
    for question in seed.questions:
        if question["prompt"] in legend:
            return question
    raise AssertionError(f"the quiz asks a question not in the fixture: {legend!r}")


def correct_choice(question):
    return next(c for c in question["choices"] if c["is_correct"])


def wrong_choice(question):
    return next(c for c in question["choices"] if not c["is_correct"])


def phase_heading(phase):
    return f"Days {phase['start_day']}–{phase['end_day']}: {phase['name']}"


def finish_every_tool(page, seed):
    """Bring each tool to its finished state with the mouse, JavaScript on.

    Ratings: all but the last criterion strengths, the last a gap; the first
    skill below target raised to its target; the first background chosen; the
    quiz answered right except for the first question.
    """
    tool = qualification_tool(page)
    for criterion in seed.criteria[:-1]:
        criterion_group(tool, criterion).get_by_label("Strength", exact=True).check()
    criterion_group(tool, seed.criteria[-1]).get_by_label("Gap", exact=True).check()
    with swapped(page, "qualification-checker"):
        tool.get_by_role("button", name="Save my ratings").click()
    expect(qualification_tool(page).get_by_role("status")).to_contain_text(
        "% QUALIFIED"
    )

    raised = next(s for s in seed.skills if s["starting_rating"] < s["target_level"])
    form = skills_form(page)
    form.get_by_role("group", name=exact(raised["name"])).get_by_label(
        str(raised["target_level"]), exact=True
    ).check()
    with swapped(page, "skills-assessment"):
        form.get_by_role("button", name="Update my ratings").click()
    expect(gap_analysis(page)).not_to_contain_text(f"{raised['name']}:")

    background = seed.backgrounds[0]
    tool = sprint_tool(page)
    tool.get_by_label(background["name"], exact=True).check()
    with swapped(page, "sprint-plan"):
        tool.get_by_role("button", name="Show my plan").click()
    expect(sprint_tool(page)).to_contain_text(f"Your plan: {background['name']}")

    total = len(seed.questions)
    for number in range(1, total + 1):
        tool = quiz_tool(page)
        expect(tool.locator("legend")).to_contain_text(f"Question {number} of {total}")
        question = quiz_question_prompt(page, seed)
        pick = wrong_choice(question) if number == 1 else correct_choice(question)
        tool.get_by_label(pick["text"], exact=True).check()
        with swapped(page, "knowledge-check"):
            tool.get_by_role("button", name="Submit answer").click()
        expect(quiz_tool(page).get_by_role("status")).to_contain_text("Correct answer:")
    expect(quiz_tool(page).get_by_role("status")).to_contain_text(
        f"{total - 1}/{total}"
    )


@contextmanager
def swapped(page, tool_id):
    """Wait, after the body runs, until htmx has replaced the tool with new markup.

    Text checks alone can pass on the old markup (a second "Correct!" reads
    like the first), so the old element is tagged first and the wait lasts
    until an untagged element has taken its place and htmx has settled it.
    """
    page.evaluate(
        "(id) => { document.getElementById(id).replacedBySwap = false; }", tool_id
    )
    page.evaluate(
        """(id) => {
          window.settledTools = window.settledTools || [];
          if (!window.settledToolsListening) {
            window.settledToolsListening = true;
            document.addEventListener("htmx:afterSettle", (event) => {
              window.settledTools.push(event.target.id);
            });
          }
          window.settledTools = window.settledTools.filter((seen) => seen !== id);
        }""",
        tool_id,
    )
    yield
    page.wait_for_function(
        """(id) => {
          const tool = document.getElementById(id);
          return tool !== null && tool.replacedBySwap === undefined
            && window.settledTools.includes(id);
        }""",
        arg=tool_id,
    )
