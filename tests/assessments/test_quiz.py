"""Knowledge check: one question at a time, feedback, score band, retake."""

import re

import pytest

from assessments.models import QuizAnswer, QuizAttempt
from tests.assessments.conftest import HX, answer, build_tool_role

pytestmark = pytest.mark.django_db


def test_new_visitor_sees_question_one_of_five(client, tool_role):
    html = client.get(tool_role.role.get_absolute_url()).content.decode()
    assert "Question 1 of 5" in html
    assert tool_role.questions[0].prompt in html
    assert tool_role.questions[1].prompt not in html


def test_first_answer_shows_feedback_and_the_next_question(client, tool_role):
    q1 = tool_role.questions[0]
    response = answer(client, tool_role, q1, tool_role.wrong[q1.id], hx=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Not quite." in html
    assert f"Correct answer: <strong>{tool_role.correct[q1.id].text}</strong>" in html
    assert q1.explanation in html
    assert "Question 2 of 5" in html


def test_right_answer_says_correct(client, tool_role):
    q1 = tool_role.questions[0]
    html = answer(
        client, tool_role, q1, tool_role.correct[q1.id], hx=True
    ).content.decode()
    assert "Correct!" in html


def play(client, tr, correct_count, *, hx=False):
    attempt = (
        QuizAttempt.objects.order_by("-started_at", "-id")
        .values_list("id", flat=True)
        .first()
    )
    response = None
    for index, question in enumerate(tr.questions):
        choice = (
            tr.correct[question.id] if index < correct_count else tr.wrong[question.id]
        )
        response = answer(client, tr, question, choice, attempt=attempt, hx=hx)
        attempt = QuizAttempt.objects.latest("started_at", "id").id
    return response, attempt


@pytest.mark.parametrize(
    ("correct", "message"),
    [(0, "Keep studying."), (3, "Solid grasp."), (5, "Full marks.")],
)
def test_final_score_and_band_message(client, tool_role, correct, message):
    response, _attempt = play(client, tool_role, correct, hx=True)
    html = response.content.decode()
    assert "Knowledge Check Complete" in html
    assert f"<strong>{correct}/5</strong>" in html
    assert message in html
    assert "Retake the knowledge check" in html
    assert QuizAttempt.objects.get().finished_at is not None


def test_plain_answers_redirect_to_the_quiz_and_the_page_shows_progress(
    client, tool_role
):
    q1 = tool_role.questions[0]
    response = answer(client, tool_role, q1, tool_role.correct[q1.id])
    assert response.status_code == 303
    assert response["Location"].endswith("#knowledge-check")
    html = client.get(response["Location"]).content.decode()
    assert "Correct!" in html
    assert "Question 2 of 5" in html


def test_retake_starts_a_new_attempt_at_question_one(client, tool_role):
    _response, attempt = play(client, tool_role, 3)
    response = client.post(tool_role.url("quiz/retake"), {"attempt": attempt}, **HX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Question 1 of 5" in html
    assert "Knowledge Check Complete" not in html
    assert QuizAttempt.objects.count() == 2
    assert QuizAnswer.objects.count() == 5  # the old attempt's answers are kept


def test_a_retaken_quiz_scores_afresh(client, tool_role):
    _response, attempt = play(client, tool_role, 5)
    client.post(tool_role.url("quiz/retake"), {"attempt": attempt})
    response, _attempt = play(client, tool_role, 0, hx=True)
    assert "<strong>0/5</strong>" in response.content.decode()


def test_page_before_an_answer_is_identical_whichever_choice_is_correct(client, db):
    """No trace of the right choice anywhere in the page before answering."""
    pages = []
    for correct_index in range(4):
        tr = build_tool_role(questions=1, correct_index=correct_index)
        html = client.get(tr.role.get_absolute_url()).content.decode()
        # Normalise what legitimately differs between the separately built roles.
        question = tr.questions[0]
        html = html.replace(tr.role.slug, "ROLE").replace(tr.role.title, "TITLE")
        html = html.replace(f'name="question" value="{question.id}"', "QUESTION")
        for n, choice in enumerate(question.choices.all()):
            html = html.replace(f'name="choice" value="{choice.id}"', f"CHOICE{n}")
            html = html.replace(choice.text, f"TEXT{n}")
        html = html.replace(question.prompt, "PROMPT").replace(
            question.explanation, "EXPL"
        )
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF", html)
        pages.append(_quiz_section(html))
    assert "CHOICE0" in pages[0]
    assert "EXPL" not in pages[0]
    assert pages[0] == pages[1] == pages[2] == pages[3]


def _quiz_section(html):
    start = html.index('id="knowledge-check"')
    end = html.index("</section>", start)
    return html[start:end]


def test_second_tab_answering_after_the_first_is_told_it_was_answered_elsewhere(
    client, tool_role
):
    q1 = tool_role.questions[0]
    # Both tabs were opened before any answer: neither form carries an attempt.
    answer(client, tool_role, q1, tool_role.correct[q1.id], hx=True)
    response = answer(client, tool_role, q1, tool_role.wrong[q1.id], hx=True)
    assert response.status_code == 409
    html = response.content.decode()
    assert "This question was already answered in another tab or window." in html
    assert "restarted" not in html
    assert QuizAttempt.objects.count() == 1
    assert QuizAnswer.objects.get().choice == tool_role.correct[q1.id]


def test_retake_of_an_unfinished_attempt_is_refused(client, tool_role):
    q1 = tool_role.questions[0]
    answer(client, tool_role, q1, tool_role.correct[q1.id])
    attempt = QuizAttempt.objects.get()
    response = client.post(tool_role.url("quiz/retake"), {"attempt": attempt.id}, **HX)
    assert response.status_code == 409
    assert "not finished yet" in response.content.decode()
    assert QuizAttempt.objects.count() == 1
    html = client.get(tool_role.role.get_absolute_url()).content.decode()
    assert "Retake the knowledge check" not in html
    assert "Question 2 of 5" in html
