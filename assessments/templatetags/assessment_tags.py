"""Template tags through which the role page shows the candidate tools.

The role page (owned by the roles app, which knows nothing of assessments)
calls ``{% skills_assessment %}`` in its skills section and ``{% action_center %}``
for the tools block. Both read ``role`` and ``request`` from the context, and
an ``assessment_error`` (a ``panels.ToolMessage``) when a tool post without
JavaScript was refused and the whole page is shown again with the message.
"""

from django import template

from assessments import panels

register = template.Library()


def _common(context):
    return context["role"], context.get("request"), context.get("assessment_error")


@register.inclusion_tag("assessments/_skills_assessment.html", takes_context=True)
def skills_assessment(context):
    role, request, error = _common(context)
    return {
        "role": role,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "skills": panels.tool_context(request, role, "skills", error=error),
    }


@register.inclusion_tag("assessments/_action_center.html", takes_context=True)
def action_center(context):
    role, request, error = _common(context)
    return {
        "role": role,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "qualification": panels.tool_context(
            request, role, "qualification", error=error
        ),
        "plan": panels.tool_context(request, role, "plan", error=error),
        "quiz": panels.tool_context(request, role, "quiz", error=error),
        "private_token": panels.private_link(request, role),
    }
