"""Certifications, their links, and how each role ranks them.

A certification is edited once on its own screen; a role's ranking of it (rank,
tier, the skills it builds) and the role's timeline are edited on the role
screen, through inlines registered with the roles admin.
"""

from django.contrib import admin
from django.db.models import Count

from certifications.models import (
    Certification,
    CertificationLink,
    RoleCertification,
    TimelineMilestone,
)
from roles.admin import (
    OrderedStackedInline,
    OrderedTabularInline,
    SameRoleSkillsMixin,
    register_role_inlines,
)


class CertificationLinkInline(OrderedTabularInline):
    model = CertificationLink
    fields = ["label", "url", "position"]


class RankedByInline(admin.TabularInline):
    """Where a certification is ranked; the ranking itself is edited per role."""

    model = RoleCertification
    fields = ["role", "rank", "tier"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False
    verbose_name_plural = "ranked by roles"

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Certification)
class CertificationAdmin(admin.ModelAdmin):
    list_display = ["name", "provider", "cost", "role_count"]
    search_fields = ["name", "provider", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["name"]
    fields = [("name", "slug"), ("provider", "cost"), "exam_format"]
    inlines = [CertificationLinkInline, RankedByInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(role_count=Count("role_rankings"))

    @admin.display(description="ranked by roles", ordering="role_count")
    def role_count(self, certification):
        return certification.role_count


class RoleCertificationInline(SameRoleSkillsMixin, OrderedStackedInline):
    model = RoleCertification
    fields = [("rank", "certification", "tier", "position"), "skills"]
    autocomplete_fields = ["certification"]
    filter_horizontal = ["skills"]
    ordering = ["rank", "id"]
    verbose_name_plural = "ranked certifications"

    def get_queryset(self, request):
        # Each row's heading names its certification and its picker lists the
        # chosen skills: fetch both with the rows.
        return (
            super()
            .get_queryset(request)
            .select_related("certification")
            .prefetch_related("skills")
        )


class TimelineMilestoneInline(OrderedTabularInline):
    model = TimelineMilestone
    fields = ["month", "title", "detail", "position"]
    ordering = ["month", "position", "id"]
    verbose_name_plural = "certification timeline"


register_role_inlines(RoleCertificationInline, TimelineMilestoneInline)
