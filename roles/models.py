"""A career role and all of its descriptive content.

Every sentence and number on a role page lives in these tables and is edited in
the admin. Rows that belong to a role (tasks, resources, path steps, ...) share
``OrderedItem``: a stable ``uid`` that serves as the natural key in fixtures, and
a ``position`` editors use to change the order.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from roles.formatting import salary_range


class DemandLevel(models.TextChoices):
    HIGH = "high", "High"
    MODERATE = "moderate", "Moderate"
    GROWING = "growing", "Growing"
    LOW = "low", "Low"


class RiskLevel(models.TextChoices):
    LOW = "low", "Low"
    MODERATE = "moderate", "Moderate"
    HIGH = "high", "High"


class SkillLevel(models.TextChoices):
    BEGINNER = "beginner", "Beginner"
    INTERMEDIATE = "intermediate", "Intermediate"
    ADVANCED = "advanced", "Advanced"
    ALL_LEVELS = "all", "All Levels"


def new_revision():
    return uuid.uuid4().hex


class UidManager(models.Manager):
    def get_by_natural_key(self, uid):
        return self.get(uid=uid)


class OrderedItem(models.Model):
    """A row owned by a role (directly or through a parent), kept in editor order."""

    uid = models.UUIDField(
        "identifier",
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text="Stable identifier used by fixtures; never shown to visitors.",
    )
    position = models.PositiveIntegerField(
        default=0,
        help_text="Lower numbers come first. Leave gaps (10, 20, 30) to make "
        "reordering easy.",
    )

    objects = UidManager()

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    def natural_key(self):
        return (str(self.uid),)

    def affected_role_ids(self):
        """Ids of the roles whose page shows this row (used to refresh caches).

        Rows that reach their role through a parent override this; doing so may
        cost a query.
        """
        return [self.role_id]


def salary_checks(prefix):
    """Constraints shared by every model that carries a salary range."""
    return [
        models.CheckConstraint(
            condition=Q(salary_min__lte=F("salary_max")),
            name=f"{prefix}_salary_min_not_above_max",
            violation_error_message="The salary minimum cannot be above the maximum.",
        ),
    ]


# --- The role -----------------------------------------------------------------


class CategoryManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Category(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)

    objects = CategoryManager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class RoleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Role(models.Model):
    slug = models.SlugField(
        max_length=100,
        unique=True,
        help_text="The address of the page: /roles/<slug>/. Changing it breaks "
        "existing links.",
    )
    title = models.CharField(max_length=120)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="roles"
    )
    is_published = models.BooleanField(
        default=False, help_text="Only published roles appear in the catalogue."
    )
    pitch = models.TextField(help_text="The one-paragraph summary under the title.")
    demand_level = models.CharField(max_length=20, choices=DemandLevel.choices)
    salary_min = models.PositiveIntegerField(help_text="Yearly, in US dollars.")
    salary_max = models.PositiveIntegerField(help_text="Yearly, in US dollars.")
    career_level = models.CharField(
        max_length=40,
        blank=True,
        help_text="Shown under the salary in the career path, e.g. “Mid-Level”.",
    )
    transition_time = models.CharField(max_length=40, help_text="e.g. “1–2 Years”.")
    experience = models.CharField(max_length=40, help_text="e.g. “3–7 Years”.")
    ai_displacement = models.CharField(
        "AI displacement risk", max_length=20, choices=RiskLevel.choices
    )

    # Overview call-outs.
    regulatory_callout_icon = models.CharField(max_length=8, blank=True)
    regulatory_callout = models.TextField(blank=True)
    insight_title = models.CharField(
        max_length=120, blank=True, help_text="Shown after “Knowledge Insight —”."
    )
    insight_body = models.TextField(blank=True)
    insight_source = models.CharField(max_length=200, blank=True)

    # Compensation ladder footnote.
    contract_rate_note = models.TextField(
        blank=True,
        help_text="Shown after “Contract Rate” under the compensation ladder.",
    )

    # Closing call to action.
    cta_title = models.CharField(max_length=120, blank=True)
    cta_body = models.TextField(blank=True)

    # Sources and methodology.
    last_updated = models.DateField()
    freshness_note = models.TextField(
        blank=True, help_text="Shown after the last-updated date."
    )
    author = models.CharField(max_length=120, blank=True)

    content_revision = models.CharField(
        max_length=32,
        default=new_revision,
        editable=False,
        help_text="Changes whenever any of this role's content is saved; cached page "
        "parts are keyed by it.",
    )

    objects = RoleQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        constraints = salary_checks("role")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("roles:detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    @property
    def salary_display(self):
        return salary_range(self.salary_min, self.salary_max)


class Highlight(OrderedItem):
    """A short label in one of the role's lists (header chips, aliases)."""

    class Kind(models.TextChoices):
        TOP_SKILL = "top_skill", "Top skill"
        BACKGROUND = "background", "Best background"
        INDUSTRY = "industry", "Top industry"
        SOURCE = "source", "Source badge"
        ALIAS = "alias", "Also known as"

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="highlights")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.CharField(max_length=120)

    class Meta(OrderedItem.Meta):
        ordering = ["kind", "position", "id"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text}"


class OverviewParagraph(OrderedItem):
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="overview")
    body = models.TextField()

    def __str__(self):
        return self.body[:60]


class DayTask(OrderedItem):
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="tasks")
    icon = models.CharField(max_length=8, blank=True, help_text="One emoji.")
    title = models.CharField(max_length=120)
    description = models.TextField()
    reality_check = models.TextField(help_text="Revealed when the visitor expands it.")

    def __str__(self):
        return self.title


# --- Demand intelligence -----------------------------------------------------


class SectorDemand(OrderedItem):
    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="sector_demand"
    )
    sector = models.CharField(max_length=160)
    level = models.CharField(max_length=20, choices=DemandLevel.choices)

    def __str__(self):
        return f"{self.sector}: {self.get_level_display()}"


class DemandSignal(OrderedItem):
    """One line of the demand section, filed under one of its three lists."""

    class Kind(models.TextChoices):
        POSTING = "posting", "Job posting signal"
        COMPETITION = "competition", "Competitive landscape"
        REGULATION = "regulation", "Regulatory driver"

    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="demand_signals"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    label = models.CharField(
        max_length=120,
        blank=True,
        help_text="Optional lead-in shown in bold before the text, e.g. “EU AI Act”.",
    )
    text = models.TextField()

    class Meta(OrderedItem.Meta):
        ordering = ["kind", "position", "id"]

    def __str__(self):
        return f"{self.get_kind_display()}: {(self.label or self.text)[:60]}"


# --- Skills and learning -------------------------------------------------------


class Skill(OrderedItem):
    """A key skill of the role: the radar's axis and a self-assessment row."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="skills")
    name = models.CharField(max_length=80)
    starting_rating = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text="The rating (1–5) a new visitor sees before rating themselves.",
    )
    target_level = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text="The level (1–5) the role expects. Skills rated below it appear in "
        "the gap analysis.",
    )

    class Meta(OrderedItem.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["role", "name"],
                name="skill_name_unique_per_role",
                violation_error_message="This role already has a skill with this name.",
            ),
            models.CheckConstraint(
                condition=Q(starting_rating__gte=1, starting_rating__lte=5),
                name="skill_starting_rating_1_to_5",
                violation_error_message="The starting rating must be between 1 and 5.",
            ),
            models.CheckConstraint(
                condition=Q(target_level__gte=1, target_level__lte=5),
                name="skill_target_level_1_to_5",
                violation_error_message="The target level must be between 1 and 5.",
            ),
        ]

    def __str__(self):
        return self.name


class ResourceGroup(OrderedItem):
    """A heading of the learning resources: courses, reading, tools, communities."""

    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="resource_groups"
    )
    icon = models.CharField(max_length=8, blank=True)
    title = models.CharField(max_length=80)

    def __str__(self):
        return f"{self.role}: {self.title}"


class LearningResource(OrderedItem):
    group = models.ForeignKey(
        ResourceGroup, on_delete=models.CASCADE, related_name="resources"
    )
    title = models.CharField(max_length=200)
    description = models.TextField()
    url = models.URLField(blank=True, help_text="Optional link to the resource.")
    cost = models.CharField(
        max_length=40,
        blank=True,
        help_text="e.g. “FREE” or “Audit Free”; blank if unknown.",
    )
    duration = models.CharField(max_length=40, blank=True, help_text="e.g. “~13h”.")
    level = models.CharField(max_length=20, choices=SkillLevel.choices)
    skills = models.ManyToManyField(
        Skill,
        blank=True,
        related_name="resources",
        help_text="Skills this resource builds; the gap analysis points to it for them.",
    )

    def __str__(self):
        return self.title

    def affected_role_ids(self):
        return [self.group.role_id]


# --- Career path and compensation ---------------------------------------------


class CareerStep(OrderedItem):
    """A role one moves in from (feeder) or up to (advancement)."""

    class Direction(models.TextChoices):
        FEEDER = "feeder", "Feeder"
        ADVANCEMENT = "advancement", "Advancement"

    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="career_steps"
    )
    direction = models.CharField(max_length=20, choices=Direction.choices)
    title = models.CharField(max_length=120)
    salary_min = models.PositiveIntegerField(help_text="Yearly, in US dollars.")
    salary_max = models.PositiveIntegerField(help_text="Yearly, in US dollars.")
    salary_open_ended = models.BooleanField(
        default=False, help_text="Show a “+” after the maximum."
    )
    timeline_short = models.CharField(
        max_length=40, help_text="On the map, e.g. “< 1 yr”."
    )
    timeline = models.CharField(
        max_length=60, help_text="In the details, e.g. “Under 1 year”."
    )
    bridge_skill = models.CharField(max_length=200)
    narrative = models.TextField()

    class Meta(OrderedItem.Meta):
        ordering = ["direction", "position", "id"]
        constraints = salary_checks("careerstep")

    def __str__(self):
        return f"{self.get_direction_display()}: {self.title}"

    @property
    def salary_display(self):
        return salary_range(
            self.salary_min, self.salary_max, open_ended=self.salary_open_ended
        )


class CompensationRung(OrderedItem):
    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="compensation"
    )
    title = models.CharField(max_length=120)
    salary_min = models.PositiveIntegerField(help_text="Yearly, in US dollars.")
    salary_max = models.PositiveIntegerField(help_text="Yearly, in US dollars.")
    is_current = models.BooleanField(
        default=False, help_text="Highlight this rung as the role itself."
    )

    class Meta(OrderedItem.Meta):
        constraints = salary_checks("compensationrung")

    def __str__(self):
        return self.title

    @property
    def salary_display(self):
        return salary_range(self.salary_min, self.salary_max)


# --- Interview prep, community, sources --------------------------------------


class InterviewQuestion(OrderedItem):
    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="interview_questions"
    )
    question = models.TextField()
    what_it_tests = models.TextField()
    model_answer = models.TextField()
    tags = models.TextField(blank=True, help_text="One tag per line.")

    def __str__(self):
        return self.question[:80]

    @property
    def tag_list(self):
        return [line.strip() for line in self.tags.splitlines() if line.strip()]


class CommunityLink(OrderedItem):
    class Group(models.TextChoices):
        LEARN = "learn", "Learn"
        CONNECT = "connect", "Connect"
        NETWORK = "network", "Network"

    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="community_links"
    )
    group = models.CharField(max_length=20, choices=Group.choices)
    icon = models.CharField(max_length=8, blank=True)
    title = models.CharField(max_length=120)
    description = models.TextField()
    url = models.URLField(blank=True)

    class Meta(OrderedItem.Meta):
        ordering = ["group", "position", "id"]

    def __str__(self):
        return self.title


class SourceNote(OrderedItem):
    """A paragraph of the sources and methodology section."""

    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="source_notes"
    )
    title = models.CharField(max_length=120, help_text="e.g. “Salary Data”.")
    body = models.TextField()

    def __str__(self):
        return self.title
