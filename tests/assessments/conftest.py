"""A role with every tool's content, built from factories, and helpers to post."""

from dataclasses import dataclass

import pytest
from factory.django import DjangoModelFactory

from tests import factories


@dataclass
class ToolRole:
    role: object
    criteria: list
    bands: list
    skills: list
    backgrounds: list
    questions: list
    correct: dict  # question id -> correct choice
    wrong: dict  # question id -> a wrong choice
    quiz_bands: list

    def url(self, tool):
        return f"/roles/{self.role.slug}/tools/{tool}/"


def build_tool_role(*, criteria=10, skills=3, questions=5, correct_index=1):
    role = factories.RoleFactory()
    built_criteria = factories.CriterionFactory.create_batch(criteria, role=role)
    bands = [
        factories.VerdictBandFactory(role=role, min_percent=0, label="Early Days"),
        factories.VerdictBandFactory(role=role, min_percent=50, label="Getting Close"),
        factories.VerdictBandFactory(role=role, min_percent=80, label="Ready To Apply"),
    ]
    built_skills = [
        factories.SkillFactory(role=role, starting_rating=1, target_level=4)
        for _ in range(skills)
    ]
    group = factories.ResourceGroupFactory(role=role, title="Courses")
    if built_skills:
        factories.LearningResourceFactory(
            group=group, title="Hands-on Fairness Course", skills=[built_skills[0]]
        )
        factories.RoleCertificationFactory(
            role=role,
            certification=factories.CertificationFactory(name="Governance Credential"),
            skills=[built_skills[0]],
        )
    backgrounds = []
    for name, hours in (("Engineer", 10), ("Analyst", 7)):
        background = factories.SprintBackgroundFactory(role=role, name=name)
        for start in (1, 31, 61):
            phase = factories.SprintPhaseFactory(
                background=background,
                start_day=start,
                end_day=start + 29,
                name=f"Phase from {start}",
                title=f"{name} focus {start}",
            )
            factories.SprintTaskFactory.create_batch(2, phase=phase, hours=hours)
        backgrounds.append(background)
    built_questions, correct, wrong = [], {}, {}
    for _ in range(questions):
        question = factories.QuizQuestionFactory(role=role)
        choices = [
            factories.QuizChoiceFactory(
                question=question, is_correct=(i == correct_index)
            )
            for i in range(4)
        ]
        built_questions.append(question)
        correct[question.id] = choices[correct_index]
        wrong[question.id] = choices[(correct_index + 1) % 4]
    quiz_bands = [
        factories.QuizResultBandFactory(
            role=role, min_score=0, message="Keep studying."
        ),
        factories.QuizResultBandFactory(role=role, min_score=3, message="Solid grasp."),
        factories.QuizResultBandFactory(role=role, min_score=5, message="Full marks."),
    ]
    role.refresh_from_db()
    return ToolRole(
        role,
        built_criteria,
        bands,
        built_skills,
        backgrounds,
        built_questions,
        correct,
        wrong,
        quiz_bands,
    )


@pytest.fixture(autouse=True)
def reset_factory_sequences():
    """Rewind factory sequences after each test here.

    These tests build hundreds of sprint phases, bands and certifications; the
    factories' sequences feed small-integer columns (start day, rank, minimum
    score), and on PostgreSQL an ever-growing sequence overflows them in
    whichever test happens to run later.
    """
    yield
    for value in vars(factories).values():
        if isinstance(value, type) and issubclass(value, DjangoModelFactory):
            value.reset_sequence(force=True)


@pytest.fixture
def tool_role(db):
    return build_tool_role()


HX = {"HTTP_HX_REQUEST": "true"}


def answer(client, tr, question, choice, *, attempt=None, hx=False):
    data = {"question": question.id, "choice": choice.id}
    if attempt is not None:
        data["attempt"] = attempt
    extra = HX if hx else {}
    return client.post(tr.url("quiz/answer"), data, **extra)
