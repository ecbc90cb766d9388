"""The private link reopens a candidate's state in another browser."""

import pytest
from django.test import Client

from assessments.models import Candidate
from tests import factories
from tests.assessments.conftest import HX

pytestmark = pytest.mark.django_db


def link_of(candidate):
    return f"/r/{candidate.token}/"


def test_link_appears_once_the_candidate_has_state(client, tool_role):
    page = client.get(tool_role.role.get_absolute_url()).content.decode()
    assert "/r/" not in page
    client.post(tool_role.url("plan"), {"background": tool_role.backgrounds[0].id})
    candidate = Candidate.objects.get()
    page = client.get(tool_role.role.get_absolute_url()).content.decode()
    assert link_of(candidate) in page


def test_htmx_answer_updates_the_link_out_of_band(client, tool_role):
    response = client.post(
        tool_role.url("plan"), {"background": tool_role.backgrounds[0].id}, **HX
    )
    html = response.content.decode()
    assert 'id="candidate-link" hx-swap-oob="true"' in html
    assert link_of(Candidate.objects.get()) in html


def test_link_reopens_the_state_in_a_new_browser(client, tool_role):
    ratings = {f"criterion_{c.id}": "strength" for c in tool_role.criteria[:7]}
    client.post(tool_role.url("qualification"), ratings)
    client.post(tool_role.url("plan"), {"background": tool_role.backgrounds[1].id})
    candidate = Candidate.objects.get()

    other_browser = Client()
    response = other_browser.get(link_of(candidate))
    assert response.status_code == 200
    html = response.content.decode()
    assert tool_role.role.title in html
    assert f'href="{tool_role.role.get_absolute_url()}' in html
    assert "7 / 10 assessed" in html
    assert "Analyst · 42 hours" in html

    page = other_browser.get(tool_role.role.get_absolute_url()).content.decode()
    assert "7 / 10 assessed" in page
    assert "Total: <strong>42 hours</strong>" in page
    # Further posts from the new browser continue the same candidate.
    other_browser.post(tool_role.url("plan"), {"background": tool_role.backgrounds[0].id})
    assert Candidate.objects.count() == 1


def test_link_page_is_never_indexed_nor_cached(client, db):
    candidate = factories.CandidateFactory()
    response = client.get(link_of(candidate))
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control


@pytest.mark.parametrize("token", ["unknown-token", "x" * 65, "a" * 43])
def test_unknown_token_is_404_and_sets_nothing(client, db, token):
    factories.CandidateFactory()
    response = client.get(f"/r/{token}/")
    assert response.status_code == 404
    assert "assessments.candidate" not in client.session


def test_role_page_without_candidate_state_is_not_marked_private(client, tool_role):
    response = client.get(tool_role.role.get_absolute_url())
    assert "private" not in response.get("Cache-Control", "")
