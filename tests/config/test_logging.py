"""One structured line per request; errors with traceback and request id; no secrets."""

import json
import logging

import pytest

from config.logging import JsonFormatter, KeyValueFormatter, RequestIdFilter

ADDRESS = "198.51.100.23"


def request_lines(caplog):
    return [r for r in caplog.records if r.name == "careers.request"]


def formatted(caplog):
    text_formatter, json_formatter = KeyValueFormatter(), JsonFormatter()
    lines = []
    for record in caplog.records:
        RequestIdFilter().filter(record)
        lines += [text_formatter.format(record), json_formatter.format(record)]
    return "\n".join(lines)


@pytest.mark.django_db
def test_each_request_logs_one_line_with_method_path_status_duration_and_id(
    client, caplog
):
    caplog.set_level(logging.INFO)
    response = client.get("/healthz", REMOTE_ADDR=ADDRESS)
    (record,) = request_lines(caplog)
    assert record.fields["method"] == "GET"
    assert record.fields["path"] == "/healthz"
    assert record.fields["status"] == 200
    assert float(record.fields["duration_ms"]) >= 0
    assert record.request_id == response["X-Request-ID"]
    assert len(record.request_id) == 32


@pytest.mark.django_db
def test_a_well_formed_incoming_request_id_is_kept_and_echoed(client, caplog):
    caplog.set_level(logging.INFO)
    response = client.get("/healthz", HTTP_X_REQUEST_ID="lb-1234_abcd")
    assert response["X-Request-ID"] == "lb-1234_abcd"
    assert request_lines(caplog)[0].request_id == "lb-1234_abcd"


@pytest.mark.django_db
def test_a_malformed_incoming_request_id_is_replaced(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="evil\nid with spaces")
    assert response["X-Request-ID"] != "evil\nid with spaces"
    assert len(response["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_query_strings_and_client_addresses_are_never_logged(client, caplog):
    caplog.set_level(logging.INFO)
    client.get("/healthz?email=someone%40example.com&token=s3cret", REMOTE_ADDR=ADDRESS)
    assert request_lines(caplog)[0].fields["path"] == "/healthz"
    output = formatted(caplog)
    assert "someone" not in output
    assert "s3cret" not in output
    assert ADDRESS not in output


@pytest.mark.django_db
def test_a_private_link_token_is_replaced_by_its_name(client, caplog):
    caplog.set_level(logging.INFO)
    token = "Zq8w4rT2yU6iO0pA3sD5fG7hJ9kL1"
    client.get(f"/r/{token}/")
    assert request_lines(caplog)[0].fields["path"] == "/r/<token>/"
    assert token not in formatted(caplog)


@pytest.mark.django_db
def test_an_error_is_logged_with_its_traceback_and_the_request_id(
    client, caplog, settings
):
    settings.ROOT_URLCONF = "tests.config.urls_errors"
    caplog.set_level(logging.INFO)
    client.raise_request_exception = False
    token = "secretTokenValue1234567890"
    response = client.get(f"/boom/{token}/")
    assert response.status_code == 500
    assert "Traceback" not in response.content.decode()

    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors, "the failure was not logged"
    error = errors[-1]
    assert error.request_id == response["X-Request-ID"]
    line = KeyValueFormatter().format(error)
    assert f"request_id={response['X-Request-ID']}" in line
    assert "Traceback (most recent call last)" in line
    assert "RuntimeError: a bug in a view" in line
    assert token not in formatted(caplog)
    assert request_lines(caplog)[-1].fields["status"] == 500


def test_json_lines_carry_the_fields_at_the_top_level():
    record = logging.LogRecord(
        "careers.request", logging.INFO, "", 0, "request", (), None
    )
    record.request_id = "abc"
    record.fields = {"method": "GET", "status": 200}
    payload = json.loads(JsonFormatter().format(record))
    assert payload["request_id"] == "abc"
    assert payload["method"] == "GET"
    assert payload["status"] == 200
    assert payload["message"] == "request"
