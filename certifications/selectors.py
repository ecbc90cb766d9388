"""Reads of a role's certifications for its page."""

from certifications.models import RoleCertification, TimelineMilestone


def list_role_certifications(*, role):
    """The role's ranked certifications with each one's links (two queries)."""
    return list(
        RoleCertification.objects.filter(role=role)
        .select_related("certification")
        .prefetch_related("certification__links")
    )


def list_certification_timeline(*, role):
    """The role's certification milestones in month order (one query)."""
    return list(TimelineMilestone.objects.filter(role=role))
