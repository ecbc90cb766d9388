"""The tools' rules hold in the database, whatever writes to it, and explain
themselves in validation."""

import pytest
from django.apps import apps

from tests import factories
from tests.constraint_checks import (
    assert_database_refuses,
    assert_natural_key_round_trip,
    field_errors,
    validation_messages,
)

pytestmark = pytest.mark.django_db


# --- Verdict bands ------------------------------------------------------------------


def test_a_verdict_band_above_100_is_refused_by_the_database():
    assert_database_refuses(lambda: factories.VerdictBandFactory(min_percent=101))


def test_a_verdict_band_above_100_is_refused_by_validation():
    band = factories.VerdictBandFactory.build(
        role=factories.RoleFactory(), min_percent=101
    )
    assert field_errors(band) == {
        "min_percent": ["Ensure this value is less than or equal to 100."]
    }


def test_the_verdict_band_constraint_gives_its_own_message():
    band = factories.VerdictBandFactory.build(
        role=factories.RoleFactory(), min_percent=101
    )
    assert validation_messages(band, "validate_constraints") == [
        "A band cannot start above 100%."
    ]


def test_two_verdict_bands_of_a_role_cannot_start_at_one_percentage():
    band = factories.VerdictBandFactory(min_percent=40)
    assert_database_refuses(
        lambda: factories.VerdictBandFactory(role=band.role, min_percent=40)
    )
    twin = factories.VerdictBandFactory.build(role=band.role, min_percent=40)
    assert validation_messages(twin) == [
        "Another band already starts at this percentage."
    ]


def test_verdict_bands_from_0_to_100_are_allowed():
    role = factories.RoleFactory()
    for percent in (0, 100):
        factories.VerdictBandFactory.build(role=role, min_percent=percent).full_clean()


def test_two_quiz_result_messages_of_a_role_cannot_start_at_one_score():
    band = factories.QuizResultBandFactory(min_score=3)
    assert_database_refuses(
        lambda: factories.QuizResultBandFactory(role=band.role, min_score=3)
    )
    twin = factories.QuizResultBandFactory.build(role=band.role, min_score=3)
    assert validation_messages(twin) == [
        "Another message already starts at this score."
    ]


# --- Sprint plans -------------------------------------------------------------------

PHASE_ORDER = "A phase must start on day 1 or later and not after it ends."


@pytest.mark.parametrize(("start", "end"), [(31, 30), (0, 30)])
def test_sprint_phase_days_out_of_order_are_refused_by_the_database(start, end):
    assert_database_refuses(
        lambda: factories.SprintPhaseFactory(start_day=start, end_day=end)
    )


@pytest.mark.parametrize(("start", "end"), [(31, 30), (0, 30)])
def test_sprint_phase_days_out_of_order_are_explained(start, end):
    phase = factories.SprintPhaseFactory.build(
        background=factories.SprintBackgroundFactory(), start_day=start, end_day=end
    )
    assert validation_messages(phase) == [PHASE_ORDER]


def test_a_one_day_phase_is_allowed():
    factories.SprintPhaseFactory.build(
        background=factories.SprintBackgroundFactory(), start_day=5, end_day=5
    ).full_clean()


def test_two_phases_of_a_plan_cannot_start_on_one_day():
    phase = factories.SprintPhaseFactory(start_day=1, end_day=30)
    assert_database_refuses(
        lambda: factories.SprintPhaseFactory(
            background=phase.background, start_day=1, end_day=10
        )
    )
    twin = factories.SprintPhaseFactory.build(
        background=phase.background, start_day=1, end_day=10
    )
    assert validation_messages(twin) == [
        "Another phase of this plan starts on this day."
    ]


@pytest.mark.parametrize("hours", [0, 501])
def test_sprint_task_hours_outside_1_to_500_are_refused_by_the_database(hours):
    assert_database_refuses(lambda: factories.SprintTaskFactory(hours=hours))


@pytest.mark.parametrize("hours", [0, 501])
def test_sprint_task_hours_outside_1_to_500_are_explained(hours):
    task = factories.SprintTaskFactory.build(
        phase=factories.SprintPhaseFactory(), hours=hours
    )
    assert "hours" in field_errors(task)
    assert validation_messages(task, "validate_constraints") == [
        "Hours must be between 1 and 500."
    ]


# --- Knowledge check ----------------------------------------------------------------


def test_a_question_cannot_have_two_correct_choices_in_the_database():
    choice = factories.QuizChoiceFactory(is_correct=True)
    assert_database_refuses(
        lambda: factories.QuizChoiceFactory(question=choice.question, is_correct=True)
    )


def test_a_second_correct_choice_is_explained():
    choice = factories.QuizChoiceFactory(is_correct=True)
    second = factories.QuizChoiceFactory.build(
        question=choice.question, is_correct=True
    )
    assert validation_messages(second) == ["A question has exactly one correct choice."]


def test_a_question_may_have_many_wrong_choices():
    choice = factories.QuizChoiceFactory(is_correct=True)
    factories.QuizChoiceFactory.create_batch(3, question=choice.question)
    assert choice.question.choices.filter(is_correct=False).count() == 3


def test_one_answer_per_question_per_attempt_in_the_database():
    answer = factories.QuizAnswerFactory()
    assert_database_refuses(
        lambda: factories.QuizAnswerFactory(
            attempt=answer.attempt, question=answer.question
        )
    )


def test_a_second_answer_to_a_question_is_refused_by_validation():
    answer = factories.QuizAnswerFactory()
    again = factories.QuizAnswerFactory.build(
        attempt=answer.attempt,
        question=answer.question,
        choice=factories.QuizChoiceFactory(question=answer.question),
        is_correct=False,
    )
    assert validation_messages(again) == [
        "Quiz answer with this Attempt and Question already exists."
    ]


# --- Candidate ratings --------------------------------------------------------------


def test_one_rating_per_criterion_per_candidate_in_the_database():
    rating = factories.CriterionRatingFactory()
    assert_database_refuses(
        lambda: factories.CriterionRatingFactory(
            candidate=rating.candidate, criterion=rating.criterion
        )
    )
    again = factories.CriterionRatingFactory.build(
        candidate=rating.candidate, criterion=rating.criterion
    )
    assert validation_messages(again) == [
        "Criterion rating with this Candidate and Criterion already exists."
    ]


def test_one_rating_per_skill_per_candidate_in_the_database():
    rating = factories.SkillRatingFactory()
    assert_database_refuses(
        lambda: factories.SkillRatingFactory(
            candidate=rating.candidate, skill=rating.skill
        )
    )


@pytest.mark.parametrize("level", [0, 6])
def test_skill_ratings_outside_one_to_five_are_refused(level):
    assert_database_refuses(lambda: factories.SkillRatingFactory(level=level))
    rating = factories.SkillRatingFactory.build(
        candidate=factories.CandidateFactory(),
        skill=factories.SkillFactory(),
        level=level,
    )
    assert "level" in field_errors(rating)


def test_one_sprint_plan_per_role_per_candidate_in_the_database():
    choice = factories.SprintChoiceFactory()
    other_background = factories.SprintBackgroundFactory(role=choice.role)
    assert_database_refuses(
        lambda: factories.SprintChoiceFactory(
            candidate=choice.candidate, background=other_background
        )
    )


# --- What editors and fixtures see --------------------------------------------------


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda: factories.CriterionFactory(name="Statistics"), "Statistics"),
        (
            lambda: factories.VerdictBandFactory(min_percent=75, label="Ready"),
            "75%+: Ready",
        ),
        (
            lambda: factories.SprintBackgroundFactory(name="Data Scientist"),
            "Data Scientist",
        ),
        (
            lambda: factories.SprintPhaseFactory(
                start_day=1, end_day=30, name="Foundation"
            ),
            "Days 1\u201330: Foundation",
        ),
        (lambda: factories.SprintTaskFactory(text="t" * 70), "t" * 60),
        (lambda: factories.QuizQuestionFactory(prompt="p" * 90), "p" * 80),
        (
            lambda: factories.QuizChoiceFactory(text="Disparate impact"),
            "Disparate impact",
        ),
        (
            lambda: factories.QuizResultBandFactory(min_score=4, message="m" * 50),
            "4+: " + "m" * 40,
        ),
        (
            lambda: factories.CriterionRatingFactory(
                criterion__name="Statistics", rating="gap"
            ),
            "Statistics: Gap",
        ),
        (
            lambda: factories.SkillRatingFactory(skill__name="Auditing", level=3),
            "Auditing: 3",
        ),
        (
            lambda: factories.SprintChoiceFactory(
                background__name="Engineer", background__role__title="Auditor"
            ),
            "Auditor: Engineer",
        ),
        (
            lambda: factories.QuizAnswerFactory(
                question__prompt="Which metric?", choice__text="Parity"
            ),
            "Which metric?: Parity",
        ),
    ],
)
def test_each_row_reads_well_in_the_admin(build, expected):
    assert str(build()) == expected


def test_a_candidate_is_named_by_id_never_by_token():
    candidate = factories.CandidateFactory()
    assert str(candidate) == f"Candidate #{candidate.pk}"
    assert candidate.token not in str(candidate)


def test_an_attempt_names_its_role():
    attempt = factories.QuizAttemptFactory(role__title="Auditor")
    assert str(attempt) == f"Attempt #{attempt.pk} at Auditor"


CANDIDATE_STATE = {
    "Candidate",
    "CriterionRating",
    "SkillRating",
    "SprintChoice",
    "QuizAttempt",
    "QuizAnswer",
}
CONTENT_MODELS = [
    model
    for model in apps.get_app_config("assessments").get_models()
    if model.__name__ not in CANDIDATE_STATE
]


@pytest.mark.parametrize(
    "model", CONTENT_MODELS, ids=[model.__name__ for model in CONTENT_MODELS]
)
def test_every_tool_content_model_round_trips_its_natural_key(model):
    obj = getattr(factories, f"{model.__name__}Factory")()
    assert_natural_key_round_trip(obj)
