"""Bad and hostile posts to every tool endpoint: a 4xx with a message, never a
500, and the stored state exactly as it was."""

import pytest
from django.test import Client

from assessments.models import (
    Candidate,
    CriterionRating,
    QuizAnswer,
    QuizAttempt,
    SkillRating,
    SprintChoice,
)
from assessments.selectors import SESSION_KEY
from tests import factories
from tests.assessments.conftest import HX, build_tool_role

pytestmark = pytest.mark.django_db

HUGE = "9" * 30


def snapshot():
    return {
        "candidates": list(Candidate.objects.values_list("id", "token", "updated_at")),
        "criteria": list(
            CriterionRating.objects.values_list("id", "criterion_id", "rating")
        ),
        "skills": list(SkillRating.objects.values_list("id", "skill_id", "level")),
        "plans": list(SprintChoice.objects.values_list("id", "background_id")),
        "attempts": list(QuizAttempt.objects.values_list("id", "finished_at")),
        "answers": list(
            QuizAnswer.objects.values_list("id", "question_id", "choice_id")
        ),
    }


class World:
    """A candidate mid-way through every tool, a stranger, and another role."""

    def __init__(self):
        self.tr = build_tool_role()
        self.other = build_tool_role()
        tr = self.tr
        self.candidate = factories.CandidateFactory()
        factories.CriterionRatingFactory(
            candidate=self.candidate, criterion=tr.criteria[0]
        )
        factories.SkillRatingFactory(
            candidate=self.candidate, skill=tr.skills[0], level=2
        )
        factories.SprintChoiceFactory(
            candidate=self.candidate, background=tr.backgrounds[0]
        )
        self.old_attempt = factories.QuizAttemptFactory(
            candidate=self.candidate, role=tr.role
        )
        self.attempt = factories.QuizAttemptFactory(
            candidate=self.candidate, role=tr.role
        )
        q1 = tr.questions[0]
        factories.QuizAnswerFactory(
            attempt=self.attempt, question=q1, choice=tr.wrong[q1.id], is_correct=False
        )
        stranger = factories.CandidateFactory()
        self.strangers_attempt = factories.QuizAttemptFactory(
            candidate=stranger, role=tr.role
        )

    def criterion(self, index=1):
        return f"criterion_{self.tr.criteria[index].id}"

    def all_skills(self, **override):
        data = {f"skill_{s.id}": "3" for s in self.tr.skills}
        data.update(override)
        return data


def q(world, index):
    return world.tr.questions[index]


def choice_for(world, index):
    question = q(world, index)
    return world.tr.correct[question.id].id


CASES = [
    # (case, endpoint, data(world), status, message)
    (
        "qualification: nothing rated",
        "qualification",
        lambda w: {},
        400,
        "at least one",
    ),
    (
        "qualification: unknown rating",
        "qualification",
        lambda w: {w.criterion(): "expert"},
        400,
        "Strength, In progress or Gap",
    ),
    (
        "qualification: another role's criterion",
        "qualification",
        lambda w: {f"criterion_{w.other.criteria[0].id}": "strength"},
        400,
        "not part of this role",
    ),
    (
        "qualification: unknown criterion id",
        "qualification",
        lambda w: {"criterion_987654": "gap"},
        400,
        "not part of this role",
    ),
    (
        "qualification: non-number id",
        "qualification",
        lambda w: {"criterion_abc": "gap", w.criterion(): "gap"},
        400,
        "not part of this role",
    ),
    (
        "qualification: huge id",
        "qualification",
        lambda w: {f"criterion_{HUGE}": "gap"},
        400,
        "not part of this role",
    ),
    (
        "qualification: huge value",
        "qualification",
        lambda w: {w.criterion(): "x" * 5000},
        400,
        "Strength, In progress or Gap",
    ),
    ("skills: nothing posted", "skills", lambda w: {}, 400, "from 1 to 5"),
    (
        "skills: one skill missing",
        "skills",
        lambda w: {k: v for k, v in list(w.all_skills().items())[1:]},
        400,
        "from 1 to 5",
    ),
    (
        "skills: level above 5",
        "skills",
        lambda w: w.all_skills(**{f"skill_{w.tr.skills[0].id}": "6"}),
        400,
        "from 1 to 5",
    ),
    (
        "skills: level 0",
        "skills",
        lambda w: w.all_skills(**{f"skill_{w.tr.skills[0].id}": "0"}),
        400,
        "from 1 to 5",
    ),
    (
        "skills: non-number",
        "skills",
        lambda w: w.all_skills(**{f"skill_{w.tr.skills[0].id}": "three"}),
        400,
        "from 1 to 5",
    ),
    (
        "skills: huge level",
        "skills",
        lambda w: w.all_skills(**{f"skill_{w.tr.skills[0].id}": HUGE}),
        400,
        "from 1 to 5",
    ),
    (
        "skills: another role's skill",
        "skills",
        lambda w: w.all_skills(**{f"skill_{w.other.skills[0].id}": "3"}),
        400,
        "not part of this role",
    ),
    ("plan: nothing chosen", "plan", lambda w: {}, 400, "Choose your background"),
    (
        "plan: non-number",
        "plan",
        lambda w: {"background": "it"},
        400,
        "backgrounds listed",
    ),
    ("plan: huge", "plan", lambda w: {"background": HUGE}, 400, "backgrounds listed"),
    (
        "plan: unknown id",
        "plan",
        lambda w: {"background": "987654"},
        400,
        "backgrounds listed",
    ),
    (
        "plan: another role's background",
        "plan",
        lambda w: {"background": w.other.backgrounds[0].id},
        400,
        "backgrounds listed",
    ),
    (
        "quiz: missing question",
        "quiz/answer",
        lambda w: {"attempt": w.attempt.id, "choice": choice_for(w, 1)},
        400,
        "missing the question",
    ),
    (
        "quiz: missing choice",
        "quiz/answer",
        lambda w: {"attempt": w.attempt.id, "question": q(w, 1).id},
        400,
        "Choose an answer",
    ),
    (
        "quiz: non-number choice",
        "quiz/answer",
        lambda w: {"attempt": w.attempt.id, "question": q(w, 1).id, "choice": "b"},
        400,
        "must be a number",
    ),
    (
        "quiz: huge question id",
        "quiz/answer",
        lambda w: {
            "attempt": w.attempt.id,
            "question": HUGE,
            "choice": choice_for(w, 1),
        },
        400,
        "question is not valid",
    ),
    (
        "quiz: negative attempt",
        "quiz/answer",
        lambda w: {"attempt": "-1", "question": q(w, 1).id, "choice": choice_for(w, 1)},
        400,
        "attempt is not valid",
    ),
    (
        "quiz: unknown question",
        "quiz/answer",
        lambda w: {
            "attempt": w.attempt.id,
            "question": 987654,
            "choice": choice_for(w, 1),
        },
        404,
        "not part of this knowledge check",
    ),
    (
        "quiz: another role's question",
        "quiz/answer",
        lambda w: {
            "attempt": w.attempt.id,
            "question": w.other.questions[1].id,
            "choice": w.other.correct[w.other.questions[1].id].id,
        },
        404,
        "not part of this knowledge check",
    ),
    (
        "quiz: a choice of another question",
        "quiz/answer",
        lambda w: {
            "attempt": w.attempt.id,
            "question": q(w, 1).id,
            "choice": choice_for(w, 2),
        },
        400,
        "not one of this question",
    ),
    (
        "quiz: unknown attempt",
        "quiz/answer",
        lambda w: {
            "attempt": 987654,
            "question": q(w, 1).id,
            "choice": choice_for(w, 1),
        },
        404,
        "attempt does not exist",
    ),
    (
        "quiz: another candidate's attempt",
        "quiz/answer",
        lambda w: {
            "attempt": w.strangers_attempt.id,
            "question": q(w, 0).id,
            "choice": choice_for(w, 0),
        },
        404,
        "attempt does not exist",
    ),
    (
        "quiz: stale attempt",
        "quiz/answer",
        lambda w: {
            "attempt": w.old_attempt.id,
            "question": q(w, 0).id,
            "choice": choice_for(w, 0),
        },
        409,
        "restarted in another tab",
    ),
    (
        "quiz: replayed answer",
        "quiz/answer",
        lambda w: {
            "attempt": w.attempt.id,
            "question": q(w, 0).id,
            "choice": choice_for(w, 0),
        },
        409,
        "cannot be changed",
    ),
    (
        "quiz: out of order",
        "quiz/answer",
        lambda w: {
            "attempt": w.attempt.id,
            "question": q(w, 2).id,
            "choice": choice_for(w, 2),
        },
        409,
        "question 2 comes next",
    ),
    (
        # A second tab opened before the first answer posts without an attempt.
        "quiz: new attempt while one is live",
        "quiz/answer",
        lambda w: {"question": q(w, 0).id, "choice": choice_for(w, 0)},
        409,
        "already answered in another tab or window",
    ),
    (
        "retake: missing attempt",
        "quiz/retake",
        lambda w: {},
        400,
        "missing the attempt",
    ),
    (
        "retake: non-number",
        "quiz/retake",
        lambda w: {"attempt": "x"},
        400,
        "must be a number",
    ),
    (
        "retake: stale attempt",
        "quiz/retake",
        lambda w: {"attempt": w.old_attempt.id},
        409,
        "restarted in another tab",
    ),
    (
        "retake: unfinished attempt",
        "quiz/retake",
        lambda w: {"attempt": w.attempt.id},
        409,
        "not finished yet",
    ),
    (
        "retake: another candidate's attempt",
        "quiz/retake",
        lambda w: {"attempt": w.strangers_attempt.id},
        404,
        "attempt does not exist",
    ),
]


@pytest.fixture
def world(db):
    return World()


@pytest.fixture
def candidate_client(world):
    client = Client()
    session = client.session
    session[SESSION_KEY] = world.candidate.token
    session.save()
    return client


@pytest.mark.parametrize("hx", [False, True], ids=["plain", "htmx"])
@pytest.mark.parametrize(
    ("endpoint", "data", "status", "message"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_bad_post_is_refused_with_a_message_and_changes_nothing(
    candidate_client, world, endpoint, data, status, message, hx
):
    before = snapshot()
    extra = HX if hx else {}
    response = candidate_client.post(world.tr.url(endpoint), data(world), **extra)
    assert response.status_code == status
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html
    assert "HX-Request" in response["Vary"]
    if hx:
        assert "<html" not in html
    else:
        assert "<html" in html  # the whole role page, the message in the tool
    assert snapshot() == before


@pytest.mark.parametrize(
    "endpoint", ["qualification", "skills", "plan", "quiz/answer", "quiz/retake"]
)
def test_get_is_not_allowed(candidate_client, world, endpoint):
    before = snapshot()
    response = candidate_client.get(world.tr.url(endpoint))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "only takes the tool's form" in response.content.decode()
    assert "HX-Request" in response["Vary"]
    assert snapshot() == before


@pytest.mark.parametrize(
    "endpoint", ["qualification", "skills", "plan", "quiz/answer", "quiz/retake"]
)
def test_post_to_an_unknown_role_is_404(candidate_client, world, endpoint):
    before = snapshot()
    response = candidate_client.post(f"/roles/no-such-role/tools/{endpoint}/", {})
    assert response.status_code == 404
    assert "no published role" in response.content.decode()
    assert snapshot() == before


def test_a_refused_first_post_creates_no_candidate(client, db):
    tr = build_tool_role()
    response = client.post(tr.url("qualification"), {"criterion_987654": "gap"})
    assert response.status_code == 400
    response = client.post(tr.url("quiz/answer"), {"question": 987654, "choice": 1})
    assert response.status_code == 404
    assert Candidate.objects.count() == 0


def test_a_visitor_without_state_cannot_use_someone_elses_attempt(client, world):
    response = client.post(
        world.tr.url("quiz/answer"),
        {
            "attempt": world.attempt.id,
            "question": q(world, 1).id,
            "choice": choice_for(world, 1),
        },
    )
    assert response.status_code == 404
    assert QuizAnswer.objects.filter(attempt=world.attempt).count() == 1
