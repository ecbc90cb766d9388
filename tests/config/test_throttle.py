"""Admin sign-in lockout, the tool endpoints' rate limit, and the client address."""

import time

import pytest
from django.test import RequestFactory

from config import throttle
from config.throttle import client_address

USERNAME, PASSWORD = "editor", "the-right-password-for-editor"
SEED_SLUG = "ai-bias-mitigation-specialist"
TOOL_URL = f"/roles/{SEED_SLUG}/tools/qualification/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        USERNAME, "editor@example.com", PASSWORD
    )


def sign_in(client, username, password, address="203.0.113.5"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


# --- Sign-in lockout ------------------------------------------------------------


@pytest.mark.django_db
def test_five_failures_lock_that_username_from_that_client(client, editor, settings):
    settings.LOGIN_FAILURE_LIMIT = 5
    for _ in range(4):
        assert sign_in(client, USERNAME, "wrong").status_code == 200
    fifth = sign_in(client, USERNAME, "wrong")
    assert fifth.status_code == 429
    assert "paused for 15 minutes after 5 failed attempts" in fifth.content.decode()
    assert fifth["Retry-After"] == "900"

    locked = sign_in(client, USERNAME, PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_lockout_does_not_reach_the_same_username_from_another_client(client, editor):
    for _ in range(5):
        sign_in(client, USERNAME, "wrong", address="198.51.100.7")
    assert sign_in(client, USERNAME, "wrong", address="198.51.100.7").status_code == 429

    elsewhere = sign_in(client, USERNAME, PASSWORD, address="203.0.113.5")
    assert elsewhere.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


@pytest.mark.django_db
def test_lockout_does_not_reach_other_usernames_from_the_same_client(client, editor):
    for _ in range(5):
        sign_in(client, "somebody-else", "wrong")
    assert sign_in(client, "somebody-else", "wrong").status_code == 429
    assert sign_in(client, USERNAME, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_a_successful_sign_in_clears_the_failure_count(client, editor):
    for _ in range(4):
        sign_in(client, USERNAME, "wrong")
    assert sign_in(client, USERNAME, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, USERNAME, "wrong").status_code == 200


@pytest.mark.django_db
def test_lockout_ends_after_the_lockout_period(client, editor, settings):
    for _ in range(4):
        sign_in(client, USERNAME, "wrong")
    # The lock takes the period in force when it is set; shortened only now,
    # because the slow password hashing would outlast a one-second count window.
    settings.LOGIN_LOCKOUT_SECONDS = 1
    assert sign_in(client, USERNAME, "wrong").status_code == 429
    assert sign_in(client, USERNAME, PASSWORD).status_code == 429
    time.sleep(1.2)
    assert sign_in(client, USERNAME, PASSWORD).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize(
    "variant",
    [
        " editor",
        "editor\t",
        "editor\n",
        " editor \r\n",
        "ｅｄｉｔｏｒ",
        "EDITOR",
        "Editor",
    ],
    ids=[
        "leading-space",
        "tab",
        "newline",
        "both-ends",
        "full-width",
        "upper",
        "title",
    ],
)
def test_a_locked_username_stays_locked_in_every_spelling_that_signs_in_as_it(
    client, editor, variant
):
    for _ in range(5):
        sign_in(client, USERNAME, "wrong")
    assert sign_in(client, variant, "wrong").status_code == 429
    refused = sign_in(client, variant, PASSWORD)
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session
    assert sign_in(client, USERNAME, PASSWORD).status_code == 429

    elsewhere = sign_in(client, variant, PASSWORD, address="198.51.100.7")
    if variant.strip().isascii() and variant.strip() != USERNAME:
        # Other cases are other accounts to Django: no sign-in, and no lock.
        assert elsewhere.status_code == 200
    else:
        assert elsewhere.status_code == 302
        assert client.session["_auth_user_id"] == str(editor.pk)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "variant", [" editor", "editor\t", "editor\n", "ｅｄｉｔｏｒ", "EDITOR"]
)
def test_failures_in_other_spellings_count_towards_the_same_lock(
    client, editor, variant
):
    for _ in range(4):
        assert sign_in(client, variant, "wrong").status_code == 200
    assert sign_in(client, USERNAME, "wrong").status_code == 429
    assert sign_in(client, USERNAME, PASSWORD).status_code == 429


def test_variant_spellings_that_django_signs_in_share_one_lockout_name():
    names = {
        throttle.lockout_username(raw)
        for raw in ["admin", " admin", "admin\t", "admin\n", "ａｄｍｉｎ", "ADMIN"]
    }
    assert names == {"admin"}
    assert throttle.lockout_username("admin2") != "admin"


# --- Tool rate limit ----------------------------------------------------------------


class FrozenClock:
    def __init__(self, now):
        self.now = now

    def time(self):
        return self.now


@pytest.fixture
def frozen_clock(monkeypatch):
    # Mid-minute, so a test never straddles two counting windows.
    clock = FrozenClock(1_800_000_030.0)
    monkeypatch.setattr(throttle, "time", clock)
    return clock


@pytest.mark.django_db
def test_tool_posts_beyond_the_limit_get_429_with_a_clear_message(
    client, seed_role, settings, frozen_clock
):
    settings.TOOL_RATE_LIMIT = 3
    statuses = [client.post(TOOL_URL, {}).status_code for _ in range(3)]
    assert 429 not in statuses
    limited = client.post(TOOL_URL, {})
    assert limited.status_code == 429
    assert limited["Retry-After"] == "30"
    assert "Wait a minute, then send it again." in limited.content.decode()
    assert "<html" in limited.content.decode()


@pytest.mark.django_db
def test_htmx_tool_posts_beyond_the_limit_get_a_fragment(
    client, seed_role, settings, frozen_clock
):
    settings.TOOL_RATE_LIMIT = 1
    client.post(TOOL_URL, {}, HTTP_HX_REQUEST="true")
    limited = client.post(TOOL_URL, {}, HTTP_HX_REQUEST="true")
    assert limited.status_code == 429
    body = limited.content.decode()
    assert body.startswith('<p class="form-error" role="alert">')
    assert "<html" not in body


@pytest.mark.django_db
def test_tool_rate_limit_counts_each_client_separately(
    client, seed_role, settings, frozen_clock
):
    settings.TOOL_RATE_LIMIT = 1
    client.post(TOOL_URL, {}, REMOTE_ADDR="198.51.100.7")
    assert client.post(TOOL_URL, {}, REMOTE_ADDR="198.51.100.7").status_code == 429
    assert client.post(TOOL_URL, {}, REMOTE_ADDR="203.0.113.5").status_code != 429


@pytest.mark.django_db
def test_tool_rate_limit_starts_afresh_next_minute(
    client, seed_role, settings, frozen_clock
):
    settings.TOOL_RATE_LIMIT = 1
    client.post(TOOL_URL, {})
    assert client.post(TOOL_URL, {}).status_code == 429
    frozen_clock.now += 60
    assert client.post(TOOL_URL, {}).status_code != 429


@pytest.mark.django_db
def test_a_tool_rate_limit_of_zero_turns_the_limit_off(
    client, seed_role, settings, frozen_clock
):
    settings.TOOL_RATE_LIMIT = 0
    statuses = [client.post(TOOL_URL, {}).status_code for _ in range(5)]
    assert 429 not in statuses
    assert all(400 <= status < 500 for status in statuses)


@pytest.mark.django_db
def test_the_429_page_has_the_site_stylesheet_and_links_back_to_the_form_page(
    client, seed_role, settings, frozen_clock
):
    settings.TOOL_RATE_LIMIT = 1
    role_page = f"/roles/{SEED_SLUG}/"
    client.post(TOOL_URL, {})
    limited = client.post(
        TOOL_URL, {}, HTTP_REFERER=f"http://testserver{role_page}?tab=1#tools"
    )
    assert limited.status_code == 429
    body = limited.content.decode()
    assert 'rel="stylesheet"' in body and "css/site" in body
    assert f'<a href="{role_page}">Back to the page you were on</a>' in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "referer",
    [
        "",
        "https://elsewhere.example/roles/x/",
        "//elsewhere.example/roles/x/",
        "http://testserver//elsewhere.example/",
        "/\\elsewhere.example/",
        "javascript:alert(1)",
        "roles/x/",
        "http://[::1",
    ],
)
def test_the_429_page_links_home_unless_the_referer_is_a_path_on_this_site(
    client, seed_role, settings, frozen_clock, referer
):
    settings.TOOL_RATE_LIMIT = 1
    client.post(TOOL_URL, {})
    limited = client.post(TOOL_URL, {}, HTTP_REFERER=referer)
    assert limited.status_code == 429
    assert '<a href="/">Back to the home page</a>' in limited.content.decode()


@pytest.mark.django_db
def test_pages_and_other_posts_are_not_rate_limited(client, seed_role, settings):
    settings.TOOL_RATE_LIMIT = 1
    for _ in range(3):
        assert client.get(f"/roles/{SEED_SLUG}/").status_code == 200
        assert client.post("/admin/login/", {}).status_code != 429


@pytest.mark.django_db
def test_tool_rate_limit_fails_open_when_the_cache_is_down(
    client, seed_role, settings, frozen_clock, closed_port
):
    settings.TOOL_RATE_LIMIT = 1
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port}/4",
        }
    }
    statuses = [client.post(TOOL_URL, {}).status_code for _ in range(3)]
    assert 429 not in statuses
    assert all(status < 500 for status in statuses)


# --- Client address -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, "192.0.2.1", "10.0.0.9"),  # no proxies trusted: the header is ignored
        (1, "192.0.2.1", "192.0.2.1"),
        (1, "6.6.6.6, 192.0.2.1", "192.0.2.1"),  # the client wrote 6.6.6.6 itself
        (2, "6.6.6.6, 192.0.2.1, 10.0.0.2", "192.0.2.1"),
        (2, "192.0.2.1", "10.0.0.9"),  # a proxy is missing: do not guess
        (1, "not-an-address", "10.0.0.9"),
        (1, "", "10.0.0.9"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address_is_the_rightmost_untrusted_forwarded_entry(
    settings, proxies, forwarded_for, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR=forwarded_for
    )
    assert client_address(request) == expected
