"""Template tags through which the role page shows a role's certifications.

The roles app does not import this app; its template loads these tags.
"""

from django import template

from certifications import selectors
from certifications.models import RoleCertification

register = template.Library()


@register.inclusion_tag("certifications/_command_table.html")
def certification_table(role):
    return {
        "role": role,
        "rankings": selectors.list_role_certifications(role=role),
        # The legend names every tier, so a reader can place a row's badge.
        "tiers": RoleCertification.Tier.choices,
    }


@register.inclusion_tag("certifications/_timeline.html")
def certification_timeline(role):
    return {
        "role": role,
        "milestones": selectors.list_certification_timeline(role=role),
    }
