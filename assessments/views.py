"""Tool endpoints and the private results link.

Every tool is a plain form post that works without JavaScript (Post/Redirect/
Get back to the tool on the role page) and with HTMX (only the tool's partial,
the same template file the page includes). A refused post answers 4xx with the
reason shown in the tool and saves nothing.
"""

import functools
import logging

from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_http_methods

from assessments import forms, panels, selectors, services
from assessments.models import Candidate
from roles.models import Role
from roles.views import render_role_page

logger = logging.getLogger(__name__)

TEMPLATES = {
    "qualification": "assessments/_qualification.html",
    "skills": "assessments/_skills.html",
    "plan": "assessments/_sprint.html",
    "quiz": "assessments/_quiz.html",
}


def tool_endpoint(tool):
    """POST only; finds the published role; marks every answer ``Vary: HX-Request``."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, slug):
            if request.method != "POST":
                response = HttpResponseNotAllowed(
                    ["POST"],
                    content="This address only takes the tool's form. "
                    "Open the role page to use the tool.",
                    content_type="text/plain; charset=utf-8",
                )
            else:
                role = Role.objects.published().filter(slug=slug).first()
                if role is None:
                    response = HttpResponse(
                        "There is no published role at this address.",
                        status=404,
                        content_type="text/plain; charset=utf-8",
                    )
                else:
                    response = view(request, role)
            patch_vary_headers(response, ["HX-Request"])
            return response

        wrapper.tool = tool
        return wrapper

    return decorate


def _partial(request, role, tool, *, error=None, status=200):
    context = {
        tool: panels.tool_context(request, role, tool, error=error),
        "role": role,
        "swapped": True,
        "private_token": panels.private_link(request, role),
    }
    html = render_to_string(TEMPLATES[tool], context, request=request)
    html += render_to_string(
        "assessments/_private_link.html", {**context, "oob": True}, request=request
    )
    response = HttpResponse(html, status=status)
    if getattr(request, "private_response", False):
        patch_cache_control(response, private=True)
    return response


def _refuse(request, role, tool, message, status):
    logger.info(
        "tool post refused",
        extra={"fields": {"role": role.slug, "tool": tool, "status": status}},
    )
    error = panels.ToolMessage(tool, message)
    if request.htmx:
        return _partial(request, role, tool, error=error, status=status)
    return render_role_page(
        request, role, status=status, extra_context={"assessment_error": error}
    )


def _saved(request, role, tool, candidate):
    if request.session.get(selectors.SESSION_KEY) != candidate.token:
        request.session[selectors.SESSION_KEY] = candidate.token
    panels.forget(request, candidate)
    if request.htmx:
        return _partial(request, role, tool)
    return _redirect_303(f"{role.get_absolute_url()}#{panels.TOOL_IDS[tool]}")


def _redirect_303(url):
    response = redirect(url)
    response.status_code = 303
    return response


@tool_endpoint("qualification")
def qualification(request, role):
    content = selectors.role_tool_content(role)
    form = forms.QualificationForm(request.POST, criteria=content.criteria)
    if not form.is_valid():
        return _refuse(request, role, "qualification", forms.first_error(form), 400)
    candidate = services.rate_criteria(
        selectors.candidate_from_session(request), form.ratings
    )
    return _saved(request, role, "qualification", candidate)


@tool_endpoint("skills")
def skills(request, role):
    content = selectors.role_tool_content(role)
    form = forms.SkillsForm(request.POST, skills=content.skills)
    if not form.is_valid():
        return _refuse(request, role, "skills", forms.first_error(form), 400)
    candidate = services.rate_skills(
        selectors.candidate_from_session(request), form.levels
    )
    return _saved(request, role, "skills", candidate)


@tool_endpoint("plan")
def plan(request, role):
    content = selectors.role_tool_content(role)
    form = forms.PlanForm(request.POST, backgrounds=content.backgrounds)
    if not form.is_valid():
        return _refuse(request, role, "plan", forms.first_error(form), 400)
    candidate = services.choose_background(
        selectors.candidate_from_session(request), role, form.cleaned_data["background"]
    )
    return _saved(request, role, "plan", candidate)


@tool_endpoint("quiz")
def quiz_answer(request, role):
    content = selectors.role_tool_content(role)
    form = forms.QuizAnswerForm(request.POST)
    if not form.is_valid():
        return _refuse(request, role, "quiz", forms.first_error(form), 400)
    try:
        candidate, _attempt = services.answer_question(
            selectors.candidate_from_session(request),
            role,
            content,
            attempt_id=form.cleaned_data["attempt"],
            question_id=form.cleaned_data["question"],
            choice_id=form.cleaned_data["choice"],
        )
    except services.ToolError as error:
        return _refuse(request, role, "quiz", error.message, error.status)
    return _saved(request, role, "quiz", candidate)


@tool_endpoint("quiz")
def quiz_retake(request, role):
    form = forms.QuizRetakeForm(request.POST)
    if not form.is_valid():
        return _refuse(request, role, "quiz", forms.first_error(form), 400)
    try:
        candidate, _attempt = services.retake_quiz(
            selectors.candidate_from_session(request),
            role,
            attempt_id=form.cleaned_data["attempt"],
        )
    except services.ToolError as error:
        return _refuse(request, role, "quiz", error.message, error.status)
    return _saved(request, role, "quiz", candidate)


def _has_state(candidate):
    return candidate is not None and bool(selectors.candidate_role_ids(candidate))


@require_http_methods(["GET", "HEAD", "POST"])
def private_link(request, token):
    """A candidate's saved results, read-only; a POST takes them into this browser.

    Opening the link never changes which candidate this browser holds: a link
    someone sent, or a navigation from another site, must not swap out the
    visitor's own results. Switching is a CSRF-protected form post. The page is
    the candidate's alone: never indexed, never stored by any cache.
    """
    if len(token) > 64:
        raise Http404("No saved results at this address.")
    candidate = get_object_or_404(Candidate, token=token)
    current_token = request.session.get(selectors.SESSION_KEY)
    if request.method == "POST":
        if current_token != candidate.token:
            # A new session key too: the browser takes on another candidate's
            # identity.
            request.session.cycle_key()
            request.session[selectors.SESSION_KEY] = candidate.token
        response = _redirect_303(request.path)
    else:
        holds_this = current_token == candidate.token
        current = None if holds_this else selectors.candidate_from_session(request)
        response = render(
            request,
            "assessments/private_link.html",
            {
                "summaries": _summaries(candidate),
                "token": candidate.token,
                "holds_this": holds_this,
                "replaces_other": _has_state(current),
            },
        )
    response["X-Robots-Tag"] = "noindex"
    patch_cache_control(response, private=True, no_store=True)
    return response


def _summaries(candidate):
    roles = Role.objects.published().filter(
        pk__in=selectors.candidate_role_ids(candidate)
    )
    summaries = []
    # One block of queries per role the candidate used; that is a handful.
    for role in roles:
        content = selectors.role_tool_content(role)
        state = selectors.candidate_state(candidate, role)
        summaries.append(
            {
                "role": role,
                "qualification": panels.qualification(role, content, state),
                "skills": panels.skills(role, content, state),
                "plan": panels.plan(role, content, state),
                "quiz": panels.quiz(role, content, state),
                "state": state,
            }
        )
    return summaries
