"""Editors change every word of a role in the admin and see it on the next view.

Forms are read from the rendered admin page and posted back whole (see
``tests.admin_post``), so each test posts exactly what an editor's browser
would, with one deliberate change.
"""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from assessments.models import QuizChoice, QuizQuestion, SprintPhase, VerdictBand
from certifications.models import RoleCertification
from roles.models import DayTask, Role, Skill
from tests import factories
from tests.admin_post import form_data, inline_prefix, set_value

REGISTERED = sorted(
    admin.site._registry.items(), key=lambda item: item[0]._meta.label_lower
)
REGISTERED_IDS = [model._meta.label_lower for model, _ in REGISTERED]


def admin_url(model_or_obj, view, *args):
    opts = model_or_obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def change_url(obj):
    return admin_url(obj, "change", obj.pk)


def edit(client, obj):
    """GET the change page of ``obj``; return the form data a browser would post."""
    response = client.get(change_url(obj))
    assert response.status_code == 200
    return form_data(response, f"{obj._meta.model_name}_form")


def assert_refused(response, message):
    """The admin re-showed the form with ``message``; nothing was saved."""
    assert response.status_code == 200, "the admin should re-show the form"
    assert "Please correct the error" in response.content.decode()
    assert escape(message) in response.content.decode()


# --- Editing appears on the site ------------------------------------------------


def test_edit_saved_through_admin_appears_on_next_page_view(admin_client, seed_role):
    role_page = admin_client.get(seed_role.get_absolute_url())
    assert role_page.status_code == 200
    task = DayTask.objects.filter(role=seed_role).first()
    old_title, old_pitch = task.title, seed_role.pitch
    assert old_title in role_page.content.decode()

    data = edit(admin_client, seed_role)
    set_value(data, "pitch", "A pitch rewritten by the editor.")
    set_value(
        data, f"{inline_prefix(data, 'tasks', task.pk)}-title", "Edited task title"
    )
    response = admin_client.post(change_url(seed_role), data)

    assert response.status_code == 302, response.context and [
        response.context["adminform"].form.errors,
        [formset.errors for formset in response.context["inline_admin_formsets"]],
    ]
    page = admin_client.get(seed_role.get_absolute_url()).content.decode()
    assert "A pitch rewritten by the editor." in page
    assert "Edited task title" in page
    assert escape(old_pitch) not in page
    assert escape(old_title) not in page


def test_role_screen_saves_unchanged_seed_without_complaint(admin_client, seed_role):
    revision = seed_role.content_revision
    counts = {name: getattr(seed_role, name).count() for name in ("tasks", "skills")}

    response = admin_client.post(change_url(seed_role), edit(admin_client, seed_role))

    assert response.status_code == 302
    seed_role.refresh_from_db()
    assert {name: getattr(seed_role, name).count() for name in counts} == counts
    # Saving through the admin refreshes cached page parts even without changes.
    assert seed_role.content_revision != revision


def test_role_screen_shows_every_part_of_the_role(admin_client, seed_role):
    page = admin_client.get(change_url(seed_role)).content.decode()
    for heading in [
        "Header",
        "Overview call-outs",
        "Compensation",
        "Call to action",
        "Sources and methodology",
        "A day in the life",
        "Ranked certifications",
        "Certification timeline",
        "Qualification checker: criteria",
        "Qualification checker: verdict bands",
        "Knowledge check: questions",
        "Candidates per tool",
    ]:
        assert heading in page, heading
    # Grandchildren are one click away.
    question = QuizQuestion.objects.filter(role=seed_role).first()
    assert change_url(question) in page


# --- Every screen opens ------------------------------------------------------------


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=REGISTERED_IDS)
def test_every_changelist_and_add_page_opens(admin_client, model, model_admin):
    assert admin_client.get(admin_url(model, "changelist")).status_code == 200
    can_add = model_admin.has_add_permission(_request_for(admin_client))
    expected = 200 if can_add else 403
    assert admin_client.get(admin_url(model, "add")).status_code == expected


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=REGISTERED_IDS)
def test_every_change_page_opens(admin_client, model, model_admin):
    answer = factories.QuizAnswerFactory()
    role = answer.attempt.role
    factories.LearningResourceFactory(group__role=role)
    factories.CertificationLinkFactory(certification__name="Linked")
    factories.RoleCertificationFactory(role=role)
    factories.SprintTaskFactory(phase__background__role=role)
    factories.CriterionRatingFactory(candidate=answer.attempt.candidate)
    Group.objects.create(name="Editors")
    obj = model.objects.first()
    assert obj is not None
    assert admin_client.get(change_url(obj)).status_code == 200


def _request_for(client):
    request = RequestFactory().get("/")
    request.user = get_user_model().objects.get(pk=client.session["_auth_user_id"])
    return request


# --- Search and filters --------------------------------------------------------------


def test_role_search_finds_by_title_and_category(admin_client):
    factories.RoleFactory(title="Fairness Auditor", category__name="Governance")
    factories.RoleFactory(title="Data Steward", category__name="Data")
    url = admin_url(Role, "changelist")

    by_title = admin_client.get(url, {"q": "auditor"})
    by_category = admin_client.get(url, {"q": "governance"})

    assert [r.title for r in by_title.context["cl"].result_list] == ["Fairness Auditor"]
    assert [r.title for r in by_category.context["cl"].result_list] == [
        "Fairness Auditor"
    ]


def test_role_list_filters_by_published_and_demand(admin_client):
    factories.RoleFactory(title="Live", is_published=True, demand_level="high")
    factories.RoleFactory(title="Draft", is_published=False, demand_level="low")
    url = admin_url(Role, "changelist")

    drafts = admin_client.get(url, {"is_published__exact": "0"})
    low = admin_client.get(url, {"demand_level__exact": "low"})

    assert [r.title for r in drafts.context["cl"].result_list] == ["Draft"]
    assert [r.title for r in low.context["cl"].result_list] == ["Draft"]


def test_role_list_shows_salary_as_the_page_does(admin_client):
    factories.RoleFactory(salary_min=130_000, salary_max=170_000)
    page = admin_client.get(admin_url(Role, "changelist")).content.decode()
    assert "$130K–$170K" in page


def test_publishing_from_the_role_list(admin_client):
    role = factories.RoleFactory(is_published=False)
    response = admin_client.get(admin_url(Role, "changelist"))
    data = form_data(response, "changelist-form")
    data["form-0-is_published"] = ["on"]
    data["_save"] = ["Save"]

    response = admin_client.post(admin_url(Role, "changelist"), data)

    assert response.status_code == 302
    role.refresh_from_db()
    assert role.is_published is True


def test_certification_autocomplete_on_the_role_screen(admin_client):
    factories.CertificationFactory(name="Responsible AI Practitioner")
    factories.CertificationFactory(name="Cloud Architect")
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "certifications",
            "model_name": "rolecertification",
            "field_name": "certification",
            "term": "responsible",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == [
        "Responsible AI Practitioner"
    ]


def test_skill_pickers_offer_only_the_roles_own_skills(admin_client):
    role = factories.RoleFactory()
    own = factories.SkillFactory(role=role, name="Own skill")
    factories.SkillFactory(name="Other role's skill")
    group = factories.ResourceGroupFactory(role=role)
    factories.LearningResourceFactory(group=group)
    factories.RoleCertificationFactory(role=role)

    for page in (change_url(role), change_url(group)):
        response = admin_client.get(page)
        html = response.content.decode()
        assert f'<option value="{own.pk}">Own skill</option>' in html
        assert "Other role&#x27;s skill" not in html


# --- Bad data is refused with the editor's message ------------------------------------


def test_role_salary_minimum_above_maximum_is_refused(admin_client, seed_role):
    data = edit(admin_client, seed_role)
    set_value(data, "salary_min", 200_000)
    set_value(data, "salary_max", 100_000)

    response = admin_client.post(change_url(seed_role), data)

    assert_refused(response, "The salary minimum cannot be above the maximum.")
    seed_role.refresh_from_db()
    assert seed_role.salary_min < seed_role.salary_max


def test_career_step_salary_minimum_above_maximum_is_refused(admin_client):
    step = factories.CareerStepFactory(salary_min=80_000, salary_max=90_000)
    data = edit(admin_client, step.role)
    prefix = inline_prefix(data, "career_steps", step.pk)
    set_value(data, f"{prefix}-salary_min", 95_000)

    response = admin_client.post(change_url(step.role), data)

    assert_refused(response, "The salary minimum cannot be above the maximum.")
    step.refresh_from_db()
    assert step.salary_min == 80_000


def test_duplicate_certification_rank_is_refused(admin_client):
    first = factories.RoleCertificationFactory(rank=1)
    second = factories.RoleCertificationFactory(role=first.role, rank=2)
    data = edit(admin_client, first.role)
    set_value(data, f"{inline_prefix(data, 'certifications', second.pk)}-rank", 1)

    response = admin_client.post(change_url(first.role), data)

    assert_refused(response, "Another certification already has this rank.")
    second.refresh_from_db()
    assert second.rank == 2


def test_ranking_the_same_certification_twice_is_refused(admin_client):
    first = factories.RoleCertificationFactory(rank=1)
    second = factories.RoleCertificationFactory(role=first.role, rank=2)
    data = edit(admin_client, first.role)
    prefix = inline_prefix(data, "certifications", second.pk)
    set_value(data, f"{prefix}-certification", first.certification_id)

    response = admin_client.post(change_url(first.role), data)

    assert_refused(response, "This certification is already ranked for this role.")
    second.refresh_from_db()
    assert second.certification_id != first.certification_id


def test_rank_zero_is_refused(admin_client):
    ranking = factories.RoleCertificationFactory(rank=1)
    data = edit(admin_client, ranking.role)
    set_value(data, f"{inline_prefix(data, 'certifications', ranking.pk)}-rank", 0)

    response = admin_client.post(change_url(ranking.role), data)

    assert_refused(response, "The rank starts at 1.")
    ranking.refresh_from_db()
    assert ranking.rank == 1


def test_swapping_two_ranks_in_one_save_is_explained_not_a_server_error(admin_client):
    first = factories.RoleCertificationFactory(rank=1)
    second = factories.RoleCertificationFactory(role=first.role, rank=2)
    data = edit(admin_client, first.role)
    set_value(data, f"{inline_prefix(data, 'certifications', first.pk)}-rank", 2)
    set_value(data, f"{inline_prefix(data, 'certifications', second.pk)}-rank", 1)

    response = admin_client.post(change_url(first.role), data)

    assert_refused(response, "Give one row an unused value and save")
    assert list(
        RoleCertification.objects.filter(role=first.role).values_list("pk", "rank")
    ) == [(first.pk, 1), (second.pk, 2)]


def test_skill_rating_outside_one_to_five_is_refused(admin_client):
    skill = factories.SkillFactory(starting_rating=1, target_level=4)
    data = edit(admin_client, skill.role)
    prefix = inline_prefix(data, "skills", skill.pk)
    set_value(data, f"{prefix}-target_level", 6)
    set_value(data, f"{prefix}-starting_rating", 0)

    response = admin_client.post(change_url(skill.role), data)

    assert_refused(response, "The target level must be between 1 and 5.")
    assert escape("The starting rating must be between 1 and 5.") in (
        response.content.decode()
    )
    skill.refresh_from_db()
    assert (skill.starting_rating, skill.target_level) == (1, 4)


def test_two_skills_with_one_name_are_refused(admin_client):
    skill = factories.SkillFactory(name="Auditing")
    other = factories.SkillFactory(role=skill.role, name="Statistics")
    data = edit(admin_client, skill.role)
    set_value(data, f"{inline_prefix(data, 'skills', other.pk)}-name", "Auditing")

    response = admin_client.post(change_url(skill.role), data)

    assert_refused(response, "This role already has a skill with this name.")
    assert Skill.objects.get(pk=other.pk).name == "Statistics"


def test_verdict_band_above_100_is_refused(admin_client):
    band = factories.VerdictBandFactory(min_percent=50)
    data = edit(admin_client, band.role)
    set_value(data, f"{inline_prefix(data, 'verdict_bands', band.pk)}-min_percent", 150)

    response = admin_client.post(change_url(band.role), data)

    assert_refused(response, "A band cannot start above 100%.")
    assert VerdictBand.objects.get(pk=band.pk).min_percent == 50


def test_two_verdict_bands_starting_at_one_percentage_are_refused(admin_client):
    band = factories.VerdictBandFactory(min_percent=0)
    other = factories.VerdictBandFactory(role=band.role, min_percent=50)
    data = edit(admin_client, band.role)
    set_value(data, f"{inline_prefix(data, 'verdict_bands', other.pk)}-min_percent", 0)

    response = admin_client.post(change_url(band.role), data)

    assert_refused(response, "Another band already starts at this percentage.")
    assert VerdictBand.objects.get(pk=other.pk).min_percent == 50


def test_sprint_phase_starting_after_it_ends_is_refused(admin_client):
    phase = factories.SprintPhaseFactory(start_day=1, end_day=30)
    data = edit(admin_client, phase.background)
    set_value(data, f"{inline_prefix(data, 'phases', phase.pk)}-start_day", 31)

    response = admin_client.post(change_url(phase.background), data)

    assert_refused(
        response, "A phase must start on day 1 or later and not after it ends."
    )
    assert SprintPhase.objects.get(pk=phase.pk).start_day == 1


def test_sprint_task_hours_outside_range_are_refused(admin_client):
    task = factories.SprintTaskFactory(hours=10)
    data = edit(admin_client, task.phase)
    set_value(data, f"{inline_prefix(data, 'tasks', task.pk)}-hours", 0)

    response = admin_client.post(change_url(task.phase), data)

    assert_refused(response, "Hours must be between 1 and 500.")
    task.refresh_from_db()
    assert task.hours == 10


def _question_with_choices(correct_index=0, count=3):
    question = factories.QuizQuestionFactory()
    choices = [
        factories.QuizChoiceFactory(question=question, is_correct=i == correct_index)
        for i in range(count)
    ]
    return question, choices


def test_question_with_two_correct_choices_is_refused(admin_client):
    question, choices = _question_with_choices(correct_index=0)
    data = edit(admin_client, question)
    data[f"{inline_prefix(data, 'choices', choices[1].pk)}-is_correct"] = ["on"]

    response = admin_client.post(change_url(question), data)

    assert_refused(
        response, "A question has exactly one correct choice. 2 are marked correct."
    )
    assert [c.is_correct for c in question.choices.all()] == [True, False, False]


def test_question_with_no_correct_choice_is_refused(admin_client):
    question, choices = _question_with_choices(correct_index=0)
    data = edit(admin_client, question)
    del data[f"{inline_prefix(data, 'choices', choices[0].pk)}-is_correct"]

    response = admin_client.post(change_url(question), data)

    assert_refused(
        response, "A question has exactly one correct choice. None is marked correct."
    )
    assert [c.is_correct for c in question.choices.all()] == [True, False, False]


def test_moving_the_correct_mark_to_another_choice_is_one_save(admin_client):
    question, choices = _question_with_choices(correct_index=0)
    data = edit(admin_client, question)
    del data[f"{inline_prefix(data, 'choices', choices[0].pk)}-is_correct"]
    data[f"{inline_prefix(data, 'choices', choices[2].pk)}-is_correct"] = ["on"]

    response = admin_client.post(change_url(question), data)

    assert response.status_code == 302
    assert list(
        QuizChoice.objects.filter(question=question).values_list("pk", "is_correct")
    ) == [(choices[0].pk, False), (choices[1].pk, False), (choices[2].pk, True)]


def test_adding_a_question_with_its_choices_in_one_save(admin_client):
    role = factories.RoleFactory()
    data = form_data(
        admin_client.get(admin_url(QuizQuestion, "add")), "quizquestion_form"
    )
    data["role"] = [str(role.pk)]
    set_value(data, "prompt", "Which metric compares selection rates?")
    set_value(data, "explanation", "Disparate impact is a ratio of rates.")
    set_value(data, "choices-TOTAL_FORMS", 2)
    data.update(
        {
            "choices-0-text": ["Disparate impact"],
            "choices-0-is_correct": ["on"],
            "choices-0-position": ["10"],
            "choices-1-text": ["Accuracy"],
            "choices-1-position": ["20"],
        }
    )

    response = admin_client.post(admin_url(QuizQuestion, "add"), data)

    assert response.status_code == 302
    question = QuizQuestion.objects.get(role=role)
    assert [(c.text, c.is_correct) for c in question.choices.all()] == [
        ("Disparate impact", True),
        ("Accuracy", False),
    ]


# --- Other screens save what they show -------------------------------------------


def test_certification_screen_saves_its_links(admin_client, seed_role):
    ranking = RoleCertification.objects.filter(role=seed_role).first()
    certification = ranking.certification
    link = certification.links.first()
    data = edit(admin_client, certification)
    set_value(data, f"{inline_prefix(data, 'links', link.pk)}-label", "New label")

    response = admin_client.post(change_url(certification), data)

    assert response.status_code == 302
    link.refresh_from_db()
    assert link.label == "New label"
    # The rankings shown read-only on this screen are left as they were.
    ranking.refresh_from_db()
    assert ranking.certification == certification


def test_resource_screen_links_a_resource_to_its_roles_skill(admin_client):
    skill = factories.SkillFactory()
    foreign = factories.SkillFactory()
    resource = factories.LearningResourceFactory(group__role=skill.role)
    data = edit(admin_client, resource.group)
    prefix = inline_prefix(data, "resources", resource.pk)

    data[f"{prefix}-skills"] = [str(foreign.pk)]
    refused = admin_client.post(change_url(resource.group), data)
    data[f"{prefix}-skills"] = [str(skill.pk)]
    accepted = admin_client.post(change_url(resource.group), data)

    assert refused.status_code == 200
    assert "Select a valid choice" in refused.content.decode()
    assert accepted.status_code == 302
    assert list(resource.skills.all()) == [skill]


def test_adding_a_role_with_its_first_rows_in_one_save(admin_client):
    category = factories.CategoryFactory()
    data = form_data(admin_client.get(admin_url(Role, "add")), "role_form")
    values = {
        "title": "Model Risk Analyst",
        "slug": "model-risk-analyst",
        "category": category.pk,
        "pitch": "Checks models before they ship.",
        "demand_level": "growing",
        "salary_min": 90_000,
        "salary_max": 120_000,
        "transition_time": "1 Year",
        "experience": "2 Years",
        "ai_displacement": "low",
        "last_updated": "2026-01-15",
        "skills-TOTAL_FORMS": 1,
        "skills-0-name": "Validation",
        "skills-0-starting_rating": 1,
        "skills-0-target_level": 4,
        "skills-0-position": 10,
    }
    for name, value in values.items():
        data[name] = [str(value)]

    response = admin_client.post(admin_url(Role, "add"), data)

    assert response.status_code == 302
    role = Role.objects.get(slug="model-risk-analyst")
    assert [skill.name for skill in role.skills.all()] == ["Validation"]


def test_help_text_reaches_the_editor_as_written(admin_client):
    role = factories.RoleFactory()
    page = admin_client.get(change_url(role)).content.decode()
    assert "The address of the page: /roles/&lt;slug&gt;/." in page


def _role_screen_queries(client, role):
    client.get(change_url(role))  # session and content types are read once
    with CaptureQueriesContext(connection) as queries:
        assert client.get(change_url(role)).status_code == 200
    return len(queries)


def test_role_screen_queries_do_not_grow_with_rows(admin_client):
    role = factories.RoleFactory()
    for factory in (
        factories.DayTaskFactory,
        factories.HighlightFactory,
        factories.SkillFactory,
        factories.CareerStepFactory,
        factories.QuizQuestionFactory,
    ):
        factory(role=role)
    ranking = factories.RoleCertificationFactory(role=role)
    ranking.skills.add(role.skills.first())
    few = _role_screen_queries(admin_client, role)

    for factory in (
        factories.DayTaskFactory,
        factories.HighlightFactory,
        factories.SkillFactory,
        factories.CareerStepFactory,
        factories.QuizQuestionFactory,
    ):
        factory.create_batch(9, role=role)

    assert _role_screen_queries(admin_client, role) == few
