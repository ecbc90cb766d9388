"""The scoring rules at their edges, with exact values."""

from dataclasses import dataclass

import pytest

from assessments import scoring


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        (0, 10, 0),
        (10, 10, 100),
        (5, 10, 50),
        (1, 3, 33),  # 33.33…
        (2, 3, 67),  # 66.67…
        (65, 200, 33),  # 32.5 rounds half up, not to even (32)
        (25, 200, 13),  # 12.5 → 13 (banker's rounding would give 12)
        (1, 8, 13),  # 12.5 → 13
        (129, 200, 65),  # 64.5 → 65
        (0, 0, 0),  # no criteria at all: no readiness
    ],
)
def test_percent_rounds_half_up(numerator, denominator, expected):
    assert scoring.percent_half_up(numerator, denominator) == expected


@pytest.mark.parametrize(
    ("strengths", "in_progress", "gaps", "expected"),
    [
        (0, 0, 10, 0),
        (10, 0, 0, 100),
        (0, 10, 0, 50),  # every in-progress counts half
        (5, 0, 5, 50),
        (5, 3, 2, 65),
        (6, 1, 3, 65),
        (0, 1, 9, 5),
        (3, 1, 6, 35),
    ],
)
def test_readiness_counts_in_progress_as_half(strengths, in_progress, gaps, expected):
    ratings = ["strength"] * strengths + ["in_progress"] * in_progress + ["gap"] * gaps
    result = scoring.readiness(ratings, 10)
    assert result.percent == expected
    assert (result.strengths, result.in_progress, result.gaps) == (
        strengths,
        in_progress,
        gaps,
    )
    assert result.is_complete


def test_readiness_rounds_a_half_percent_up():
    # 1 in progress of 4 criteria... (0.5 / 4) = 12.5% → 13%.
    assert scoring.readiness(["in_progress", "gap", "gap", "gap"], 4).percent == 13


@pytest.mark.parametrize(
    ("rated", "total", "assessed", "complete"),
    [(0, 10, 0, False), (7, 10, 7, False), (9, 10, 9, False), (10, 10, 10, True)],
)
def test_readiness_is_complete_only_when_every_criterion_is_rated(
    rated, total, assessed, complete
):
    result = scoring.readiness(["gap"] * rated, total)
    assert result.assessed == assessed
    assert result.is_complete is complete


def test_readiness_with_no_criteria_is_never_complete_and_scores_zero():
    result = scoring.readiness([], 0)
    assert result.is_complete is False
    assert result.percent == 0


def test_readiness_refuses_an_unknown_rating():
    with pytest.raises(ValueError, match="unknown rating"):
        scoring.readiness(["strength", "expert"], 10)


@dataclass
class Band:
    min_percent: int
    label: str


BANDS = [Band(50, "middle"), Band(0, "low"), Band(80, "high")]  # any order


@pytest.mark.parametrize(
    ("score", "label"),
    [
        (0, "low"),
        (49, "low"),
        (50, "middle"),
        (79, "middle"),
        (80, "high"),
        (100, "high"),
    ],
)
def test_band_is_the_highest_minimum_reached(score, label):
    assert scoring.band_for(score, BANDS).label == label


def test_no_band_below_the_lowest_minimum():
    assert scoring.band_for(10, [Band(20, "only")]) is None


def test_no_band_when_there_are_no_bands():
    assert scoring.band_for(100, []) is None


@dataclass
class QuizBand:
    min_score: int
    message: str


@pytest.mark.parametrize(("score", "message"), [(0, "a"), (2, "a"), (3, "b"), (5, "c")])
def test_quiz_band_uses_min_score(score, message):
    bands = [QuizBand(0, "a"), QuizBand(3, "b"), QuizBand(5, "c")]
    assert scoring.quiz_band_for(score, bands).message == message


@pytest.mark.parametrize(
    ("rating", "target", "gap"), [(1, 4, 3), (4, 4, 0), (5, 4, 0), (3, 4, 1)]
)
def test_skill_gap_is_levels_below_target_never_negative(rating, target, gap):
    assert scoring.skill_gap(rating, target) == gap


def test_skills_below_target_keeps_order_and_drops_met_targets():
    skills = [("a", 1, 4), ("b", 4, 4), ("c", 5, 3), ("d", 2, 3)]
    assert scoring.skills_below_target(skills) == [("a", 1, 4), ("d", 2, 3)]


@pytest.mark.parametrize(("hours", "total"), [([], 0), ([15], 15), ([15, 12, 15], 42)])
def test_total_hours(hours, total):
    assert scoring.total_hours(hours) == total


def test_quiz_progress_before_any_answer():
    progress = scoring.quiz_progress([11, 12, 13], {})
    assert (progress.next_question_id, progress.next_number) == (11, 1)
    assert (progress.score, progress.answered_count, progress.is_finished) == (
        0,
        0,
        False,
    )


def test_quiz_progress_mid_way():
    progress = scoring.quiz_progress([11, 12, 13], {11: True})
    assert (progress.next_question_id, progress.next_number, progress.score) == (
        12,
        2,
        1,
    )


def test_quiz_progress_all_answered_scores_the_correct_ones():
    progress = scoring.quiz_progress([11, 12, 13], {11: True, 12: False, 13: True})
    assert progress.is_finished
    assert (progress.score, progress.total, progress.next_number) == (2, 3, None)


def test_quiz_progress_ignores_answers_to_questions_no_longer_in_the_quiz():
    progress = scoring.quiz_progress([11, 12], {11: True, 99: True})
    assert (progress.score, progress.answered_count, progress.next_number) == (1, 1, 2)


def test_quiz_with_no_questions_is_never_finished():
    progress = scoring.quiz_progress([], {})
    assert progress.is_finished is False
    assert progress.score == 0
