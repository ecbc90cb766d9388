"""Usage figures for the admin."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.selectors import question_success_rates, tool_usage
from tests import factories
from tests.assessments.conftest import build_tool_role

pytestmark = pytest.mark.django_db


def test_tool_usage_counts_distinct_candidates_per_tool_in_one_query():
    tr = build_tool_role()
    other = build_tool_role()
    alice, bob, carol = factories.CandidateFactory.create_batch(3)
    for criterion in tr.criteria[:3]:  # three ratings, one candidate
        factories.CriterionRatingFactory(candidate=alice, criterion=criterion)
    factories.CriterionRatingFactory(candidate=bob, criterion=tr.criteria[0])
    factories.SkillRatingFactory(candidate=alice, skill=tr.skills[0])
    factories.SprintChoiceFactory(candidate=carol, background=tr.backgrounds[0])
    attempt = factories.QuizAttemptFactory(candidate=bob, role=tr.role)
    q1 = tr.questions[0]
    factories.QuizAnswerFactory(attempt=attempt, question=q1, choice=tr.correct[q1.id])
    factories.QuizAttemptFactory(candidate=carol, role=tr.role)  # started, unanswered
    factories.CriterionRatingFactory(candidate=carol, criterion=other.criteria[0])

    with CaptureQueriesContext(connection) as queries:
        usage = tool_usage(tr.role)
    assert usage == {"qualification": 2, "skills": 1, "plan": 1, "quiz": 1}
    assert len(queries) == 1


def test_tool_usage_of_an_unused_role_is_all_zero():
    tr = build_tool_role()
    assert tool_usage(tr.role) == {
        "qualification": 0,
        "skills": 0,
        "plan": 0,
        "quiz": 0,
    }


def test_question_success_rates_in_one_query():
    tr = build_tool_role(questions=2)
    q1, q2 = tr.questions
    for correct in (True, True, False):
        attempt = factories.QuizAttemptFactory(role=tr.role)
        choice = tr.correct[q1.id] if correct else tr.wrong[q1.id]
        factories.QuizAnswerFactory(attempt=attempt, question=q1, choice=choice)
    with CaptureQueriesContext(connection) as queries:
        rates = question_success_rates(tr.role)
    assert len(queries) == 1
    assert [(r["question"].id, r["answers"], r["correct"]) for r in rates] == [
        (q1.id, 3, 2),
        (q2.id, 0, 0),
    ]
    assert rates[0]["share"] == pytest.approx(2 / 3)
    assert rates[1]["share"] is None
