"""Editors see how many candidates use each tool and how well each question goes."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def used_role():
    """A role whose tools were used: 2 rated criteria, 1 rated skills, 1 chose a
    plan, 3 answered the quiz (first question: 3 of 4 right over two attempts)."""
    role = factories.RoleFactory(title="Auditor")
    criterion = factories.CriterionFactory(role=role)
    skill = factories.SkillFactory(role=role)
    background = factories.SprintBackgroundFactory(role=role)
    first = factories.QuizQuestionFactory(role=role, prompt="First question?")
    second = factories.QuizQuestionFactory(role=role, prompt="Second question?")
    right = factories.QuizChoiceFactory(question=first, is_correct=True)
    wrong = factories.QuizChoiceFactory(question=first)
    factories.QuizChoiceFactory(question=second, is_correct=True)

    ann, bob, cy = factories.CandidateFactory.create_batch(3)
    for candidate in (ann, bob):
        factories.CriterionRatingFactory(candidate=candidate, criterion=criterion)
    factories.SkillRatingFactory(candidate=ann, skill=skill)
    factories.SprintChoiceFactory(candidate=cy, background=background)
    # Ann answers twice (a retake); each attempt counts as an answer.
    for candidate, choice in [(ann, wrong), (ann, right), (bob, right), (cy, right)]:
        factories.QuizAnswerFactory(
            attempt__candidate=candidate,
            attempt__role=role,
            question=first,
            choice=choice,
        )
    # Candidates of another role do not count.
    other = factories.CriterionRatingFactory()
    factories.SkillRatingFactory(candidate=other.candidate)
    return role


def test_role_screen_shows_candidates_per_tool(admin_client, used_role):
    url = reverse("admin:roles_role_change", args=[used_role.pk])
    page = admin_client.get(url).content.decode()

    assert "<li>Qualification checker: 2 candidates</li>" in page
    assert "<li>Skills self-assessment: 1 candidate</li>" in page
    assert "<li>90-day sprint plan: 1 candidate</li>" in page
    assert "<li>Knowledge check: 3 candidates</li>" in page


def test_role_screen_shows_right_answers_per_question(admin_client, used_role):
    url = reverse("admin:roles_role_change", args=[used_role.pk])
    page = admin_client.get(url).content.decode()

    assert "<li>First question? — 3 of 4 (75%)</li>" in page
    assert "<li>Second question? — No answers yet</li>" in page


def test_a_new_role_screen_has_no_usage_panel(admin_client):
    page = admin_client.get(reverse("admin:roles_role_add")).content.decode()
    assert "Candidates per tool" not in page


def test_question_list_shows_share_of_right_answers(admin_client, used_role):
    response = admin_client.get(
        reverse("admin:assessments_quizquestion_changelist"),
        {"role__id__exact": used_role.pk, "o": "1"},
    )

    rows = {
        question.prompt: response.context["cl"].model_admin.success(question)
        for question in response.context["cl"].result_list
    }
    assert rows == {
        "First question?": "3 of 4 (75%)",
        "Second question?": "No answers yet",
    }
    assert "3 of 4 (75%)" in response.content.decode()


def test_question_list_flags_a_question_without_a_correct_choice(admin_client):
    question = factories.QuizQuestionFactory(prompt="Unfinished question?")
    factories.QuizChoiceFactory(question=question, is_correct=False)

    page = admin_client.get(
        reverse("admin:assessments_quizquestion_changelist")
    ).content.decode()

    assert "None marked: candidates cannot score" in page


def test_question_list_query_count_does_not_grow_with_questions(
    admin_client, used_role, django_assert_max_num_queries
):
    url = reverse("admin:assessments_quizquestion_changelist")
    admin_client.get(url)  # warm the session and content types
    with django_assert_max_num_queries(12):
        admin_client.get(url)
    for _ in range(10):
        question = factories.QuizQuestionFactory(role=used_role)
        factories.QuizChoiceFactory(question=question, is_correct=True)
    with django_assert_max_num_queries(12):
        admin_client.get(url)


def test_candidate_screens_never_show_the_token(admin_client, used_role):
    answer = factories.QuizAnswerFactory()
    candidate = answer.attempt.candidate
    pages = [
        reverse("admin:assessments_candidate_changelist"),
        reverse("admin:assessments_candidate_change", args=[candidate.pk]),
        reverse("admin:assessments_quizattempt_change", args=[answer.attempt.pk]),
    ]
    for url in pages:
        response = admin_client.get(url)
        assert response.status_code == 200
        assert candidate.token not in response.content.decode()
    assert f"Candidate #{candidate.pk}" in admin_client.get(pages[1]).content.decode()


def test_candidate_state_cannot_be_edited_in_the_admin(admin_client):
    rating = factories.CriterionRatingFactory(rating="gap")
    url = reverse("admin:assessments_candidate_change", args=[rating.candidate.pk])

    response = admin_client.post(url, {"criterion_ratings-0-rating": "strength"})

    assert response.status_code == 403
    rating.refresh_from_db()
    assert rating.rating == "gap"
