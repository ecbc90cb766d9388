"""A role's ranking of certifications: one rank each, ranks unique and from 1."""

import pytest
from django.apps import apps

from tests import factories
from tests.constraint_checks import (
    assert_database_refuses,
    assert_natural_key_round_trip,
    validation_messages,
)

pytestmark = pytest.mark.django_db


def test_a_certification_is_ranked_once_per_role_in_the_database():
    ranking = factories.RoleCertificationFactory(rank=1)
    assert_database_refuses(
        lambda: factories.RoleCertificationFactory(
            role=ranking.role, certification=ranking.certification, rank=2
        )
    )


def test_a_second_ranking_of_a_certification_is_explained():
    ranking = factories.RoleCertificationFactory(rank=1)
    twin = factories.RoleCertificationFactory.build(
        role=ranking.role, certification=ranking.certification, rank=2
    )
    assert validation_messages(twin) == [
        "This certification is already ranked for this role."
    ]


def test_two_certifications_cannot_share_a_rank_in_the_database():
    ranking = factories.RoleCertificationFactory(rank=1)
    assert_database_refuses(
        lambda: factories.RoleCertificationFactory(role=ranking.role, rank=1)
    )


def test_a_duplicate_rank_is_explained():
    ranking = factories.RoleCertificationFactory(rank=1)
    twin = factories.RoleCertificationFactory.build(
        role=ranking.role, certification=factories.CertificationFactory(), rank=1
    )
    assert validation_messages(twin) == ["Another certification already has this rank."]


def test_rank_zero_is_refused_by_the_database():
    assert_database_refuses(lambda: factories.RoleCertificationFactory(rank=0))


def test_rank_zero_is_explained():
    ranking = factories.RoleCertificationFactory.build(
        role=factories.RoleFactory(),
        certification=factories.CertificationFactory(),
        rank=0,
    )
    assert validation_messages(ranking) == ["The rank starts at 1."]


def test_other_roles_may_rank_the_same_certification_the_same():
    ranking = factories.RoleCertificationFactory(rank=1)
    other = factories.RoleCertificationFactory.build(
        role=factories.RoleFactory(), certification=ranking.certification, rank=1
    )
    other.full_clean()


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda: factories.CertificationFactory(name="CIPP/E"), "CIPP/E"),
        (lambda: factories.CertificationLinkFactory(label="iapp.org"), "iapp.org"),
        (
            lambda: factories.RoleCertificationFactory(
                rank=2, certification__name="AIGP"
            ),
            "2. AIGP",
        ),
        (
            lambda: factories.TimelineMilestoneFactory(month=3, title="Sit the exam"),
            "Month 3: Sit the exam",
        ),
    ],
)
def test_each_row_reads_well_in_the_admin(build, expected):
    assert str(build()) == expected


MODELS = list(apps.get_app_config("certifications").get_models())


@pytest.mark.parametrize("model", MODELS, ids=[model.__name__ for model in MODELS])
def test_every_certification_model_round_trips_its_natural_key(model):
    obj = getattr(factories, f"{model.__name__}Factory")()
    assert_natural_key_round_trip(obj)


def test_certification_natural_key_is_its_slug():
    certification = factories.CertificationFactory(slug="aigp")
    assert certification.natural_key() == ("aigp",)
