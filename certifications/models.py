"""Certifications, how each role ranks them, and a role's certification timeline.

A ``Certification`` is shared by every role that ranks it, so a change of price
or exam format is made once. ``RoleCertification`` carries what is particular to
one role: its rank, its priority tier and the role's skills it builds.
"""

from django.db import models

from roles.models import OrderedItem, Role, Skill


class CertificationManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Certification(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    provider = models.CharField(max_length=120)
    cost = models.CharField(
        max_length=60, help_text="As shown in the table, e.g. “$649–$799”."
    )
    exam_format = models.TextField(
        help_text="Exam format, prerequisites and renewal, as shown in the table."
    )

    objects = CertificationManager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    def affected_role_ids(self):
        """Every role that ranks this certification (one query)."""
        return list(self.role_rankings.values_list("role_id", flat=True))


class CertificationLink(OrderedItem):
    certification = models.ForeignKey(
        Certification, on_delete=models.CASCADE, related_name="links"
    )
    label = models.CharField(max_length=80)
    url = models.URLField(
        blank=True, help_text="Leave blank to show the label without a link."
    )

    def __str__(self):
        return self.label

    def affected_role_ids(self):
        return self.certification.affected_role_ids()


class RoleCertification(OrderedItem):
    class Tier(models.TextChoices):
        ESSENTIAL = "essential", "Essential"
        HIGH = "high", "High Priority"
        RECOMMENDED = "recommended", "Recommended"
        COMPLEMENTARY = "complementary", "Complementary"

    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="certifications"
    )
    certification = models.ForeignKey(
        Certification, on_delete=models.PROTECT, related_name="role_rankings"
    )
    rank = models.PositiveSmallIntegerField(
        help_text="1 is the most valuable for this role."
    )
    tier = models.CharField(max_length=20, choices=Tier.choices)
    skills = models.ManyToManyField(
        Skill,
        blank=True,
        related_name="certifications",
        help_text="Skills of this role the certification builds; the gap analysis "
        "points to it for them.",
    )

    class Meta:
        ordering = ["rank", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "certification"],
                name="one_rank_per_certification_per_role",
                violation_error_message="This certification is already ranked for this role.",
            ),
            models.UniqueConstraint(
                fields=["role", "rank"],
                name="rank_unique_per_role",
                violation_error_message="Another certification already has this rank.",
            ),
            models.CheckConstraint(
                condition=models.Q(rank__gte=1),
                name="rank_at_least_1",
                violation_error_message="The rank starts at 1.",
            ),
        ]

    def __str__(self):
        return f"{self.rank}. {self.certification}"


class TimelineMilestone(OrderedItem):
    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="certification_timeline"
    )
    month = models.PositiveSmallIntegerField(
        help_text="Months from the start, 0 first."
    )
    title = models.CharField(max_length=120)
    detail = models.CharField(
        max_length=200, blank=True, help_text="e.g. “Study: 40–60h”."
    )

    class Meta:
        ordering = ["month", "position", "id"]

    def __str__(self):
        return f"Month {self.month}: {self.title}"
