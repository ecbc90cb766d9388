"""The private link reopens a candidate's state in another browser."""

import re

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


def switch(browser, candidate):
    return browser.post(link_of(candidate))


def test_link_shows_the_saved_results_and_a_post_takes_them_into_a_new_browser(
    client, tool_role
):
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
    assert "Continue with these results in this browser" in html
    # A browser without results of its own loses nothing by switching.
    assert "This replaces the results this browser has now" not in html
    assert "assessments.candidate" not in other_browser.session

    response = switch(other_browser, candidate)
    assert response.status_code == 303
    assert response["Location"] == link_of(candidate)
    assert other_browser.session["assessments.candidate"] == candidate.token
    page = other_browser.get(tool_role.role.get_absolute_url()).content.decode()
    assert "7 / 10 assessed" in page
    assert "Total: <strong>42 hours</strong>" in page
    # Further posts from the new browser continue the same candidate.
    other_browser.post(
        tool_role.url("plan"), {"background": tool_role.backgrounds[0].id}
    )
    assert Candidate.objects.count() == 1
    # Once switched, the link page offers no second switch.
    html = other_browser.get(link_of(candidate)).content.decode()
    assert "Continue with these results in this browser" not in html


def test_opening_someone_elses_link_keeps_this_browsers_own_results(client, tool_role):
    client.post(tool_role.url("plan"), {"background": tool_role.backgrounds[0].id})
    own = Candidate.objects.get()
    session_key = client.session.session_key
    Client().post(tool_role.url("plan"), {"background": tool_role.backgrounds[1].id})
    sender = Candidate.objects.exclude(pk=own.pk).get()

    response = client.get(link_of(sender))
    assert response.status_code == 200
    assert "This replaces the results this browser has now" in response.content.decode()
    assert client.session["assessments.candidate"] == own.token
    assert client.session.session_key == session_key
    page = client.get(tool_role.role.get_absolute_url()).content.decode()
    assert "Total: <strong>60 hours</strong>" in page

    switch(client, sender)
    assert client.session["assessments.candidate"] == sender.token
    assert client.session.session_key != session_key
    page = client.get(tool_role.role.get_absolute_url()).content.decode()
    assert "Total: <strong>42 hours</strong>" in page


def test_switching_to_a_link_requires_the_csrf_token(tool_role):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.post(tool_role.url("plan"), {"background": tool_role.backgrounds[0].id})
    candidate = factories.CandidateFactory()
    response = csrf_client.post(link_of(candidate))
    assert response.status_code == 403
    assert "assessments.candidate" not in csrf_client.session

    html = csrf_client.get(link_of(candidate)).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = csrf_client.post(link_of(candidate), {"csrfmiddlewaretoken": token})
    assert response.status_code == 303
    assert csrf_client.session["assessments.candidate"] == candidate.token


def test_results_never_rated_read_not_rated_yet(client, tool_role):
    client.post(tool_role.url("plan"), {"background": tool_role.backgrounds[0].id})
    html = client.get(link_of(Candidate.objects.get())).content.decode()
    assert "Skills below target" in html
    assert html.count("Not rated yet") == 2  # qualification and skills
    assert " of 3</dd>" not in html


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
    assert client.post(f"/r/{token}/").status_code == 404
    assert "assessments.candidate" not in client.session


def test_role_page_without_candidate_state_is_not_marked_private(client, tool_role):
    response = client.get(tool_role.role.get_absolute_url())
    assert "private" not in response.get("Cache-Control", "")
