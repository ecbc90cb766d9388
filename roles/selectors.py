"""Reads for the catalogue and the role page.

The role page is cached in fragments keyed by the role's ``content_revision``,
so the view fetches only the role row (``get_published_role``) and the lists are
loaded by ``get_role_content`` from inside the fragments: with a warm cache they
are never queried. ``get_role_page`` does both at once for callers that want the
whole role in memory.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Prefetch, prefetch_related_objects

from roles.models import (
    CareerStep,
    Category,
    CommunityLink,
    DemandSignal,
    Highlight,
    LearningResource,
    ResourceGroup,
    Role,
)

# Every list the role page shows, one query each whatever the number of rows.
ROLE_PAGE_PREFETCHES = (
    "highlights",
    "overview",
    "tasks",
    "sector_demand",
    "demand_signals",
    Prefetch(
        "resource_groups",
        queryset=ResourceGroup.objects.prefetch_related(
            Prefetch("resources", queryset=LearningResource.objects.all())
        ),
    ),
    "career_steps",
    "compensation",
    "interview_questions",
    "community_links",
    "source_notes",
)


_PUBLISHED_REVISION_SQL = (
    f"SELECT r.content_revision, c.name FROM {Role._meta.db_table} r "
    f"JOIN {Category._meta.db_table} c ON c.id = r.category_id "
    "WHERE r.slug = %s AND r.is_published"
)


def list_published_roles():
    """Published roles for the catalogue, with their category (one query)."""
    return Role.objects.published().select_related("category")


def get_published_role(*, slug):
    """The published role with this slug and its category (one query).

    Raises ``Role.DoesNotExist`` for an unknown or unpublished slug.
    """
    return Role.objects.published().select_related("category").get(slug=slug)


def get_published_revision(*, slug):
    """``(content_revision, category name)`` of the published role with this slug,
    or ``None`` (one query, no model instance built).

    The hot path of the role page: enough to find the cached page, which is keyed
    by both values. Written as one parametrised SQL statement because building
    the equivalent ORM query costs more than running it (about 0.3 ms of the
    0.6 ms this lookup took), on every view of every role page.
    """
    with connection.cursor() as cursor:
        cursor.execute(_PUBLISHED_REVISION_SQL, [slug])
        row = cursor.fetchone()
    return None if row is None else (row[0], row[1])


def get_role_page(*, slug):
    """The published role with every list of its page loaded (a fixed number of
    queries). Raises ``Role.DoesNotExist`` for an unknown or unpublished slug."""
    role = get_published_role(slug=slug)
    get_role_content(role=role)
    return role


@dataclass
class LadderRung:
    """A compensation rung with its bar, in percent of the ladder's top salary."""

    rung: object
    offset: float
    width: float


@dataclass
class RoleContent:
    """The role's lists, grouped the way the page shows them."""

    role: Role
    highlights: dict = field(default_factory=dict)
    signals: dict = field(default_factory=dict)
    feeders: list = field(default_factory=list)
    advancements: list = field(default_factory=list)
    community: list = field(default_factory=list)
    ladder: list = field(default_factory=list)


def get_role_content(*, role):
    """Load every list of the role page onto ``role`` and group it for display.

    Runs the prefetch queries the first time it is called for this instance and
    reuses the result after that, so several cached fragments can each ask for it.
    """
    content = getattr(role, "_page_content", None)
    if content is not None:
        return content
    prefetch_related_objects([role], *ROLE_PAGE_PREFETCHES)
    content = RoleContent(
        role=role,
        highlights=_group(role.highlights.all(), "kind", Highlight.Kind),
        signals=_group(role.demand_signals.all(), "kind", DemandSignal.Kind),
        feeders=[
            step
            for step in role.career_steps.all()
            if step.direction == CareerStep.Direction.FEEDER
        ],
        advancements=[
            step
            for step in role.career_steps.all()
            if step.direction == CareerStep.Direction.ADVANCEMENT
        ],
        community=_labelled_groups(
            role.community_links.all(), "group", CommunityLink.Group
        ),
        ladder=_ladder(role.compensation.all()),
    )
    role._page_content = content
    return content


def _group(items, attribute, choices):
    """``{value: [items]}`` for every choice, in the choices' declared order."""
    grouped = {choice.value: [] for choice in choices}
    for item in items:
        grouped.setdefault(getattr(item, attribute), []).append(item)
    return grouped


def _labelled_groups(items, attribute, choices):
    """``[(label, [items])]`` for the choices that have items, in declared order."""
    grouped = _group(items, attribute, choices)
    return [
        (choice.label, grouped[choice.value])
        for choice in choices
        if grouped[choice.value]
    ]


def _ladder(rungs):
    rungs = list(rungs)
    top = max((rung.salary_max for rung in rungs), default=0)
    if not top:
        return [LadderRung(rung=rung, offset=0, width=0) for rung in rungs]
    return [
        LadderRung(
            rung=rung,
            offset=round(rung.salary_min * 100 / top, 1),
            width=round(max(rung.salary_max - rung.salary_min, 0) * 100 / top, 1) or 1,
        )
        for rung in rungs
    ]
