"""The role's rules hold in the database and explain themselves in validation."""

import pytest
from django.apps import apps

from roles.models import Highlight, Role
from tests import factories
from tests.constraint_checks import (
    assert_database_refuses,
    assert_natural_key_round_trip,
    field_errors,
    validation_messages,
)

SALARY_MESSAGE = "The salary minimum cannot be above the maximum."
SALARY_FACTORIES = [
    factories.RoleFactory,
    factories.CareerStepFactory,
    factories.CompensationRungFactory,
]
SALARY_IDS = ["role", "career step", "compensation rung"]


def _parents(factory):
    """Saved parents for ``factory.build``, so only the row under test is unsaved."""
    if factory is factories.RoleFactory:
        return {"category": factories.CategoryFactory()}
    return {"role": factories.RoleFactory()}


# --- Salary ranges ------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("factory", SALARY_FACTORIES, ids=SALARY_IDS)
def test_salary_minimum_above_maximum_is_refused_by_the_database(factory):
    assert_database_refuses(lambda: factory(salary_min=150_000, salary_max=149_999))


@pytest.mark.django_db
@pytest.mark.parametrize("factory", SALARY_FACTORIES, ids=SALARY_IDS)
def test_salary_minimum_above_maximum_is_explained(factory):
    row = factory.build(salary_min=150_000, salary_max=149_999, **_parents(factory))
    assert SALARY_MESSAGE in validation_messages(row)


@pytest.mark.django_db
@pytest.mark.parametrize("factory", SALARY_FACTORIES, ids=SALARY_IDS)
def test_a_single_salary_figure_is_allowed(factory):
    row = factory.build(salary_min=150_000, salary_max=150_000, **_parents(factory))
    row.full_clean()
    row.save()
    assert row.salary_display.startswith("$150K")


# --- Skills -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("starting_rating", 0),
        ("starting_rating", 6),
        ("target_level", 0),
        ("target_level", 6),
    ],
)
def test_skill_levels_outside_one_to_five_are_refused_by_the_database(field, value):
    assert_database_refuses(lambda: factories.SkillFactory(**{field: value}))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("starting_rating", 0, "The starting rating must be between 1 and 5."),
        ("starting_rating", 6, "The starting rating must be between 1 and 5."),
        ("target_level", 0, "The target level must be between 1 and 5."),
        ("target_level", 6, "The target level must be between 1 and 5."),
    ],
)
def test_skill_levels_outside_one_to_five_are_explained(field, value, message):
    skill = factories.SkillFactory.build(role=factories.RoleFactory(), **{field: value})
    # full_clean stops at the field's own range validator ...
    assert field in field_errors(skill)
    # ... and the constraint, checked on its own, gives the editor's sentence.
    assert validation_messages(skill, "validate_constraints") == [message]


@pytest.mark.django_db
@pytest.mark.parametrize("level", [1, 5])
def test_skill_levels_one_and_five_are_allowed(level):
    skill = factories.SkillFactory.build(
        role=factories.RoleFactory(), starting_rating=level, target_level=level
    )
    skill.full_clean()


@pytest.mark.django_db
def test_two_skills_of_one_role_cannot_share_a_name():
    skill = factories.SkillFactory(name="Bias auditing")
    assert_database_refuses(
        lambda: factories.SkillFactory(role=skill.role, name="Bias auditing")
    )
    twin = factories.SkillFactory.build(role=skill.role, name="Bias auditing")
    assert validation_messages(twin) == [
        "This role already has a skill with this name."
    ]


@pytest.mark.django_db
def test_two_roles_may_have_skills_of_the_same_name():
    factories.SkillFactory(name="Statistics")
    other = factories.SkillFactory.build(
        role=factories.RoleFactory(), name="Statistics"
    )
    other.full_clean()


# --- What editors and fixtures see --------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda: factories.CategoryFactory(name="AI Governance"), "AI Governance"),
        (lambda: factories.RoleFactory(title="Bias Specialist"), "Bias Specialist"),
        (
            lambda: factories.HighlightFactory(
                kind=Highlight.Kind.ALIAS, text="Fairness Engineer"
            ),
            "Also known as: Fairness Engineer",
        ),
        (lambda: factories.OverviewParagraphFactory(body="x" * 70), "x" * 60),
        (lambda: factories.DayTaskFactory(title="Audit a model"), "Audit a model"),
        (
            lambda: factories.SectorDemandFactory(sector="Finance", level="growing"),
            "Finance: Growing",
        ),
        (
            lambda: factories.DemandSignalFactory(
                kind="regulation", label="EU AI Act", text="Requires audits."
            ),
            "Regulatory driver: EU AI Act",
        ),
        (
            lambda: factories.DemandSignalFactory(
                kind="posting", label="", text="Postings doubled."
            ),
            "Job posting signal: Postings doubled.",
        ),
        (lambda: factories.SkillFactory(name="Statistics"), "Statistics"),
        (
            lambda: factories.ResourceGroupFactory(
                role__title="Auditor", title="Courses"
            ),
            "Auditor: Courses",
        ),
        (lambda: factories.LearningResourceFactory(title="Fair ML"), "Fair ML"),
        (
            lambda: factories.CareerStepFactory(direction="advancement", title="Lead"),
            "Advancement: Lead",
        ),
        (lambda: factories.CompensationRungFactory(title="Senior"), "Senior"),
        (lambda: factories.InterviewQuestionFactory(question="q" * 90), "q" * 80),
        (lambda: factories.CommunityLinkFactory(title="A forum"), "A forum"),
        (lambda: factories.SourceNoteFactory(title="Salary Data"), "Salary Data"),
    ],
)
def test_each_row_reads_well_in_the_admin(build, expected):
    assert str(build()) == expected


ROLE_MODELS = list(apps.get_app_config("roles").get_models())


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model", ROLE_MODELS, ids=[model.__name__ for model in ROLE_MODELS]
)
def test_every_role_model_round_trips_its_natural_key(model):
    obj = getattr(factories, f"{model.__name__}Factory")()
    assert_natural_key_round_trip(obj)


@pytest.mark.django_db
def test_role_natural_key_is_its_slug():
    role = factories.RoleFactory(slug="bias-specialist")
    assert role.natural_key() == ("bias-specialist",)
    assert Role.objects.get_by_natural_key("bias-specialist") == role
