"""The tools' content, edited with the role, and read-only views of candidates.

The role screen gains the criteria, verdict bands, sprint plans, quiz questions
and result bands as inlines, plus a panel of usage figures, through the hooks
of the roles admin. Sprint phases and quiz choices are edited on their
parent's own screen, reached from the role screen's "change" links.
"""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils.html import format_html, format_html_join

from assessments import selectors
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
from roles.admin import (
    OrderedStackedInline,
    OrderedTabularInline,
    register_role_inlines,
    register_role_panel,
)
from roles.admin_forms import (
    ConstraintMessageForm,
    ConstraintMessageFormSet,
    constraint_message,
)


def success_text(correct, answers):
    """``3 of 4 (75%)``, or a plain note before anyone has answered."""
    if not answers:
        return "No answers yet"
    return f"{correct} of {answers} ({round(100 * correct / answers)}%)"


# --- Inlines on the role screen ---------------------------------------------------


class CriterionInline(OrderedTabularInline):
    model = Criterion
    fields = ["icon", "name", "question", "position"]
    verbose_name_plural = "qualification checker: criteria"


class VerdictBandForm(ConstraintMessageForm):
    range_constraints = {"min_percent": "verdict_band_min_at_most_100"}


class VerdictBandInline(OrderedTabularInline):
    model = VerdictBand
    form = VerdictBandForm
    fields = ["min_percent", "label", "message", "position"]
    ordering = ["min_percent"]
    verbose_name_plural = "qualification checker: verdict bands"


class SprintBackgroundInline(OrderedTabularInline):
    model = SprintBackground
    fields = ["name", "position"]
    show_change_link = True
    verbose_name_plural = "sprint plan: backgrounds (open one to edit its phases)"


class QuizQuestionInline(OrderedStackedInline):
    # A question added here has no choices until they are added on its own
    # screen; until then candidates cannot score it, and the question list
    # says so in its "correct choice" column.
    model = QuizQuestion
    fields = [("prompt", "position"), "explanation"]
    show_change_link = True
    verbose_name_plural = "knowledge check: questions (open one to edit its choices)"


class QuizResultBandInline(OrderedTabularInline):
    model = QuizResultBand
    fields = ["min_score", "message", "position"]
    ordering = ["min_score"]
    verbose_name_plural = "knowledge check: result messages"


register_role_inlines(
    CriterionInline,
    VerdictBandInline,
    SprintBackgroundInline,
    QuizQuestionInline,
    QuizResultBandInline,
)


# --- Usage figures on the role screen ---------------------------------------------

TOOL_LABELS = [
    ("qualification", "Qualification checker"),
    ("skills", "Skills self-assessment"),
    ("plan", "90-day sprint plan"),
    ("quiz", "Knowledge check"),
]


def candidates_text(count):
    return f"{count} candidate" if count == 1 else f"{count} candidates"


def render_tool_usage(role):
    usage = selectors.tool_usage(role)
    return format_html(
        "<ul>{}</ul>",
        format_html_join(
            "",
            "<li>{}: {}</li>",
            ((label, candidates_text(usage[key])) for key, label in TOOL_LABELS),
        ),
    )


def render_question_success(role):
    rates = selectors.question_success_rates(role)
    if not rates:
        return "No questions yet."
    return format_html(
        "<ol>{}</ol>",
        format_html_join(
            "",
            "<li>{} — {}</li>",
            (
                (
                    rate["question"].prompt,
                    success_text(rate["correct"], rate["answers"]),
                )
                for rate in rates
            ),
        ),
    )


register_role_panel(
    "tool_usage",
    "Candidates per tool",
    render_tool_usage,
    label="Candidates",
    description="Distinct candidates who saved anything in each tool of this role.",
)
register_role_panel(
    "question_success",
    "Right answers per question",
    render_question_success,
    label="Questions",
    description="Every answer given, across all attempts.",
)


# --- Sprint plans -----------------------------------------------------------------


class SprintPhaseInline(OrderedTabularInline):
    model = SprintPhase
    fields = ["start_day", "end_day", "name", "title", "position"]
    ordering = ["start_day", "id"]
    show_change_link = True
    verbose_name_plural = "phases (open one to edit its tasks)"


@admin.register(SprintBackground)
class SprintBackgroundAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "position"]
    list_filter = ["role"]
    list_select_related = ["role"]
    search_fields = ["name", "role__title"]
    autocomplete_fields = ["role"]
    ordering = ["role__title", "position", "id"]
    fields = ["role", ("name", "position")]
    inlines = [SprintPhaseInline]


class SprintTaskForm(ConstraintMessageForm):
    range_constraints = {"hours": "sprint_task_hours_1_to_500"}


class SprintTaskInline(OrderedTabularInline):
    model = SprintTask
    form = SprintTaskForm
    fields = ["text", "hours", "position"]


@admin.register(SprintPhase)
class SprintPhaseAdmin(admin.ModelAdmin):
    list_display = ["__str__", "title", "background", "role"]
    list_filter = ["background__role"]
    list_select_related = ["background__role"]
    search_fields = ["name", "title", "background__name", "background__role__title"]
    autocomplete_fields = ["background"]
    ordering = ["background__role__title", "background__position", "start_day"]
    fields = ["background", ("start_day", "end_day"), ("name", "title"), "position"]
    inlines = [SprintTaskInline]

    @admin.display(description="role", ordering="background__role__title")
    def role(self, phase):
        return phase.background.role


# --- Knowledge check ------------------------------------------------------------


class OneCorrectChoiceFormSet(ConstraintMessageFormSet):
    """A question's choices: exactly one of them is marked correct.

    Moving the mark from one choice to another is a single save: the old mark
    is cleared before the rows are saved, since the database allows at most
    one correct choice per question at every moment.
    """

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        deleted = set(self.deleted_forms)
        initial = set(self.initial_forms)
        kept = [
            form
            for form in self.forms
            if form not in deleted and (form in initial or form.has_changed())
        ]
        correct = [form for form in kept if form.cleaned_data.get("is_correct")]
        if len(correct) != 1:
            detail = (
                "None is marked correct."
                if not correct
                else f"{len(correct)} are marked correct."
            )
            raise ValidationError(
                f"{constraint_message(QuizChoice, 'one_correct_choice_per_question')} "
                f"{detail}"
            )
        self._correct_pk = correct[0].instance.pk

    def save_existing_objects(self, commit=True):
        if commit and self.instance.pk is not None:
            QuizChoice.objects.filter(question=self.instance, is_correct=True).exclude(
                pk=self._correct_pk
            ).update(is_correct=False)
        return super().save_existing_objects(commit)


class QuizChoiceInline(OrderedTabularInline):
    model = QuizChoice
    formset = OneCorrectChoiceFormSet
    fields = ["text", "is_correct", "position"]


@admin.register(QuizQuestion)
class QuizQuestionAdmin(admin.ModelAdmin):
    list_display = ["prompt_start", "role", "correct_choice", "success", "position"]
    list_filter = ["role"]
    list_select_related = ["role"]
    search_fields = ["prompt", "explanation", "choices__text", "role__title"]
    autocomplete_fields = ["role"]
    ordering = ["role__title", "position", "id"]
    fields = ["role", "prompt", "explanation", "position"]
    inlines = [QuizChoiceInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                answer_count=Count("answers", distinct=True),
                correct_count=Count(
                    "answers", filter=Q(answers__is_correct=True), distinct=True
                ),
            )
            .prefetch_related("choices")
        )

    @admin.display(description="question", ordering="prompt")
    def prompt_start(self, question):
        return str(question)

    @admin.display(description="correct choice")
    def correct_choice(self, question):
        correct = [
            choice.text for choice in question.choices.all() if choice.is_correct
        ]
        return correct[0] if correct else "None marked: candidates cannot score"

    @admin.display(description="right answers", ordering="correct_count")
    def success(self, question):
        return success_text(question.correct_count, question.answer_count)


# --- Candidate state (read-only) --------------------------------------------------


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class CriterionRatingInline(ReadOnlyInline):
    model = CriterionRating
    fields = ["criterion", "rating", "updated_at"]


class SkillRatingInline(ReadOnlyInline):
    model = SkillRating
    fields = ["skill", "level", "updated_at"]


class SprintChoiceInline(ReadOnlyInline):
    model = SprintChoice
    fields = ["role", "background", "updated_at"]


class QuizAttemptInline(ReadOnlyInline):
    model = QuizAttempt
    fields = ["role", "started_at", "finished_at"]
    show_change_link = True


class ReadOnlyAdmin(admin.ModelAdmin):
    """Saved candidate state is shown, never edited: it is the candidate's own.

    Deleting stays possible so that a candidate's data can be erased on request.
    """

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Candidate)
class CandidateAdmin(ReadOnlyAdmin):
    # The token is the candidate's only credential, so it is never displayed;
    # the candidate's id identifies them here.
    list_display = ["__str__", "id", "created_at", "updated_at"]
    search_fields = ["=id"]
    fields = ["id", "created_at", "updated_at"]
    readonly_fields = fields
    inlines = [
        CriterionRatingInline,
        SkillRatingInline,
        SprintChoiceInline,
        QuizAttemptInline,
    ]


class QuizAnswerInline(ReadOnlyInline):
    model = QuizAnswer
    fields = ["question", "choice", "is_correct", "answered_at"]


@admin.register(QuizAttempt)
class QuizAttemptAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "candidate", "role", "started_at", "finished_at"]
    list_filter = ["role"]
    list_select_related = ["candidate", "role"]
    search_fields = ["=candidate__id", "role__title"]
    fields = ["candidate", "role", "started_at", "finished_at"]
    readonly_fields = fields
    inlines = [QuizAnswerInline]
