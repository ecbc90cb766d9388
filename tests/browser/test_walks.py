"""A candidate's walk through each tool, with JavaScript on and with it off.

With JavaScript on, htmx swaps only the tool (the page is never reloaded);
with it off, each form posts and the browser is redirected back to the tool.
Either way the candidate must read the same results. Each walk is a fresh
browser context, so a new candidate with nothing saved.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.tools import (
    ROLE_PATH,
    correct_choice,
    criterion_group,
    exact,
    fact,
    gap_analysis,
    gap_items,
    phase_heading,
    qualification_tool,
    quiz_question_prompt,
    quiz_tool,
    radar_description,
    radar_points,
    skills_form,
    sprint_tool,
    starting,
    status_text,
    swapped,
    wrong_choice,
)

pytestmark = [pytest.mark.browser, pytest.mark.timeout(90)]


def open_role_page(visit):
    response = visit.open(ROLE_PATH)
    assert response.status == 200
    if visit.javascript:
        # Gone if the page is ever reloaded: proves a submit swapped in place.
        visit.page.evaluate("window.sameDocument = true")
    return visit.page


def submit(visit, tool, button_name, tool_id):
    """Press the tool's button as a person would and wait for the answer."""
    page = visit.page
    if visit.javascript:
        with (
            swapped(page, tool_id),
            page.expect_response(re.compile(r"/tools/")) as answer,
        ):
            tool.get_by_role("button", name=button_name).click()
        assert answer.value.status == 200
        assert answer.value.request.headers.get("hx-request") == "true"
        assert page.evaluate("window.sameDocument") is True, "the page reloaded"
    else:
        with page.expect_navigation():
            tool.get_by_role("button", name=button_name).click()
        assert page.url == visit.site.url(f"{ROLE_PATH}#{tool_id}")


def test_qualification_checker_scores_ten_ratings(visit, seed):
    page = open_role_page(visit)
    tool = qualification_tool(page)
    total = len(seed.criteria)
    expect(tool).to_contain_text(f"0 / {total} assessed")

    # 5 strengths, 2 in progress, 3 gaps: (5 + 2 × ½) / 10 = exactly 60%.
    ratings = ["Strength"] * 5 + ["In progress"] * 2 + ["Gap"] * 3
    assert len(ratings) == total

    first, rest = seed.criteria[:4], seed.criteria[4:]
    for criterion, rating in zip(first, ratings, strict=False):
        criterion_group(tool, criterion).get_by_label(rating, exact=True).check()
    submit(visit, tool, "Save my ratings", "qualification-checker")
    tool = qualification_tool(page)
    expect(tool.get_by_role("status")).to_contain_text(f"4 / {total} assessed")
    assert fact(tool, "Strengths") == "4"
    assert "%" not in status_text(tool)

    for criterion, rating in zip(rest, ratings[4:], strict=True):
        criterion_group(tool, criterion).get_by_label(rating, exact=True).check()
    submit(visit, tool, "Save my ratings", "qualification-checker")
    tool = qualification_tool(page)
    expect(tool.get_by_role("status")).to_contain_text("60% QUALIFIED")
    band = seed.verdict_for(60)
    assert "assessed" not in status_text(tool)
    assert fact(tool, "Strengths") == "5"
    assert fact(tool, "In Progress") == "2"
    assert fact(tool, "Gaps") == "3"
    assert f"{band['label']} {band['message']}" in status_text(tool)
    # The saved ratings are shown checked again.
    for criterion, rating in zip(seed.criteria, ratings, strict=True):
        expect(
            criterion_group(tool, criterion).get_by_label(rating, exact=True)
        ).to_be_checked()


def test_skills_ratings_redraw_the_radar_and_the_gap_analysis(visit, seed):
    page = open_role_page(visit)
    # The first skill below target is raised to its target; another is lowered.
    raised = next(s for s in seed.skills if s["starting_rating"] < s["target_level"])
    lowered = next(
        s for s in seed.skills if s is not raised and s["starting_rating"] > 1
    )
    expect(gap_analysis(page)).to_contain_text(raised["name"])
    assert raised["name"] in gap_items(page)
    before_points = radar_points(page)
    assert (
        f"{raised['name']}: your rating {raised['starting_rating']} of 5"
        in radar_description(page)
    )

    form = skills_form(page)
    form.get_by_role("group", name=exact(raised["name"])).get_by_label(
        str(raised["target_level"]), exact=True
    ).check()
    new_low = lowered["starting_rating"] - 1
    form.get_by_role("group", name=exact(lowered["name"])).get_by_label(
        str(new_low), exact=True
    ).check()
    submit(visit, form, "Update my ratings", "skills-assessment")

    expect(gap_analysis(page)).not_to_contain_text(f"{raised['name']}:")
    assert raised["name"] not in gap_items(page)
    lowered_gap = lowered["target_level"] - new_low
    expect(gap_analysis(page)).to_contain_text(
        f"{lowered['name']}: {new_low} of {lowered['target_level']}, "
        f"{lowered_gap} below target"
    )
    description = radar_description(page)
    assert f"{raised['name']}: your rating {raised['target_level']} of 5" in description
    assert f"{lowered['name']}: your rating {new_low} of 5" in description
    assert radar_points(page) != before_points
    # The values table under the radar reads the same.
    row = page.get_by_role("row", name=starting(raised["name"] + " "))
    expect(row.get_by_role("cell").first).to_have_text(str(raised["target_level"]))


def test_sprint_plan_builder_shows_each_backgrounds_plan(visit, seed):
    page = open_role_page(visit)
    expect(sprint_tool(page)).to_contain_text("Choose your background")
    assert len(seed.backgrounds) == 5
    for background in seed.backgrounds:
        tool = sprint_tool(page)
        tool.get_by_label(background["name"], exact=True).check()
        submit(visit, tool, "Show my plan", "sprint-plan")
        tool = sprint_tool(page)
        result = tool.get_by_role("status")
        expect(result.get_by_role("heading", level=4)).to_have_text(
            f"Your plan: {background['name']}"
        )
        phases = background["phases"]
        assert len(phases) == 3
        expect(result.get_by_role("heading", level=5)).to_have_text(
            [phase_heading(phase) for phase in phases]
        )
        for phase in phases:
            expect(result).to_contain_text(phase["title"])
        first_task = phases[0]["tasks"][0]
        expect(result.get_by_role("listitem").first).to_have_text(
            f"{first_task['text']} {first_task['hours']}h"
        )
        total = sum(task["hours"] for phase in phases for task in phase["tasks"])
        expect(result.locator(".plan-total")).to_have_text(f"Total: {total} hours")
        expect(tool.get_by_label(background["name"], exact=True)).to_be_checked()


def test_knowledge_check_to_the_end_then_retake(visit, seed):
    page = open_role_page(visit)
    total = len(seed.questions)
    # Right, wrong, right, wrong, right: 3 of 5.
    plan = [True, False, True, False, True][:total]
    asked = []
    for number, answer_right in enumerate(plan, start=1):
        tool = quiz_tool(page)
        expect(tool.locator("legend")).to_contain_text(f"Question {number} of {total}")
        question = quiz_question_prompt(page, seed)
        assert question["prompt"] not in asked
        asked.append(question["prompt"])
        choice = correct_choice(question) if answer_right else wrong_choice(question)
        tool.get_by_label(choice["text"], exact=True).check()
        submit(visit, tool, "Submit answer", "knowledge-check")

        feedback = quiz_tool(page).get_by_role("status")
        expect(feedback).to_contain_text("Correct!" if answer_right else "Not quite.")
        expect(feedback).to_contain_text(f"Your answer: {choice['text']}")
        expect(feedback).to_contain_text(
            f"Correct answer: {correct_choice(question)['text']}"
        )
        expect(feedback).to_contain_text(question["explanation"])

    score = sum(plan)
    tool = quiz_tool(page)
    expect(tool.get_by_role("status")).to_contain_text(f"{score}/{total}")
    expect(tool.get_by_role("status")).to_contain_text(
        seed.quiz_band_for(score)["message"]
    )
    expect(tool.get_by_role("button", name="Submit answer")).to_have_count(0)

    submit(visit, tool, "Retake the knowledge check", "knowledge-check")
    tool = quiz_tool(page)
    expect(tool.locator("legend")).to_contain_text(f"Question 1 of {total}")
    expect(tool.get_by_role("status")).not_to_contain_text(f"{score}/{total}")
