"""Writes of the candidate tools. Each function is one transaction.

A candidate is created only here, on the first valid tool post, and only
inside the transaction that saves what they posted: a refused post leaves no
row behind. Rejections raise ``ToolError`` with the HTTP status and the message
the candidate reads.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from assessments import selectors
from assessments.models import (
    Candidate,
    CriterionRating,
    QuizAnswer,
    QuizAttempt,
    QuizChoice,
    SkillRating,
    SprintChoice,
)
from assessments.scoring import quiz_progress


class ToolError(Exception):
    def __init__(self, message, *, status):
        super().__init__(message)
        self.message = message
        self.status = status


def _candidate_or_new(candidate):
    # Known shortcoming: two first posts racing from one brand-new browser (no
    # candidate yet) create two candidates; the session keeps the later one and
    # the other's single save is orphaned. Harmless, but it is counted in the
    # admin's usage figures.
    #
    # For the knowledge check this is a way to cheat: a new visitor's first
    # answer creates the candidate and the attempt together, so N parallel
    # first answers (one per choice) make N candidates, and the client keeps the
    # cookie of the one that guessed right. The cure is a separate "Start the
    # knowledge check" post that creates the candidate and the attempt, with
    # answers refused unless they name an attempt of the session's candidate;
    # then parallel answers of one session meet on one attempt and the unique
    # constraint lets exactly one count. That changes the page a new visitor
    # sees (a start button instead of question 1), which the seed page does not
    # show, so it is not done here.
    return candidate if candidate is not None else Candidate.objects.create()


def _touch(candidate):
    Candidate.objects.filter(pk=candidate.pk).update(updated_at=timezone.now())


def _upsert(candidate, model, rows, *, unique_field, update_field):
    """Save ``rows`` (unsaved ``model`` instances) for ``candidate`` in one upsert.

    A row that already exists for (candidate, ``unique_field``) takes the new
    value, so two tabs posting at once both land without a unique-key error.
    ``candidate`` is created first when it is ``None``; an existing one is marked
    as updated. Returns the candidate.
    """
    with transaction.atomic():
        is_new = candidate is None
        candidate = _candidate_or_new(candidate)
        for row in rows:
            row.candidate = candidate
        model.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["candidate", unique_field],
            update_fields=[update_field, "updated_at"],
        )
        if not is_new:  # a new row's updated_at is already now
            _touch(candidate)
    return candidate


def rate_criteria(candidate, ratings):
    """Save ``{criterion id: rating}``; later ratings replace earlier ones.

    Returns the candidate (new if ``candidate`` was ``None``).
    """
    rows = [CriterionRating(criterion_id=cid, rating=r) for cid, r in ratings.items()]
    return _upsert(
        candidate,
        CriterionRating,
        rows,
        unique_field="criterion",
        update_field="rating",
    )


def rate_skills(candidate, levels):
    """Save ``{skill id: level}``. Returns the candidate."""
    rows = [SkillRating(skill_id=sid, level=level) for sid, level in levels.items()]
    return _upsert(
        candidate, SkillRating, rows, unique_field="skill", update_field="level"
    )


def choose_background(candidate, role, background_id):
    """Remember the candidate's sprint-plan background for ``role``."""
    rows = [SprintChoice(role=role, background_id=background_id)]
    return _upsert(
        candidate, SprintChoice, rows, unique_field="role", update_field="background"
    )


STALE_ATTEMPT = (
    "This knowledge check was restarted in another tab or window. "
    "Reload the page to continue with the current attempt."
)
ANSWERED_ELSEWHERE = (
    "This question was already answered in another tab or window. Reload to continue."
)
UNFINISHED_RETAKE = (
    "This knowledge check is not finished yet: answer every question before "
    "retaking it."
)


def _live_attempt(candidate, role, attempt_id):
    """The attempt ``attempt_id`` if it is the candidate's newest one for ``role``."""
    if candidate is None:
        raise ToolError("This knowledge-check attempt does not exist.", status=404)
    # Locking the attempt row makes concurrent answers to one attempt take turns;
    # the unique constraint on answers remains the last line of defence.
    attempt = QuizAttempt.objects.select_for_update().filter(
        pk=attempt_id, candidate=candidate, role=role
    )
    if attempt.values_list("pk", flat=True).first() is None:
        raise ToolError("This knowledge-check attempt does not exist.", status=404)
    if selectors.latest_attempt_id(candidate, role) != attempt_id:
        raise ToolError(STALE_ATTEMPT, status=409)
    return attempt_id


def answer_question(candidate, role, content, *, attempt_id, question_id, choice_id):
    """Record one answer: once per question per attempt, in question order.

    ``attempt_id`` is ``None`` only for the first answer of a first attempt; the
    attempt (and the candidate, if needed) is then created with the answer.
    Returns ``(candidate, attempt id)``.
    """
    question = content.question(question_id)
    if question is None:
        raise ToolError(
            "This question is not part of this knowledge check.", status=404
        )
    if choice_id not in {choice.id for choice in question.choices}:
        raise ToolError(
            "That answer is not one of this question's choices.", status=400
        )

    with transaction.atomic():
        if attempt_id is None:
            if candidate is not None:
                # Serialise first answers of one candidate (two tabs) on their row.
                Candidate.objects.select_for_update().filter(pk=candidate.pk).first()
                # Another tab of this browser answered first and so started the
                # attempt; nothing was restarted.
                if selectors.latest_attempt_id(candidate, role) is not None:
                    raise ToolError(ANSWERED_ELSEWHERE, status=409)
            candidate = _candidate_or_new(candidate)
            attempt_id = QuizAttempt.objects.create(candidate=candidate, role=role).pk
        else:
            _live_attempt(candidate, role, attempt_id)

        answered = dict(
            QuizAnswer.objects.filter(attempt_id=attempt_id).values_list(
                "question_id", "is_correct"
            )
        )
        if question_id in answered:
            raise ToolError(
                "This question has already been answered; an answer cannot be changed.",
                status=409,
            )
        progress = quiz_progress(content.question_ids, answered)
        if question_id != progress.next_question_id:
            raise ToolError(
                f"Answer the questions in order: question {progress.next_number} "
                "comes next.",
                status=409,
            )
        is_correct = QuizChoice.objects.filter(
            pk=choice_id, question_id=question_id, is_correct=True
        ).exists()
        try:
            # A savepoint: a concurrent post of the same answer loses here, on the
            # unique constraint, without spoiling the outer transaction.
            with transaction.atomic():
                QuizAnswer.objects.create(
                    attempt_id=attempt_id,
                    question_id=question_id,
                    choice_id=choice_id,
                    is_correct=is_correct,
                )
        except IntegrityError:
            raise ToolError(
                "This question has already been answered; an answer cannot be changed.",
                status=409,
            ) from None
        answered[question_id] = is_correct
        if quiz_progress(content.question_ids, answered).is_finished:
            QuizAttempt.objects.filter(pk=attempt_id).update(finished_at=timezone.now())
        _touch(candidate)
    return candidate, attempt_id


def retake_quiz(candidate, role, *, attempt_id):
    """Start a new attempt, if ``attempt_id`` is still the newest one.

    Posting the old attempt's id twice (a double click, a second tab) starts one
    new attempt, not two: the second post finds its attempt stale. Only a
    finished attempt can be retaken, as the page offers the retake only then.
    """
    with transaction.atomic():
        if candidate is not None:
            Candidate.objects.select_for_update().filter(pk=candidate.pk).first()
        _live_attempt(candidate, role, attempt_id)
        if not QuizAttempt.objects.filter(
            pk=attempt_id, finished_at__isnull=False
        ).exists():
            raise ToolError(UNFINISHED_RETAKE, status=409)
        new_id = QuizAttempt.objects.create(candidate=candidate, role=role).pk
        _touch(candidate)
    return candidate, new_id
