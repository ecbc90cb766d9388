"""The role editor: one screen per role with every piece of its content.

Other apps add their own parts of a role (ranked certifications, the tools'
content, usage figures) through ``register_role_inlines`` and
``register_role_panel``, so this module never imports them.
"""

from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.html import conditional_escape

from roles.admin_forms import ConstraintMessageForm, ConstraintMessageFormSet
from roles.models import (
    CareerStep,
    Category,
    CommunityLink,
    CompensationRung,
    DayTask,
    DemandSignal,
    Highlight,
    InterviewQuestion,
    LearningResource,
    OverviewParagraph,
    ResourceGroup,
    Role,
    SectorDemand,
    Skill,
    SourceNote,
)

# --- Inline building blocks -------------------------------------------------------

# Editors paste links without a scheme ("example.org/course"); every link on the
# site is HTTPS, so that is the scheme assumed.
URL_FIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}


class OrderedTabularInline(admin.TabularInline):
    """A compact inline for short rows; ``position`` sets their order."""

    extra = 0
    formset = ConstraintMessageFormSet
    form = ConstraintMessageForm
    formfield_overrides = URL_FIELD_OVERRIDES


class OrderedStackedInline(admin.StackedInline):
    """An inline for rows with paragraphs of text; ``position`` sets their order."""

    extra = 0
    formset = ConstraintMessageFormSet
    form = ConstraintMessageForm
    formfield_overrides = URL_FIELD_OVERRIDES


class SameRoleSkillsMixin:
    """Offer only the skills of the role being edited in a ``skills`` picker.

    The parent object is known when the formset is built; a brand-new parent
    has no skills yet, so the picker stays empty until it has been saved once.
    """

    def role_of_parent(self, parent):
        return parent

    def get_formset(self, request, obj=None, **kwargs):
        self._role = self.role_of_parent(obj) if obj is not None else None
        return super().get_formset(request, obj, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "skills":
            role = getattr(self, "_role", None)
            kwargs["queryset"] = (
                Skill.objects.filter(role=role) if role else Skill.objects.none()
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


# --- The role's own inlines -------------------------------------------------------


class HighlightInline(OrderedTabularInline):
    model = Highlight
    fields = ["kind", "text", "position"]
    verbose_name_plural = "header highlights and aliases"


class OverviewParagraphInline(OrderedStackedInline):
    model = OverviewParagraph
    fields = ["body", "position"]


class DayTaskInline(OrderedStackedInline):
    model = DayTask
    fields = [("icon", "title", "position"), "description", "reality_check"]
    verbose_name_plural = "a day in the life"


class SectorDemandInline(OrderedTabularInline):
    model = SectorDemand
    fields = ["sector", "level", "position"]


class DemandSignalInline(OrderedStackedInline):
    model = DemandSignal
    fields = [("kind", "label", "position"), "text"]


class SkillForm(ConstraintMessageForm):
    range_constraints = {
        "starting_rating": "skill_starting_rating_1_to_5",
        "target_level": "skill_target_level_1_to_5",
    }


class SkillInline(OrderedTabularInline):
    model = Skill
    form = SkillForm
    fields = ["name", "starting_rating", "target_level", "position"]


class ResourceGroupInline(OrderedTabularInline):
    model = ResourceGroup
    fields = ["icon", "title", "position"]
    show_change_link = True
    verbose_name_plural = (
        "learning resource groups (open a group to edit its resources)"
    )


class CareerStepInline(OrderedStackedInline):
    model = CareerStep
    fields = [
        ("direction", "title", "position"),
        ("salary_min", "salary_max", "salary_open_ended"),
        ("timeline_short", "timeline"),
        "bridge_skill",
        "narrative",
    ]


class CompensationRungInline(OrderedTabularInline):
    model = CompensationRung
    fields = ["title", "salary_min", "salary_max", "is_current", "position"]
    verbose_name_plural = "compensation ladder"


class InterviewQuestionInline(OrderedStackedInline):
    model = InterviewQuestion
    fields = ["question", "what_it_tests", "model_answer", "tags", "position"]


class CommunityLinkInline(OrderedStackedInline):
    model = CommunityLink
    fields = [("group", "icon", "title", "position"), "description", "url"]


class SourceNoteInline(OrderedStackedInline):
    model = SourceNote
    fields = [("title", "position"), "body"]
    verbose_name_plural = "sources and methodology"


# --- The role screen ------------------------------------------------------------


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "role_count"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(role_count=Count("roles"))

    @admin.display(description="roles", ordering="role_count")
    def role_count(self, category):
        return category.role_count


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    """One screen per role, its sections in the order the page shows them.

    ``inlines`` grows when other apps call ``register_role_inlines``; panels
    added with ``register_role_panel`` appear as read-only sections on the
    change screen.
    """

    fieldsets = [
        (
            "Header",
            {
                "fields": [
                    ("title", "slug"),
                    ("category", "is_published"),
                    "pitch",
                    ("demand_level", "ai_displacement"),
                    ("salary_min", "salary_max", "career_level"),
                    ("transition_time", "experience"),
                ]
            },
        ),
        (
            "Overview call-outs",
            {
                "fields": [
                    ("regulatory_callout_icon", "regulatory_callout"),
                    "insight_title",
                    "insight_body",
                    "insight_source",
                ]
            },
        ),
        ("Compensation", {"fields": ["contract_rate_note"]}),
        ("Call to action", {"fields": ["cta_title", "cta_body"]}),
        (
            "Sources and methodology",
            {"fields": [("last_updated", "author"), "freshness_note"]},
        ),
    ]
    prepopulated_fields = {"slug": ["title"]}
    list_display = [
        "title",
        "category",
        "is_published",
        "demand_level",
        "salary",
        "last_updated",
    ]
    list_display_links = ["title"]
    list_editable = ["is_published"]
    list_filter = ["is_published", "category", "demand_level", "ai_displacement"]
    list_select_related = ["category"]
    search_fields = ["title", "slug", "pitch", "category__name"]
    ordering = ["title"]
    save_on_top = True
    inlines = [
        HighlightInline,
        OverviewParagraphInline,
        DayTaskInline,
        SectorDemandInline,
        DemandSignalInline,
        SkillInline,
        ResourceGroupInline,
        CareerStepInline,
        CompensationRungInline,
        InterviewQuestionInline,
        CommunityLinkInline,
        SourceNoteInline,
    ]
    # (attribute name, section title, description) of each read-only panel.
    panels = []

    @admin.display(description="salary", ordering="salary_min")
    def salary(self, role):
        return role.salary_display

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        # The admin renders help text as HTML; the slug's mentions "<slug>".
        if formfield is not None and formfield.help_text:
            formfield.help_text = conditional_escape(formfield.help_text)
        return formfield

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None:
            for name, title, description in self.panels:
                fieldsets.append(
                    (title, {"fields": [name], "description": description})
                )
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            readonly += [name for name, _title, _description in self.panels]
        return readonly


def register_role_inlines(*inline_classes):
    """Add inlines from another app to the role screen, after the role's own."""
    RoleAdmin.inlines = [*RoleAdmin.inlines, *inline_classes]


def register_role_panel(name, title, render, *, label, description=""):
    """Add a read-only section to the role's change screen.

    ``render(role)`` returns the HTML-safe content (``format_html``) shown
    beside ``label``; ``name`` must be unique among panels and is the
    attribute the admin looks it up by.
    """

    def panel(_admin, role):
        return render(role)

    panel.short_description = label
    setattr(RoleAdmin, name, panel)
    RoleAdmin.panels = [*RoleAdmin.panels, (name, title, description)]


# --- Screens of a role's grandchildren ------------------------------------------


class LearningResourceInline(SameRoleSkillsMixin, OrderedStackedInline):
    model = LearningResource
    fields = [
        ("title", "position"),
        "description",
        ("url", "cost", "duration", "level"),
        "skills",
    ]
    filter_horizontal = ["skills"]

    def role_of_parent(self, group):
        return group.role


@admin.register(ResourceGroup)
class ResourceGroupAdmin(admin.ModelAdmin):
    list_display = ["title", "role", "resource_count", "position"]
    list_filter = ["role"]
    list_select_related = ["role"]
    search_fields = ["title", "role__title", "resources__title"]
    autocomplete_fields = ["role"]
    ordering = ["role__title", "position", "id"]
    fields = ["role", ("icon", "title", "position")]
    inlines = [LearningResourceInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(resource_count=Count("resources"))

    @admin.display(description="resources", ordering="resource_count")
    def resource_count(self, group):
        return group.resource_count
