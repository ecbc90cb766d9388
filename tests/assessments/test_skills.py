"""Skills self-assessment: ratings 1–5, radar against targets, gap analysis."""

import pytest

from assessments.models import SkillRating
from tests.assessments.conftest import HX

pytestmark = pytest.mark.django_db


def levels(tr, *values):
    return {f"skill_{s.id}": v for s, v in zip(tr.skills, values, strict=True)}


def test_new_visitor_sees_starting_ratings_and_every_skill_as_a_gap(client, tool_role):
    html = client.get(tool_role.role.get_absolute_url()).content.decode()
    first = tool_role.skills[0]
    assert f'name="skill_{first.id}" value="1" checked' in html
    assert f"<strong>{first.name}</strong>: 1 of 4, 3 below target" in html
    assert 'role="img"' in html
    assert f"{first.name}: your rating 1 of 5, target 4" in html


def test_gap_analysis_points_to_resources_and_certifications(client, tool_role):
    html = client.get(tool_role.role.get_absolute_url()).content.decode()
    assert "Hands-on Fairness Course" in html
    assert "Governance Credential" in html


def test_plain_post_saves_and_redirects_to_the_skills_tool(client, tool_role):
    response = client.post(tool_role.url("skills"), levels(tool_role, 4, 5, 2))
    assert response.status_code == 303
    assert response["Location"].endswith("#skills-assessment")
    assert sorted(SkillRating.objects.values_list("level", flat=True)) == [2, 4, 5]


def test_htmx_post_redraws_radar_and_drops_met_targets_from_the_gaps(client, tool_role):
    first, second, third = tool_role.skills
    response = client.post(tool_role.url("skills"), levels(tool_role, 4, 5, 2), **HX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert f"{first.name}: your rating 4 of 5, target 4" in html
    assert f"<strong>{third.name}</strong>: 2 of 4, 2 below target" in html
    assert f"<strong>{first.name}</strong>:" not in html
    assert f"<strong>{second.name}</strong>:" not in html
    assert "Hands-on Fairness Course" not in html  # its skill met its target
    assert "data-focus-after-swap" in html


def test_all_targets_met_says_so(client, tool_role):
    response = client.post(tool_role.url("skills"), levels(tool_role, 5, 5, 5), **HX)
    assert "Every skill is at or above its target." in response.content.decode()


def test_ratings_can_be_changed(client, tool_role):
    client.post(tool_role.url("skills"), levels(tool_role, 4, 5, 2))
    client.post(tool_role.url("skills"), levels(tool_role, 1, 1, 1))
    assert sorted(SkillRating.objects.values_list("level", flat=True)) == [1, 1, 1]
