"""Reads for the candidate tools: a role's tool content, a candidate's saved
state, and usage figures for the admin.

Tool content is cached under the role's ``content_revision`` like the rest of
the role page. It never holds which quiz choice is correct, nor the
explanations (which give the answer away): those are read from the database
only once a question has been answered.
"""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from assessments.models import (
    Candidate,
    Criterion,
    CriterionRating,
    QuizAnswer,
    QuizAttempt,
    QuizChoice,
    QuizQuestion,
    QuizResultBand,
    SkillRating,
    SprintBackground,
    SprintChoice,
    SprintPhase,
    SprintTask,
    VerdictBand,
)
from assessments.scoring import total_hours
from certifications.models import RoleCertification
from roles.models import LearningResource, Skill

SESSION_KEY = "assessments.candidate"
CONTENT_CACHE_SECONDS = 60 * 60 * 24


# --- Tool content -------------------------------------------------------------


@dataclass(frozen=True)
class CriterionItem:
    id: int
    icon: str
    name: str
    question: str


@dataclass(frozen=True)
class Band:
    min_percent: int
    label: str
    message: str


@dataclass(frozen=True)
class ResourceItem:
    title: str
    url: str
    group: str


@dataclass(frozen=True)
class CertificationItem:
    name: str
    provider: str
    rank: int
    tier: str


@dataclass(frozen=True)
class SkillItem:
    id: int
    name: str
    starting_rating: int
    target_level: int
    resources: tuple = ()
    certifications: tuple = ()


@dataclass(frozen=True)
class PhaseItem:
    start_day: int
    end_day: int
    name: str
    title: str
    tasks: tuple  # of (text, hours)

    @property
    def hours(self):
        return total_hours(hours for _text, hours in self.tasks)


@dataclass(frozen=True)
class BackgroundItem:
    id: int
    name: str
    phases: tuple

    @property
    def hours(self):
        return total_hours(phase.hours for phase in self.phases)


@dataclass(frozen=True)
class ChoiceItem:
    id: int
    text: str


@dataclass(frozen=True)
class QuestionItem:
    id: int
    prompt: str
    choices: tuple


@dataclass(frozen=True)
class QuizBand:
    min_score: int
    message: str


@dataclass(frozen=True)
class ToolContent:
    criteria: tuple
    verdict_bands: tuple
    skills: tuple
    backgrounds: tuple
    questions: tuple
    quiz_bands: tuple

    @property
    def question_ids(self):
        return tuple(question.id for question in self.questions)

    def question(self, question_id):
        return next((q for q in self.questions if q.id == question_id), None)

    def background(self, background_id):
        return next((b for b in self.backgrounds if b.id == background_id), None)


def role_tool_content(role):
    """Everything the tools show for ``role`` that is the same for every visitor.

    Cached by (slug, content revision); a miss costs eleven queries whatever the
    number of rows.
    """
    key = f"assessments:content:{role.slug}:{role.content_revision}"
    content = cache.get(key)
    if content is None:
        content = _load_tool_content(role)
        cache.set(key, content, CONTENT_CACHE_SECONDS)
    return content


def _load_tool_content(role):
    criteria = tuple(
        CriterionItem(c.id, c.icon, c.name, c.question)
        for c in Criterion.objects.filter(role=role)
    )
    bands = tuple(
        Band(b.min_percent, b.label, b.message)
        for b in VerdictBand.objects.filter(role=role)
    )

    resources_by_skill = {}
    links = LearningResource.skills.through.objects.filter(skill__role=role)
    for link in links.select_related("learningresource__group").order_by(
        "learningresource__group__position",
        "learningresource__position",
        "learningresource__id",
    ):
        resource = link.learningresource
        resources_by_skill.setdefault(link.skill_id, []).append(
            ResourceItem(resource.title, resource.url, resource.group.title)
        )
    certifications_by_skill = {}
    cert_links = RoleCertification.skills.through.objects.filter(skill__role=role)
    for link in cert_links.select_related("rolecertification__certification").order_by(
        "rolecertification__rank", "rolecertification__id"
    ):
        ranking = link.rolecertification
        certifications_by_skill.setdefault(link.skill_id, []).append(
            CertificationItem(
                ranking.certification.name,
                ranking.certification.provider,
                ranking.rank,
                ranking.get_tier_display(),
            )
        )
    skills = tuple(
        SkillItem(
            s.id,
            s.name,
            s.starting_rating,
            s.target_level,
            tuple(resources_by_skill.get(s.id, ())),
            tuple(certifications_by_skill.get(s.id, ())),
        )
        for s in Skill.objects.filter(role=role)
    )

    tasks_by_phase = {}
    for task in SprintTask.objects.filter(phase__background__role=role):
        tasks_by_phase.setdefault(task.phase_id, []).append((task.text, task.hours))
    phases_by_background = {}
    for phase in SprintPhase.objects.filter(background__role=role):
        phases_by_background.setdefault(phase.background_id, []).append(
            PhaseItem(
                phase.start_day,
                phase.end_day,
                phase.name,
                phase.title,
                tuple(tasks_by_phase.get(phase.id, ())),
            )
        )
    backgrounds = tuple(
        BackgroundItem(b.id, b.name, tuple(phases_by_background.get(b.id, ())))
        for b in SprintBackground.objects.filter(role=role)
    )

    choices_by_question = {}
    # Only id and text: whether a choice is correct never leaves the database
    # before the candidate has answered.
    for choice in QuizChoice.objects.filter(question__role=role).only(
        "id", "text", "question_id", "position"
    ):
        choices_by_question.setdefault(choice.question_id, []).append(
            ChoiceItem(choice.id, choice.text)
        )
    questions = tuple(
        QuestionItem(q.id, q.prompt, tuple(choices_by_question.get(q.id, ())))
        for q in QuizQuestion.objects.filter(role=role).only("id", "prompt", "position")
    )
    quiz_bands = tuple(
        QuizBand(b.min_score, b.message)
        for b in QuizResultBand.objects.filter(role=role)
    )
    return ToolContent(criteria, bands, skills, backgrounds, questions, quiz_bands)


# --- Candidate state ----------------------------------------------------------


def candidate_from_session(request):
    """The visitor's candidate, or ``None``; one query, none without a token.

    The result is kept on the request so the page's several tool parts share it.
    """
    if not hasattr(request, "_assessment_candidate"):
        token = (
            request.session.get(SESSION_KEY) if hasattr(request, "session") else None
        )
        candidate = None
        if isinstance(token, str) and token:
            candidate = Candidate.objects.filter(token=token).first()
        request._assessment_candidate = candidate
    return request._assessment_candidate


@dataclass(frozen=True)
class AnswerItem:
    question_id: int
    choice_id: int
    choice_text: str
    is_correct: bool
    correct_choice_text: str
    explanation: str
    prompt: str


@dataclass
class CandidateState:
    criterion_ratings: dict = field(default_factory=dict)  # criterion id -> rating
    skill_levels: dict = field(default_factory=dict)  # skill id -> level
    background_id: int | None = None
    attempt_id: int | None = None
    answers: tuple = ()  # AnswerItem, in the order given

    @property
    def has_any(self):
        return bool(
            self.criterion_ratings
            or self.skill_levels
            or self.background_id
            or self.attempt_id
        )


EMPTY_STATE = CandidateState()


def candidate_state(candidate, role):
    """What ``candidate`` has saved for ``role``: five queries, whatever the counts."""
    if candidate is None:
        return CandidateState()
    ratings = dict(
        CriterionRating.objects.filter(
            candidate=candidate, criterion__role=role
        ).values_list("criterion_id", "rating")
    )
    levels = dict(
        SkillRating.objects.filter(candidate=candidate, skill__role=role).values_list(
            "skill_id", "level"
        )
    )
    background_id = (
        SprintChoice.objects.filter(candidate=candidate, role=role)
        .values_list("background_id", flat=True)
        .first()
    )
    attempt_id = latest_attempt_id(candidate, role)
    answers = ()
    if attempt_id is not None:
        answers = tuple(attempt_answers(attempt_id))
    return CandidateState(ratings, levels, background_id, attempt_id, answers)


def latest_attempt_id(candidate, role):
    return (
        QuizAttempt.objects.filter(candidate=candidate, role=role)
        .order_by("-started_at", "-id")
        .values_list("id", flat=True)
        .first()
    )


def attempt_answers(attempt_id):
    """The answers of one attempt with what the candidate sees after answering."""
    correct_text = QuizChoice.objects.filter(
        question=OuterRef("question_id"), is_correct=True
    ).values("text")[:1]
    rows = (
        QuizAnswer.objects.filter(attempt_id=attempt_id)
        .annotate(correct_choice_text=Subquery(correct_text))
        .values_list(
            "question_id",
            "choice_id",
            "choice__text",
            "is_correct",
            "correct_choice_text",
            "question__explanation",
            "question__prompt",
        )
        .order_by("answered_at", "id")
    )
    return [
        AnswerItem(qid, cid, ctext, correct, correct_text or "", explanation, prompt)
        for qid, cid, ctext, correct, correct_text, explanation, prompt in rows
    ]


def candidate_role_ids(candidate):
    """Ids of the roles where ``candidate`` has saved anything (one query)."""
    criterion_roles = CriterionRating.objects.filter(candidate=candidate).values_list(
        "criterion__role_id", flat=True
    )
    skill_roles = SkillRating.objects.filter(candidate=candidate).values_list(
        "skill__role_id", flat=True
    )
    plan_roles = SprintChoice.objects.filter(candidate=candidate).values_list(
        "role_id", flat=True
    )
    quiz_roles = QuizAttempt.objects.filter(candidate=candidate).values_list(
        "role_id", flat=True
    )
    # Default orderings are not allowed inside a UNION on every database.
    parts = [
        qs.order_by() for qs in (criterion_roles, skill_roles, plan_roles, quiz_roles)
    ]
    return set(parts[0].union(*parts[1:]))


# --- Figures for the admin ----------------------------------------------------


def _distinct_candidates(queryset, role_path):
    counted = (
        queryset.filter(**{role_path: OuterRef("pk")})
        .order_by()
        .values(role_path)
        .annotate(n=Count("candidate_id", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def tool_usage(role):
    """How many distinct candidates used each tool of ``role`` (one query).

    A knowledge-check candidate counts once they have answered a question.
    """
    from roles.models import Role

    # Annotation names must not clash with Role's own relations (``skills``).
    row = (
        Role.objects.filter(pk=role.pk)
        .annotate(
            used_qualification=_distinct_candidates(
                CriterionRating.objects.all(), "criterion__role"
            ),
            used_skills=_distinct_candidates(SkillRating.objects.all(), "skill__role"),
            used_plan=_distinct_candidates(SprintChoice.objects.all(), "role"),
            used_quiz=_distinct_candidates(
                QuizAttempt.objects.filter(answers__isnull=False), "role"
            ),
        )
        .values("used_qualification", "used_skills", "used_plan", "used_quiz")
        .get()
    )
    return {name.removeprefix("used_"): count for name, count in row.items()}


def question_success_rates(role):
    """Per question of ``role``, in order: answers, correct answers, share correct.

    One query. ``share`` is a fraction from 0 to 1, or ``None`` before any answer.
    """
    rows = QuizQuestion.objects.filter(role=role).annotate(
        answer_count=Count("answers"),
        correct_count=Count("answers", filter=Q(answers__is_correct=True)),
    )
    return [
        {
            "question": question,
            "answers": question.answer_count,
            "correct": question.correct_count,
            "share": (
                question.correct_count / question.answer_count
                if question.answer_count
                else None
            ),
        }
        for question in rows
    ]
