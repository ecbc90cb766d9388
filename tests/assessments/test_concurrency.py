"""Two answers to the same question at once record exactly one."""

import threading

import pytest
from django.db import connection
from django.test import Client

from assessments import services
from assessments.models import QuizAnswer
from assessments.selectors import SESSION_KEY
from tests import factories
from tests.assessments.conftest import build_tool_role


def client_for(candidate):
    client = Client()
    session = client.session
    session[SESSION_KEY] = candidate.token
    session.save()
    return client


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs a database that takes concurrent writers (PostgreSQL)",
)
def test_two_concurrent_answers_to_one_question_record_one():
    tr = build_tool_role()
    candidate = factories.CandidateFactory()
    attempt = factories.QuizAttemptFactory(candidate=candidate, role=tr.role)
    q1 = tr.questions[0]
    posts = [
        {"attempt": attempt.id, "question": q1.id, "choice": tr.correct[q1.id].id},
        {"attempt": attempt.id, "question": q1.id, "choice": tr.wrong[q1.id].id},
    ]
    clients = [client_for(candidate), client_for(candidate)]
    barrier = threading.Barrier(2)
    statuses = []

    def post(client, data):
        try:
            barrier.wait(timeout=10)
            statuses.append(client.post(tr.url("quiz/answer"), data).status_code)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=post, args=pair)
        for pair in zip(clients, posts, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(statuses) == [303, 409]
    assert QuizAnswer.objects.filter(attempt=attempt).count() == 1


@pytest.mark.django_db
def test_an_answer_that_loses_the_race_on_the_constraint_is_a_409(monkeypatch):
    """Another request inserts the same answer between our check and our insert:
    the database's unique constraint refuses ours and the candidate reads 409."""
    tr = build_tool_role()
    candidate = factories.CandidateFactory()
    attempt = factories.QuizAttemptFactory(candidate=candidate, role=tr.role)
    q1 = tr.questions[0]
    real_choice_model = services.QuizChoice

    class RacingChoices:
        # The lookup of the choice's correctness runs after the "already
        # answered" check; the competing answer lands exactly then.
        class objects:  # noqa: N801 - mimics a model's manager
            @staticmethod
            def filter(**kwargs):
                QuizAnswer.objects.create(
                    attempt=attempt,
                    question=q1,
                    choice=tr.correct[q1.id],
                    is_correct=True,
                )
                return real_choice_model.objects.filter(**kwargs)

    monkeypatch.setattr(services, "QuizChoice", RacingChoices)
    client = client_for(candidate)
    response = client.post(
        tr.url("quiz/answer"),
        {"attempt": attempt.id, "question": q1.id, "choice": tr.wrong[q1.id].id},
    )
    assert response.status_code == 409
    assert "cannot be changed" in response.content.decode()
    assert not QuizAnswer.objects.filter(choice=tr.wrong[q1.id]).exists()
