"""The catalogue at /: published roles only, each with its figures and a link."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from roles.models import DemandLevel, RiskLevel
from tests import factories


def visible_text(response):
    text = html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))
    return re.sub(r"\s+", " ", text)


@pytest.mark.django_db
def test_catalogue_lists_published_roles_with_their_figures(client):
    role = factories.RoleFactory(
        title="Fairness Auditor",
        category__name="Governance",
        category__slug="governance",
        salary_min=130_000,
        salary_max=170_000,
        demand_level=DemandLevel.MODERATE,
        transition_time="1\u20132 Years",
        ai_displacement=RiskLevel.LOW,
    )

    response = client.get("/")

    assert response.status_code == 200
    text = visible_text(response)
    assert "Fairness Auditor" in text
    assert "Governance" in text
    assert "Salary Range $130K\u2013$170K" in text
    assert "Demand Moderate" in text
    assert "Transition Time 1\u20132 Years" in text
    assert "AI Displacement Low" in text
    assert f'<a href="/roles/{role.slug}/">Fairness Auditor</a>' in (
        response.content.decode()
    )


@pytest.mark.django_db
def test_catalogue_leaves_out_unpublished_roles(client):
    factories.RoleFactory(title="Published Role")
    factories.RoleFactory(title="Draft Role", is_published=False)

    text = visible_text(client.get("/"))

    assert "Published Role" in text
    assert "Draft Role" not in text


@pytest.mark.django_db
def test_catalogue_without_published_roles_says_so(client):
    factories.RoleFactory(is_published=False)

    text = visible_text(client.get("/"))

    assert "No roles are published yet." in text


def test_catalogue_shows_the_seed_role(client, seed_role):
    text = visible_text(client.get("/"))

    assert "AI Bias Mitigation Specialist AI Salary Range $130K\u2013$170K" in text


@pytest.mark.django_db
def test_catalogue_query_count_does_not_grow_with_roles(client):
    factories.RoleFactory.create_batch(2)
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    factories.RoleFactory.create_batch(4)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/")

    assert len(response.context["roles"]) == 6
    assert len(many) == len(few)
