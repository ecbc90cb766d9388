"""The published fixture holds the whole seed role and can be loaded again safely.

The seed page itself (as a visitor's browser showed it, flattened to text) is kept
beside these tests in ``data/``. The completeness test reads it line by line and
requires every line of content to be made of values stored in the database after
loading, joined only by a space or by nothing, exactly as the flattened page ran
them together. Nothing is normalised, so a retyped dash, quote or accent fails.
"""

import json
from collections import Counter
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import models

from assessments.models import (
    Criterion,
    QuizChoice,
    QuizQuestion,
    QuizResultBand,
    SprintBackground,
    SprintPhase,
    SprintTask,
    VerdictBand,
)
from certifications.models import (
    Certification,
    CertificationLink,
    RoleCertification,
    TimelineMilestone,
)
from roles.models import (
    CareerStep,
    CommunityLink,
    CompensationRung,
    DayTask,
    DemandSignal,
    Highlight,
    InterviewQuestion,
    LearningResource,
    ResourceGroup,
    Role,
    SectorDemand,
    Skill,
    SourceNote,
)

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "roles.json"
SEED = Path(__file__).parent / "data" / "seed_ai_bias_mitigation_specialist.txt"
SLUG = "ai-bias-mitigation-specialist"

# The web theme's placeholder chrome around the page: never content.
CHROME = [
    "Gallery",
    "Contacts",
    "411 University St, Seattle, USA",
    "engitech@oceanthemes.net",
    "+1 -800-456-478-23",
    "Leave a comment",
]

# Lines the templates own: headings, field labels, widget labels and the tools'
# starting state, plus three decorative section icons. Everything else in the
# seed is content and must come from the fixture.
LABELS = {
    "Salary Range",
    "Transition Time",
    "Experience",
    "AI Displacement",
    "Top Skills",
    "Best Backgrounds",
    "Top Industries",
    "\U0001f50e",
    "\U0001f512",
    "\U0001f4c8",
    "AI Bias Mitigation Specialist Overview",
    "AI Bias Mitigation Specialist: Day in the Life",
    "REALITY CHECK +",
    "Demand Intelligence",
    "Sector Demand",
    "Job Posting Signals",
    "Competitive Landscape",
    "Regulatory Drivers",
    "Skills & Certifications",
    "Skills Radar",
    "Self-Assessment",
    "Gap Analysis",
    "Certifications Command Table",
    "Rank Certification Provider Cost Exam Format ROI Link",
    "Essential",
    "High Priority",
    "Recommended",
    "Complementary",
    "Certification Timeline",
    "Learning Resources",
    "AI Bias Mitigation Specialist Career Path",
    "AI Bias Mitigation Specialist Career Pathway Navigator",
    "Feeder Roles",
    "Current Role",
    "Advancement",
    "Salary Shift",
    "Timeline",
    "Bridge Skill",
    "AI Bias Mitigation Specialist Compensation Ladder",
    "AI Bias Mitigation Specialist Interview Prep",
    "Action Center",
    "Qualification Checker",
    "Click each card to flip it, then rate yourself. Complete all 10 to see your "
    "readiness score.",
    "0 / 10 assessed",
    "0%",
    "QUALIFIED",
    "0",
    "Strengths",
    "In Progress",
    "Gaps",
    "90-Day Sprint Plan Builder",
    "Step 1: What\u2019s Your Background?",
    "Knowledge Check",
    "Knowledge Check Complete",
    "0/5",
    "Community Hub",
    "Learn",
    "Connect",
    "Network",
    "\u25bc Sources & Methodology",
    "Author",
}

# Short labels and punctuation a template puts between stored values.
JOINERS = [
    "Demand",
    "Also Known As",
    "Knowledge Insight \u2014",
    "Contract Rate",
    "(Source:",
    ")",
    ":",
    "|",
    "\u2014",
]


def load_fixture():
    call_command("loaddata", str(FIXTURE), verbosity=0)


def fixture_objects():
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def fixture_models():
    return [
        apps.get_model(label)
        for label in dict.fromkeys(o["model"] for o in fixture_objects())
    ]


def snapshot():
    """Every stored row and many-to-many link of the fixture's models.

    ``content_revision`` is left out: it is a cache key, renewed on purpose
    whenever content is saved, not content.
    """
    rows = {}
    for model in fixture_models():
        rows[model._meta.label] = [
            {k: v for k, v in row.items() if k != "content_revision"}
            for row in model.objects.order_by("pk").values()
        ]
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            rows[through._meta.label] = list(through.objects.order_by("pk").values())
    return rows


# --- Loading ------------------------------------------------------------------


@pytest.mark.django_db
def test_fixture_objects_carry_natural_keys_and_no_primary_keys():
    objects = fixture_objects()
    assert all("pk" not in obj for obj in objects)
    uids = [obj["fields"]["uid"] for obj in objects if "uid" in obj["fields"]]
    assert len(uids) == len(set(uids))
    for obj in objects:
        model = apps.get_model(obj["model"])
        if (
            issubclass(model, (Role, Certification))
            or model._meta.model_name == "category"
        ):
            assert "slug" in obj["fields"]
        else:
            assert "uid" in obj["fields"], obj["model"]


@pytest.mark.django_db
def test_loading_creates_one_row_per_fixture_object():
    load_fixture()

    expected = Counter(obj["model"] for obj in fixture_objects())
    stored = {label: apps.get_model(label).objects.count() for label in expected}
    assert stored == dict(expected)


@pytest.mark.django_db
def test_loading_twice_changes_no_row_and_adds_none():
    load_fixture()
    first = snapshot()

    load_fixture()

    assert snapshot() == first


@pytest.mark.django_db
def test_reloading_restores_edited_content_in_place():
    load_fixture()
    task = DayTask.objects.get(title="Dataset Audit")
    task.title = "Edited title"
    task.save()
    Skill.objects.get(name="Model Explainability").resources.clear()
    tasks_before = DayTask.objects.count()

    load_fixture()

    task.refresh_from_db()
    assert task.title == "Dataset Audit"
    assert DayTask.objects.count() == tasks_before
    explainability = Skill.objects.get(name="Model Explainability")
    assert [r.title for r in explainability.resources.all()] == ["Google What-If Tool"]


# --- Counts and exact values ----------------------------------------------------


@pytest.mark.django_db
def test_seed_role_has_every_section_with_the_seed_counts():
    load_fixture()
    role = Role.objects.get(slug=SLUG)

    assert role.is_published
    assert role.category.slug == "ai"
    assert role.category.name == "AI"
    kinds = Counter(role.highlights.values_list("kind", flat=True))
    assert kinds == {
        "top_skill": 5,
        "background": 5,
        "industry": 5,
        "source": 7,
        "alias": 7,
    }
    assert role.overview.count() == 3
    assert role.tasks.count() == 12
    assert list(role.sector_demand.values_list("level", flat=True)) == [
        "high",
        "high",
        "moderate",
        "growing",
        "growing",
    ]
    signals = Counter(role.demand_signals.values_list("kind", flat=True))
    assert signals == {"posting": 4, "competition": 4, "regulation": 4}
    assert role.skills.count() == 7
    assert role.resource_groups.count() == 4
    assert [g.resources.count() for g in role.resource_groups.all()] == [4, 4, 4, 4]
    assert LearningResource.objects.filter(group__role=role).count() == 16
    directions = Counter(role.career_steps.values_list("direction", flat=True))
    assert directions == {"feeder": 5, "advancement": 4}
    assert role.compensation.count() == 5
    assert role.compensation.filter(is_current=True).count() == 1
    assert role.interview_questions.count() == 5
    groups = Counter(role.community_links.values_list("group", flat=True))
    assert groups == {"learn": 3, "connect": 3, "network": 3}
    assert role.source_notes.count() == 5

    assert list(role.certifications.values_list("rank", flat=True)) == [1, 2, 3, 4, 5]
    assert CertificationLink.objects.count() == 6
    assert role.certification_timeline.count() == 6

    assert role.criteria.count() == 10
    assert role.verdict_bands.filter(min_percent=0).exists()
    backgrounds = list(role.sprint_backgrounds.order_by("position"))
    assert [b.name for b in backgrounds] == [
        "Data Scientist / ML Engineer",
        "Statistics / Social Science",
        "Privacy / Compliance",
        "IT Auditor",
        "Other Background",
    ]
    for background in backgrounds:
        phases = list(background.phases.all())
        assert [(p.start_day, p.end_day) for p in phases] == [
            (1, 30),
            (31, 60),
            (61, 90),
        ]
        assert [p.tasks.count() for p in phases] == [3, 3, 3]
    assert SprintTask.objects.count() == 45
    assert role.quiz_questions.count() == 5
    for question in role.quiz_questions.all():
        assert question.choices.count() == 4
        assert question.choices.filter(is_correct=True).count() == 1


@pytest.mark.django_db
def test_seed_role_header_values_match_the_seed():
    load_fixture()
    role = Role.objects.get(slug=SLUG)

    assert (role.salary_min, role.salary_max) == (130_000, 170_000)
    assert role.salary_display == "$130K\u2013$170K"
    assert role.demand_level == "moderate"
    assert role.career_level == "Mid-Level"
    assert role.transition_time == "1\u20132 Years"
    assert role.experience == "3\u20137 Years"
    assert role.ai_displacement == "low"
    assert "EU AI Act \u201chigh-risk\u201d classifications" in role.pitch
    assert role.regulatory_callout_icon == "\u26a0\ufe0f"
    assert role.regulatory_callout.startswith(
        "The EU AI Act\u2019s \u201chigh-risk\u201d"
    )
    assert role.insight_title == "Fairness Toolkit Overview"
    assert role.insight_body.endswith("form the core technical stack for this role.")
    assert role.insight_source == "role-post-ai-bias-mitigation-specialist.md"
    assert role.contract_rate_note.startswith("Consulting: $150\u2013$350/hr")
    assert role.last_updated.isoformat() == "2026-05-13"
    assert role.freshness_note.startswith(
        "Data freshness: salary data verified Q1\u2013Q2 2026."
    )
    assert role.author == "Tech Jacks Solutions"
    assert role.highlights.get(kind="alias", text__startswith="ML Engineer").text == (
        "ML Engineer \u2014 Responsible AI"
    )
    assert list(
        role.highlights.filter(kind="industry").values_list("text", flat=True)
    ) == [
        "Big Tech (Microsoft, Apple, Google)",
        "Financial Services",
        "Healthcare",
        "Consulting (PwC, Deloitte, Accenture)",
        "Government/Defense",
    ]


@pytest.mark.django_db
def test_seed_role_section_values_match_the_seed():
    load_fixture()
    role = Role.objects.get(slug=SLUG)

    first_task = role.tasks.first()
    assert (first_task.icon, first_task.title) == (
        "\U0001f4ca",
        "Fairness Metric Analysis",
    )
    assert role.tasks.last().title == "Model Card Authorship"
    assert [(s.name, s.starting_rating) for s in role.skills.all()] == [
        ("Fairness Metrics", 1),
        ("Bias Detection Toolkits", 1),
        ("Regulatory Knowledge", 2),
        ("Model Explainability", 1),
        ("Mitigation Techniques", 1),
        ("Python / R", 2),
        ("Cross-Functional Communication", 3),
    ]
    regulation = role.demand_signals.filter(kind=DemandSignal.Kind.REGULATION).first()
    assert regulation.label == "EU AI Act"
    assert regulation.text.startswith("High-risk AI classifications create")

    book = LearningResource.objects.get(title__contains="Weapons of Math Destruction")
    assert book.title == "\u201cWeapons of Math Destruction\u201d by Cathy O\u2019Neil"
    assert (book.cost, book.duration, book.level) == ("", "~6h", "beginner")
    facct = LearningResource.objects.get(title="ACM FAccT")
    assert "FAccT 2026 runs June 25\u201328 in Montr\u00e9al" in facct.description
    assert (facct.cost, facct.level) == ("", "advanced")
    coursera = LearningResource.objects.get(title__startswith="Coursera")
    assert (coursera.cost, coursera.duration) == ("Audit Free", "~20h")

    top = role.career_steps.get(
        title="Chief AI Ethics Officer / AI Governance Consultant"
    )
    assert top.salary_display == "$300K\u2013$500K+"
    assert (top.timeline_short, top.timeline) == ("10+ yr", "10+ years")
    auditor = role.career_steps.get(title="IT Auditor")
    assert (auditor.direction, auditor.timeline_short) == ("feeder", "18\u201324 mo")
    assert (
        role.compensation.get(is_current=True).title == "AI Bias Mitigation Specialist"
    )

    first_question = role.interview_questions.first()
    assert first_question.tag_list == [
        "NYC LL 144",
        "AEDT",
        "Four-Fifths Rule",
        "Disparate Impact",
        "Intersectional Analysis",
        "Selection Rate",
    ]
    link = role.community_links.get(title="AAAI/ACM AIES")
    assert (link.group, link.icon) == ("network", "\U0001f3c6")
    assert list(role.source_notes.values_list("title", flat=True)) == [
        "Salary Data",
        "Market Statistics",
        "Framework References",
        "Certification Data",
        "Career and Employer Data",
    ]


@pytest.mark.django_db
def test_seed_certifications_and_timeline_match_the_seed():
    load_fixture()
    role = Role.objects.get(slug=SLUG)

    ranked = [
        (
            rc.rank,
            rc.certification.name,
            rc.certification.provider,
            rc.certification.cost,
        )
        for rc in role.certifications.select_related("certification")
    ]
    assert ranked == [
        (1, "AIGP", "IAPP", "$649\u2013$799"),
        (2, "ISACA CDPSE", "ISACA", "$575\u2013$760"),
        (3, "ISO 42001 Lead Auditor", "PECB/BSI", "$1,500\u2013$3,500"),
        (4, "Google Professional ML Engineer", "Google Cloud", "$200"),
        (5, "Microsoft Azure AI Engineer", "Microsoft", "$165"),
    ]
    aigp = Certification.objects.get(slug="aigp")
    assert aigp.exam_format == (
        "100 MCQ, 2hr 45m; no prerequisites; 20 CPE biennially; "
        "$250 renewal fee waived with membership"
    )
    assert [(link.label, link.url) for link in aigp.links.all()] == [
        ("TJS Guide", ""),
        ("iapp.org", "https://iapp.org/"),
    ]
    assert (
        RoleCertification.objects.get(rank=1).tier == RoleCertification.Tier.ESSENTIAL
    )
    milestones = [(m.month, m.title, m.detail) for m in TimelineMilestone.objects.all()]
    assert milestones == [
        (0, "Begin AIGP Prep", "Study: 40\u201360h"),
        (2, "AIGP Exam", "$649\u2013$799"),
        (3, "Begin CDPSE Prep", "Study: 80\u2013100h"),
        (6, "CDPSE Exam", "$575\u2013$760"),
        (9, "ISO 42001 Lead Auditor", "$1,500\u2013$3,500"),
        (12, "Full Stack", "AIGP + CDPSE + ISO 42001"),
    ]


@pytest.mark.django_db
def test_seed_tools_content_matches_the_seed():
    load_fixture()
    role = Role.objects.get(slug=SLUG)

    criterion = role.criteria.get(name="SHAP / LIME")
    assert (criterion.icon, criterion.question) == (
        "\U0001f52c",
        "Model explainability for fairness analysis?",
    )
    it_auditor = SprintBackground.objects.get(name="IT Auditor")
    last = SprintPhase.objects.get(background=it_auditor, start_day=61)
    assert (last.name, last.title) == ("Credentialing", "Certification & Positioning")
    assert [(t.text[:28], t.hours) for t in last.tasks.all()] == [
        ("Take AIGP exam and begin ISA", 20),
        ("Plan 18\u201324 month path: AIGP ", 5),
        ("Target HR tech firms and fin", 8),
    ]
    first = SprintPhase.objects.get(
        background__name="Data Scientist / ML Engineer", start_day=1
    )
    assert (first.name, first.title) == ("Foundation", "Fairness Specialization")

    correct = [
        q.choices.get(is_correct=True).text
        for q in role.quiz_questions.order_by("position")
    ]
    assert correct == [
        "Pre-processing, in-processing, and post-processing",
        "70+ metrics and 9 algorithms",
        "56%",
        "ACM FAccT",
        "Article 10",
    ]
    fifth = role.quiz_questions.order_by("position").last()
    assert fifth.explanation.endswith(
        "(Source: EU AI Act text; role-post-ai-bias-mitigation-specialist.md)"
    )
    assert QuizQuestion.objects.count() == 5
    assert QuizChoice.objects.count() == 20


@pytest.mark.django_db
def test_editorial_choices_cover_every_score_and_leave_every_skill_with_a_path():
    """Where the seed is silent the fixture still gives each tool what it needs."""
    load_fixture()
    role = Role.objects.get(slug=SLUG)

    # The seed's gap analysis lists all seven skills at their starting ratings.
    for skill in role.skills.all():
        assert skill.target_level > skill.starting_rating, skill.name
        assert skill.resources.exists() or skill.certifications.exists(), skill.name

    bands = list(VerdictBand.objects.filter(role=role))
    assert bands[0].min_percent == 0
    assert all(band.label and band.message for band in bands)

    messages = list(QuizResultBand.objects.filter(role=role))
    assert messages[0].min_score == 0
    assert messages[0].message == "Keep studying the resources above!"
    assert messages[-1].min_score == role.quiz_questions.count()
    assert all(len(m.message) <= 200 for m in messages)

    assert set(role.certifications.values_list("tier", flat=True)) == {
        choice.value for choice in RoleCertification.Tier
    }
    assert Criterion.objects.filter(role=role).count() == 10


# --- Nothing of the seed dropped, retyped or invented ---------------------------

# Fields whose text is an editorial choice where the seed is silent (see
# fixtures/README.md); every other stored text must be taken from the seed.
EDITORIAL = {
    (VerdictBand, "label"),
    (VerdictBand, "message"),
    (QuizResultBand, "message"),
}


def role_rows(role):
    """The role and every row shown on its page, parents before children."""
    rows = [role, role.category]
    for model in (
        Highlight,
        DayTask,
        SectorDemand,
        DemandSignal,
        Skill,
        ResourceGroup,
        CareerStep,
        CompensationRung,
        InterviewQuestion,
        CommunityLink,
        SourceNote,
        TimelineMilestone,
        Criterion,
        VerdictBand,
        SprintBackground,
        QuizQuestion,
        QuizResultBand,
    ):
        rows.extend(model.objects.filter(role=role))
    rows.extend(role.overview.all())
    rows.extend(LearningResource.objects.filter(group__role=role))
    rows.extend(SprintPhase.objects.filter(background__role=role))
    rows.extend(SprintTask.objects.filter(phase__background__role=role))
    rows.extend(QuizChoice.objects.filter(question__role=role))
    for ranked in role.certifications.select_related("certification"):
        rows.append(ranked)
        rows.append(ranked.certification)
        rows.extend(ranked.certification.links.all())
    return rows


def stored_values(role, *, editorial=True):
    """Every non-empty text value stored for the role (tags one by one)."""
    values = set()
    for row in role_rows(role):
        for field in row._meta.concrete_fields:
            if (
                not isinstance(field, (models.CharField, models.TextField))
                or field.choices
            ):
                continue
            if field.name in {"slug", "url", "content_revision"}:
                continue
            if not editorial and (type(row), field.name) in EDITORIAL:
                continue
            value = getattr(row, field.attname)
            if isinstance(row, InterviewQuestion) and field.name == "tags":
                values.update(row.tag_list)
            elif value:
                values.add(value)
    return values


def shown_figures(role):
    """Numbers, dates and choices as the page shows them, for matching seed lines.

    They are stored as numbers or choices, not text; a template formats them.
    """
    figures = {
        role.title.lower(),  # the breadcrumb
        role.get_demand_level_display(),
        role.get_ai_displacement_display(),
        role.salary_display,
        f"Last Updated: {role.last_updated:%B} {role.last_updated.day}, "
        f"{role.last_updated.year}.",
    }
    for row in role_rows(role):
        if isinstance(row, (CareerStep, CompensationRung)):
            figures.add(row.salary_display)
        if isinstance(row, CareerStep):
            figures.add(row.get_direction_display().upper())
        if isinstance(row, SectorDemand):
            figures.add(row.get_level_display().upper())
        if isinstance(row, Skill):
            figures.add(str(row.starting_rating))
        if isinstance(row, ResourceGroup):
            figures.add(f"{row.resources.count()} items")
        if isinstance(row, LearningResource):
            figures.add(row.get_level_display())
        if isinstance(row, RoleCertification):
            figures.add(str(row.rank))
        if isinstance(row, TimelineMilestone):
            figures.add(f"Month {row.month}")
        if isinstance(row, SprintPhase):
            figures.add(f"Days {row.start_day}\u2013{row.end_day}:")
        if isinstance(row, SprintTask):
            figures.add(f"{row.hours}h")
    # Interview questions and quiz questions are numbered on the page.
    figures.update(str(n) for n in range(1, role.interview_questions.count() + 1))
    total = role.quiz_questions.count()
    figures.update(f"Question {n} of {total}" for n in range(1, total + 1))
    return figures


def made_of(line, pieces):
    """Whether ``line`` is a run of ``pieces`` joined by one space or by nothing."""
    by_first = {}
    for piece in pieces:
        by_first.setdefault(piece[0], []).append(piece)
    reachable = [False] * (len(line) + 1)
    reachable[0] = True
    for start in range(len(line)):
        if not reachable[start]:
            continue
        for piece in by_first.get(line[start], ()):
            if line.startswith(piece, start):
                end = start + len(piece)
                reachable[end] = True
                if end < len(line) and line[end] == " ":
                    reachable[end + 1] = True
    return reachable[len(line)]


def seed_text():
    return SEED.read_text(encoding="utf-8")


def seed_content_lines():
    return [
        line
        for line in seed_text().splitlines()
        if line.strip() and line not in CHROME and line not in LABELS
    ]


def test_the_seed_copy_has_the_expected_shape():
    """Guards the completeness test below against an emptied or truncated seed."""
    lines = seed_content_lines()
    assert len(lines) > 350
    assert lines[0] == "AI"
    assert lines[-1] == "Tech Jacks Solutions"


@pytest.mark.django_db
def test_every_line_of_seed_content_is_stored_word_for_word():
    load_fixture()
    role = Role.objects.get(slug=SLUG)
    pieces = stored_values(role) | shown_figures(role) | set(JOINERS)

    missing = [line for line in seed_content_lines() if not made_of(line, pieces)]

    assert missing == []


@pytest.mark.django_db
def test_every_long_seed_sentence_is_stored_unbroken():
    """Sentences live whole in one field, so an editor finds each in one place."""
    load_fixture()
    stored = "\n".join(stored_values(Role.objects.get(slug=SLUG)))
    sentences = [
        sentence
        for line in seed_content_lines()
        for sentence in line.split(". ")[1:-1]  # whole sentences inside a line
        if len(sentence) >= 40
    ]
    assert len(sentences) > 60

    missing = [sentence for sentence in sentences if sentence not in stored]

    assert missing == []


@pytest.mark.django_db
def test_every_stored_text_is_taken_from_the_seed():
    """Apart from the documented editorial choices, nothing is invented or retyped."""
    load_fixture()
    seed = seed_text()

    invented = [
        value
        for value in stored_values(Role.objects.get(slug=SLUG), editorial=False)
        if value not in seed
    ]

    assert invented == []


@pytest.mark.django_db
def test_theme_chrome_is_not_stored():
    load_fixture()
    stored = "\n".join(stored_values(Role.objects.get(slug=SLUG)))

    for chrome in CHROME:
        assert chrome not in stored
