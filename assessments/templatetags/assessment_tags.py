"""Template tags through which the role page shows the candidate tools.

The role page (owned by the roles app, which knows nothing of assessments)
calls ``{% skills_assessment %}`` in its skills section and ``{% action_center %}``
for the tools block. Both read ``role`` and ``request`` from the context.
"""

from django import template

register = template.Library()


@register.inclusion_tag("assessments/_skills_assessment.html", takes_context=True)
def skills_assessment(context):
    return {"role": context["role"], "request": context.get("request")}


@register.inclusion_tag("assessments/_action_center.html", takes_context=True)
def action_center(context):
    return {"role": context["role"], "request": context.get("request")}
