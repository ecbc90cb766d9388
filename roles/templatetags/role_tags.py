"""Tags for the role page."""

from django import template

from roles import selectors

register = template.Library()


@register.simple_tag
def role_content(role):
    """The role's lists grouped for display; queries only on first use.

    Called inside each cached fragment, so a warm cache never runs the queries.
    """
    return selectors.get_role_content(role=role)
