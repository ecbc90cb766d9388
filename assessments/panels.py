"""What each tool's partial template shows: content plus the candidate's state.

The role page's template tags and the tool endpoints both build their context
here, so a partial looks the same whether the page includes it or an HTMX
request swaps it in.
"""

from dataclasses import dataclass

from assessments import radar, scoring, selectors
from assessments.models import CriterionRating

TOOL_IDS = {
    "qualification": "qualification-checker",
    "skills": "skills-assessment",
    "plan": "sprint-plan",
    "quiz": "knowledge-check",
}


@dataclass(frozen=True)
class ToolMessage:
    """A refusal to show inside one tool (the others render as usual)."""

    tool: str
    message: str


def load(request, role):
    """Tool content and the visitor's state for ``role``, computed once per request.

    A visitor with a candidate sees their own data, so the response is marked
    private (``request.private_response``, honoured by the role page).
    """
    memo = getattr(request, "_assessment_panels", None)
    if memo is None:
        memo = request._assessment_panels = {}
    if role.pk not in memo:
        candidate = selectors.candidate_from_session(request)
        if candidate is not None:
            request.private_response = True
        memo[role.pk] = (
            candidate,
            selectors.role_tool_content(role),
            selectors.candidate_state(candidate, role),
        )
    return memo[role.pk]


def forget(request, candidate):
    """Drop the state ``load`` memoised, after a write by ``candidate`` changed it."""
    request.__dict__.pop("_assessment_panels", None)
    request._assessment_candidate = candidate


def _error_for(tool, error):
    return error.message if error is not None and error.tool == tool else ""


def qualification(role, content, state, *, error=None):
    items = [
        {"criterion": c, "rating": state.criterion_ratings.get(c.id, "")}
        for c in content.criteria
    ]
    result = scoring.readiness(
        [item["rating"] for item in items if item["rating"]], len(content.criteria)
    )
    band = (
        scoring.band_for(result.percent, content.verdict_bands)
        if result.is_complete
        else None
    )
    return {
        "id": TOOL_IDS["qualification"],
        "choices": CriterionRating.Rating.choices,
        "items": items,
        "result": result,
        "band": band,
        "error": _error_for("qualification", error),
    }


def skills(role, content, state, *, error=None):
    rows = []
    for skill in content.skills:
        level = state.skill_levels.get(skill.id, skill.starting_rating)
        rows.append(
            {
                "skill": skill,
                "level": level,
                "gap": scoring.skill_gap(level, skill.target_level),
                "field": f"skill_{skill.id}",
            }
        )
    return {
        "id": TOOL_IDS["skills"],
        "rows": rows,
        "gaps": [row for row in rows if row["gap"] > 0],
        # Unrated skills count at their starting rating; a summary must not
        # report those as the candidate's own gaps.
        "rated": any(skill.id in state.skill_levels for skill in content.skills),
        "levels": [level for level, _label in _LEVELS],
        "radar": radar.radar_svg(
            [
                (row["skill"].name, row["level"], row["skill"].target_level)
                for row in rows
            ]
        ),
        "error": _error_for("skills", error),
    }


_LEVELS = [(level, str(level)) for level in range(1, 6)]


def plan(role, content, state, *, error=None):
    chosen = content.background(state.background_id) if state.background_id else None
    return {
        "id": TOOL_IDS["plan"],
        "backgrounds": content.backgrounds,
        "chosen": chosen,
        "error": _error_for("plan", error),
    }


def quiz(role, content, state, *, error=None):
    answered = {answer.question_id: answer.is_correct for answer in state.answers}
    progress = scoring.quiz_progress(content.question_ids, answered)
    current = (
        content.question(progress.next_question_id)
        if progress.next_question_id
        else None
    )
    finished = state.attempt_id is not None and progress.is_finished
    return {
        "id": TOOL_IDS["quiz"],
        "attempt_id": state.attempt_id,
        "progress": progress,
        "current": current,
        "last_answer": state.answers[-1] if state.answers else None,
        "finished": finished,
        "band": scoring.quiz_band_for(progress.score, content.quiz_bands)
        if finished
        else None,
        "error": _error_for("quiz", error),
    }


BUILDERS = {
    "qualification": qualification,
    "skills": skills,
    "plan": plan,
    "quiz": quiz,
}


def tool_context(request, role, tool, *, error=None):
    candidate, content, state = load(request, role)
    return BUILDERS[tool](role, content, state, error=error)


def private_link(request, role):
    """The candidate's private link, once they have saved anything; else ``None``."""
    candidate, _content, _state = load(request, role)
    return candidate.token if candidate is not None else None
