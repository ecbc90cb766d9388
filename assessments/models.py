"""The four candidate tools: their content, and each candidate's saved state.

Content (criteria, verdict bands, sprint plans, quiz) is edited in the admin like
the rest of a role. A candidate has no account: ``Candidate`` is identified by an
unguessable token kept in their session and in their private link, and every
rating, plan choice and quiz answer hangs off it.
"""

import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from roles.models import OrderedItem, Role, Skill

# --- Qualification checker ----------------------------------------------------


class Criterion(OrderedItem):
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="criteria")
    icon = models.CharField(max_length=8, blank=True)
    name = models.CharField(max_length=80)
    question = models.CharField(max_length=200)

    class Meta(OrderedItem.Meta):
        verbose_name_plural = "criteria"

    def __str__(self):
        return self.name


class VerdictBand(OrderedItem):
    """What a readiness percentage means: the band with the highest minimum reached."""

    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="verdict_bands"
    )
    min_percent = models.PositiveSmallIntegerField(
        validators=[MaxValueValidator(100)],
        help_text="The lowest readiness (0–100) that falls in this band.",
    )
    label = models.CharField(max_length=60)
    message = models.TextField()

    class Meta:
        ordering = ["min_percent"]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "min_percent"],
                name="verdict_band_min_unique_per_role",
                violation_error_message="Another band already starts at this percentage.",
            ),
            models.CheckConstraint(
                condition=Q(min_percent__lte=100),
                name="verdict_band_min_at_most_100",
                violation_error_message="A band cannot start above 100%%.",
            ),
        ]

    def __str__(self):
        return f"{self.min_percent}%+: {self.label}"


# --- 90-day sprint plan -------------------------------------------------------


class SprintBackground(OrderedItem):
    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="sprint_backgrounds"
    )
    name = models.CharField(max_length=80)

    def __str__(self):
        return self.name


class SprintPhase(OrderedItem):
    background = models.ForeignKey(
        SprintBackground, on_delete=models.CASCADE, related_name="phases"
    )
    start_day = models.PositiveSmallIntegerField()
    end_day = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=60, help_text="e.g. “Foundation”.")
    title = models.CharField(
        max_length=120, help_text="e.g. “Fairness Specialization”."
    )

    class Meta:
        ordering = ["start_day", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_day__gte=1, start_day__lte=models.F("end_day")),
                name="sprint_phase_days_in_order",
                violation_error_message="A phase must start on day 1 or later and not "
                "after it ends.",
            ),
            models.UniqueConstraint(
                fields=["background", "start_day"],
                name="sprint_phase_start_unique_per_background",
                violation_error_message="Another phase of this plan starts on this day.",
            ),
        ]

    def __str__(self):
        return f"Days {self.start_day}\u2013{self.end_day}: {self.name}"

    def affected_role_ids(self):
        return [self.background.role_id]


class SprintTask(OrderedItem):
    phase = models.ForeignKey(
        SprintPhase, on_delete=models.CASCADE, related_name="tasks"
    )
    text = models.TextField()
    hours = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(500)]
    )

    class Meta(OrderedItem.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gte=1, hours__lte=500),
                name="sprint_task_hours_1_to_500",
                violation_error_message="Hours must be between 1 and 500.",
            ),
        ]

    def __str__(self):
        return self.text[:60]

    def affected_role_ids(self):
        return self.phase.affected_role_ids()


# --- Knowledge check ----------------------------------------------------------


class QuizQuestion(OrderedItem):
    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="quiz_questions"
    )
    prompt = models.TextField()
    explanation = models.TextField(help_text="Shown after the candidate answers.")

    def __str__(self):
        return self.prompt[:80]


class QuizChoice(OrderedItem):
    question = models.ForeignKey(
        QuizQuestion, on_delete=models.CASCADE, related_name="choices"
    )
    text = models.CharField(max_length=200)
    is_correct = models.BooleanField(default=False)

    class Meta(OrderedItem.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["question"],
                condition=Q(is_correct=True),
                name="one_correct_choice_per_question",
                violation_error_message="A question has exactly one correct choice.",
            ),
        ]

    def __str__(self):
        return self.text

    def affected_role_ids(self):
        return [self.question.role_id]


class QuizResultBand(OrderedItem):
    """The message shown with a final score: the band with the highest minimum reached."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="quiz_bands")
    min_score = models.PositiveSmallIntegerField(
        help_text="The lowest score in this band."
    )
    message = models.CharField(max_length=200)

    class Meta:
        ordering = ["min_score"]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "min_score"],
                name="quiz_band_min_unique_per_role",
                violation_error_message="Another message already starts at this score.",
            ),
        ]

    def __str__(self):
        return f"{self.min_score}+: {self.message[:40]}"


# --- Candidate state ----------------------------------------------------------


def new_token():
    return secrets.token_urlsafe(32)


class Candidate(models.Model):
    token = models.CharField(
        max_length=64, unique=True, default=new_token, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        # Never the token: it is the candidate's only credential.
        return f"Candidate #{self.pk}"


class CriterionRating(models.Model):
    class Rating(models.TextChoices):
        STRENGTH = "strength", "Strength"
        IN_PROGRESS = "in_progress", "In progress"
        GAP = "gap", "Gap"

    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="criterion_ratings"
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.CASCADE, related_name="ratings"
    )
    rating = models.CharField(max_length=20, choices=Rating.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "criterion"], name="one_rating_per_criterion"
            ),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.get_rating_display()}"


class SkillRating(models.Model):
    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="skill_ratings"
    )
    skill = models.ForeignKey(
        Skill, on_delete=models.CASCADE, related_name="candidate_ratings"
    )
    level = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "skill"], name="one_rating_per_skill"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5),
                name="skill_rating_level_1_to_5",
            ),
        ]

    def __str__(self):
        return f"{self.skill}: {self.level}"


class SprintChoice(models.Model):
    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="sprint_choices"
    )
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="+")
    background = models.ForeignKey(
        SprintBackground, on_delete=models.CASCADE, related_name="choices"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "role"], name="one_plan_per_role"
            ),
        ]

    def __str__(self):
        return f"{self.role}: {self.background}"


class QuizAttempt(models.Model):
    """One run through a role's knowledge check. The newest attempt is the live one."""

    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="+")
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self):
        return f"Attempt #{self.pk} at {self.role}"


class QuizAnswer(models.Model):
    attempt = models.ForeignKey(
        QuizAttempt, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        QuizQuestion, on_delete=models.CASCADE, related_name="answers"
    )
    choice = models.ForeignKey(
        QuizChoice, on_delete=models.CASCADE, related_name="answers"
    )
    is_correct = models.BooleanField()
    answered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["answered_at", "id"]
        constraints = [
            # The guard against replays and double submits: one answer per question
            # per attempt, enforced by the database even under concurrent posts.
            models.UniqueConstraint(
                fields=["attempt", "question"],
                name="one_answer_per_question_per_attempt",
            ),
        ]

    def __str__(self):
        return f"{self.question}: {self.choice}"
