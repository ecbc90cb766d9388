"""The shared copy of the role page served to visitors without a session: one
query, their own working CSRF token, compressed or not as the client asks."""

import gzip
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from config.compression import SlottedPage
from roles.page_cache import TOKEN_SLOT, forget_local_pages
from tests import factories

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def role(db):
    role = factories.RoleFactory(is_published=True, title="Fairness Auditor")
    factories.DayTaskFactory(role=role, title="Morning metric review")
    factories.CriterionFactory(role=role, name="Fairness Metrics")
    return role


def without_tokens(page):
    for token in set(TOKEN.findall(page)):
        page = page.replace(token, "")
    return page


def page_of(response):
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("no slots at all", "abc"),
        (f"<p>{TOKEN_SLOT}</p>", "tok"),
        (f"{TOKEN_SLOT}é “quoted” 📊 {TOKEN_SLOT}{TOKEN_SLOT}", "x" * 64),
        ("a" * 70_000 + TOKEN_SLOT + "b" * 70_000, "ZZ"),
    ],
)
def test_a_slotted_page_gzips_to_exactly_the_filled_in_page(text, value):
    page = SlottedPage(text, TOKEN_SLOT)
    expected = text.replace(TOKEN_SLOT, value).encode()
    assert page.render(value) == expected
    assert gzip.decompress(page.render_gzip(value)) == expected


def test_compressed_and_plain_copies_hold_the_same_page(role):
    plain = Client().get(role.get_absolute_url())
    packed = Client().get(role.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip, br")
    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert without_tokens(page_of(plain)) == without_tokens(page_of(packed))
    assert "Morning metric review" in page_of(packed)


def test_every_visitor_gets_a_token_of_their_own_and_never_the_placeholder(role):
    pages = [page_of(Client().get(role.get_absolute_url())) for _ in range(2)]
    tokens = [set(TOKEN.findall(page)) for page in pages]
    assert all(len(found) == 1 for found in tokens)  # one token per page, in every form
    assert tokens[0] != tokens[1]
    assert all(TOKEN_SLOT not in page for page in pages)


def test_the_token_in_the_shared_copy_passes_the_csrf_check(role):
    browser = Client(enforce_csrf_checks=True)
    page = page_of(browser.get(role.get_absolute_url()))
    (token,) = set(TOKEN.findall(page))
    criterion = role.criteria.get()
    response = browser.post(
        f"{role.get_absolute_url()}tools/qualification/",
        {"csrfmiddlewaretoken": token, f"criterion_{criterion.pk}": "strength"},
    )
    assert response.status_code == 303  # accepted; a forged token would get 403


def test_a_warm_shared_copy_costs_one_query_even_in_a_fresh_process(role):
    Client().get(role.get_absolute_url())
    forget_local_pages()  # another app server: only the shared cache is warm
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(role.get_absolute_url())
    assert response.status_code == 200
    assert len(queries) == 1


def test_an_edit_shows_on_the_next_anonymous_view(role):
    Client().get(role.get_absolute_url())
    task = role.tasks.get()
    task.title = "Afternoon audit write-up"
    task.save()
    page = page_of(Client().get(role.get_absolute_url()))
    assert "Afternoon audit write-up" in page
    assert "Morning metric review" not in page


def test_unpublishing_takes_the_shared_copy_down_at_once(role):
    Client().get(role.get_absolute_url())
    role.is_published = False
    role.save()
    assert Client().get(role.get_absolute_url()).status_code == 404


def test_a_visitor_with_a_session_sees_their_own_state_not_the_shared_copy(role):
    browser = Client()
    browser.get(role.get_absolute_url())
    criterion = role.criteria.get()
    browser.post(
        f"{role.get_absolute_url()}tools/qualification/",
        {f"criterion_{criterion.pk}": "strength"},
    )
    mine = page_of(browser.get(role.get_absolute_url()))
    shared = page_of(Client().get(role.get_absolute_url()))
    assert "/r/" in mine  # the private link appears once there is saved state
    assert "/r/" not in shared
