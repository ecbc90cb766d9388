"""Sprint plan builder: choose a background, see its phases, tasks and hours."""

import pytest

from assessments.models import SprintChoice
from tests.assessments.conftest import HX

pytestmark = pytest.mark.django_db


def test_new_visitor_is_asked_to_choose(client, tool_role):
    html = client.get(tool_role.role.get_absolute_url()).content.decode()
    assert "Choose your background to see your plan." in html
    assert "Engineer focus 1" not in html


def test_htmx_choice_shows_phases_tasks_and_total_hours(client, tool_role):
    engineer = tool_role.backgrounds[0]
    response = client.post(tool_role.url("plan"), {"background": engineer.id}, **HX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert "Your plan: Engineer" in html
    assert "Days 1–30: Phase from 1" in html
    assert "Days 61–90: Phase from 61" in html
    assert "Engineer focus 31" in html
    assert html.count(">10h</strong>") == 6
    assert "Total: <strong>60 hours</strong>" in html
    assert "Analyst focus" not in html


def test_plain_choice_redirects_and_is_remembered(client, tool_role):
    analyst = tool_role.backgrounds[1]
    response = client.post(tool_role.url("plan"), {"background": analyst.id})
    assert response.status_code == 303
    assert response["Location"].endswith("#sprint-plan")
    html = client.get(tool_role.role.get_absolute_url()).content.decode()
    assert "Total: <strong>42 hours</strong>" in html
    assert f'value="{analyst.id}" checked' in html


def test_changing_background_replaces_the_choice(client, tool_role):
    engineer, analyst = tool_role.backgrounds
    client.post(tool_role.url("plan"), {"background": engineer.id})
    client.post(tool_role.url("plan"), {"background": analyst.id})
    assert list(SprintChoice.objects.values_list("background_id", flat=True)) == [
        analyst.id
    ]
