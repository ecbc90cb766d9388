"""Qualification checker: rate criteria, see progress, then readiness and verdict."""

import pytest

from assessments.models import Candidate, CriterionRating
from tests.assessments.conftest import HX

pytestmark = pytest.mark.django_db


def ratings(tr, strengths=0, in_progress=0, gaps=0):
    values = ["strength"] * strengths + ["in_progress"] * in_progress + ["gap"] * gaps
    return {
        f"criterion_{c.id}": value
        for c, value in zip(tr.criteria, values, strict=False)
    }


def test_new_visitor_sees_nothing_assessed_and_no_candidate_is_created(
    client, tool_role
):
    response = client.get(tool_role.role.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "0 / 10 assessed" in html
    assert Candidate.objects.count() == 0


def test_readiness_widget_shows_from_the_start_with_live_counts(client, tool_role):
    html = client.get(tool_role.role.get_absolute_url()).content.decode()
    assert "Complete all 10 to see your readiness score." in html
    assert "<strong>—</strong> QUALIFIED" in html
    assert "<dt>Strengths</dt><dd>0</dd>" in html
    assert "<dt>In Progress</dt><dd>0</dd>" in html
    assert "<dt>Gaps</dt><dd>0</dd>" in html

    response = client.post(
        tool_role.url("qualification"), ratings(tool_role, strengths=2, gaps=1), **HX
    )
    html = response.content.decode()
    # No percentage until every criterion is rated; the counts follow each save.
    assert "<strong>—</strong> QUALIFIED" in html
    assert "3 / 10 assessed" in html
    assert "<dt>Strengths</dt><dd>2</dd>" in html
    assert "<dt>Gaps</dt><dd>1</dd>" in html


def test_plain_post_redirects_303_back_to_the_tool(client, tool_role):
    response = client.post(
        tool_role.url("qualification"), ratings(tool_role, strengths=7)
    )
    assert response.status_code == 303
    assert (
        response["Location"]
        == f"{tool_role.role.get_absolute_url()}#qualification-checker"
    )
    assert response["Vary"] == "HX-Request" or "HX-Request" in response["Vary"]
    page = client.get(response["Location"]).content.decode()
    assert "7 / 10 assessed" in page
    assert "readiness" in page


def test_htmx_post_returns_only_the_tool_with_progress(client, tool_role):
    response = client.post(
        tool_role.url("qualification"), ratings(tool_role, strengths=3, gaps=4), **HX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert 'id="qualification-checker"' in html
    assert "7 / 10 assessed" in html
    assert "data-focus-after-swap" in html
    assert "HX-Request" in response["Vary"]
    assert "private" in response["Cache-Control"]


def test_all_rated_shows_readiness_counts_and_verdict_band(client, tool_role):
    response = client.post(
        tool_role.url("qualification"),
        ratings(tool_role, strengths=5, in_progress=3, gaps=2),
        **HX,
    )
    html = response.content.decode()
    assert "<strong>65%</strong> QUALIFIED" in html
    assert "Getting Close" in html
    assert "Ready To Apply" not in html
    assert "<dt>Strengths</dt><dd>5</dd>" in html
    assert "<dt>In Progress</dt><dd>3</dd>" in html
    assert "<dt>Gaps</dt><dd>2</dd>" in html
    assert "assessed" not in html


def test_a_half_percent_rounds_up_on_the_page(client, db):
    from tests.assessments.conftest import build_tool_role

    tr = build_tool_role(criteria=4)
    # 1 in progress of 4: 12.5% → 13%.
    response = client.post(
        tr.url("qualification"), ratings(tr, in_progress=1, gaps=3), **HX
    )
    assert "<strong>13%</strong> QUALIFIED" in response.content.decode()


def test_ratings_can_be_changed_and_unposted_ones_are_kept(client, tool_role):
    client.post(tool_role.url("qualification"), ratings(tool_role, gaps=10))
    first = tool_role.criteria[0]
    response = client.post(
        tool_role.url("qualification"), {f"criterion_{first.id}": "strength"}, **HX
    )
    html = response.content.decode()
    assert "<strong>10%</strong> QUALIFIED" in html  # 1 strength of 10
    assert "<dt>Gaps</dt><dd>9</dd>" in html
    assert CriterionRating.objects.count() == 10
    assert CriterionRating.objects.get(criterion=first).rating == "strength"


def test_ratings_survive_into_the_next_page_view(client, tool_role):
    client.post(tool_role.url("qualification"), ratings(tool_role, strengths=10))
    page = client.get(tool_role.role.get_absolute_url())
    html = page.content.decode()
    assert "<strong>100%</strong> QUALIFIED" in html
    assert "Ready To Apply" in html
    assert "private" in page["Cache-Control"]
    first = tool_role.criteria[0]
    assert f'name="criterion_{first.id}" value="strength" checked' in html
