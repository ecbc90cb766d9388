"""The role page: every section of the seed served from the database, a friendly
404, a proper heading outline, a fixed query count and a cache editors never see.
"""

import base64
import hashlib
import html
import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.template import loader
from django.test.utils import CaptureQueriesContext

from certifications.models import Certification
from roles.models import (
    CareerStep,
    CommunityLink,
    DayTask,
    DemandSignal,
    Highlight,
    Role,
)
from roles.selectors import get_role_page
from tests import factories
from tests.conftest import SEED_SLUG

SEED_URL = f"/roles/{SEED_SLUG}/"


def visible_text(response):
    """The page as a reader gets it: tags and scripts gone, entities decoded,
    whitespace collapsed."""
    markup = response.content.decode()
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", markup))
    return re.sub(r"\s+", " ", text)


class HeadingCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headings = []  # (level, text)
        self.sections = []  # (id, level of its first heading or None)
        self._open = None
        self._section_stack = []

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self._open = [int(tag[1]), ""]
        elif tag == "section":
            entry = [dict(attrs).get("id"), None]
            self.sections.append(entry)
            self._section_stack.append(entry)

    def handle_endtag(self, tag):
        if re.fullmatch(r"h[1-6]", tag) and self._open:
            level, text = self._open
            self.headings.append((level, " ".join(text.split())))
            for entry in self._section_stack:
                if entry[1] is None:
                    entry[1] = level
            self._open = None
        elif tag == "section" and self._section_stack:
            self._section_stack.pop()

    def handle_data(self, data):
        if self._open:
            self._open[1] += data


def outline(response):
    collector = HeadingCollector()
    collector.feed(response.content.decode())
    return collector


# --- The seed's content, section by section -----------------------------------

SEED_FACTS = {
    "header": [
        "AI Bias Mitigation Specialist",
        "Ensure AI systems operate fairly across protected groups by combining ML "
        "engineering, ethical reasoning, and regulatory knowledge.",
        "one of the most accessible entry points into AI governance for professionals "
        "with data science or social science backgrounds.",
        "Moderate Demand",
        "Salary Range $130K–$170K",
        "Transition Time 1–2 Years",
        "Experience 3–7 Years",
        "AI Displacement Low",
        "Bias Detection Toolkits",
        "Algorithmic Auditing",
        "Statistics/Social Science",
        "IT Audit",
        "Big Tech (Microsoft, Apple, Google)",
        "Consulting (PwC, Deloitte, Accenture)",
        "Government/Defense",
        "PwC Responsible AI 2025",
        "IAPP 2025-26 Report",
        "Rise AI Talent 2026",
        "Index.dev",
    ],
    "overview": [
        "🔎 AI Bias Mitigation Specialist Overview",
        "The role sits at the intersection of ML engineering, social science, ethics, "
        "and regulatory compliance.",
        "PwC’s 2025 US Responsible AI Survey found that 56% of companies place "
        "Responsible AI functions under first-line technical teams (IT, engineering, "
        "data, and AI).",
        "civil rights organizations (National Fair Housing Alliance)",
        "Entry-level positions are accessible with a bachelor’s degree plus strong "
        "portfolio.",
        "Also Known As",
        "Ethical AI Compliance Officer",
        "ML Engineer — Responsible AI",
        "NYC Local Law 144 requires annual independent bias audits for automated "
        "employment decision tools — driving direct, non-discretionary demand for "
        "this role.",
        "Knowledge Insight — Fairness Toolkit Overview",
        "IBM AI Fairness 360 provides 70+ fairness metrics and 9 mitigation "
        "algorithms across pre-processing, in-processing, and post-processing stages.",
        "(Source: role-post-ai-bias-mitigation-specialist.md)",
    ],
    "day in the life": [
        "AI Bias Mitigation Specialist: Day in the Life",
        "Fairness Metric Analysis",
        "Dataset Audit",
        "Ethical Risk Assessment",
        "Mitigation Implementation",
        "Cross-Functional Briefing",
        "Fairness Audit Report",
        "NYC LL 144 Bias Audit",
        "Explainability Analysis",
        "Engineering Team Training",
        "Open-Source Contribution",
        "Regulatory Monitoring",
        "Model Card Authorship",
        "Run statistical parity, equal opportunity, and disparate impact ratio tests "
        "across protected demographic groups.",
        "The penalty for non-compliance is $500–$1,500 per violation per day.",
        "REALITY CHECK +",
        "Colorado’s AI Act, Illinois’ BIPA, and proposed federal AI legislation are "
        "expanding the compliance surface.",
    ],
    "demand": [
        "Demand Intelligence",
        "Sector Demand",
        "Big Tech (Microsoft, Apple, Google, Anthropic) HIGH",
        "Financial Services (fair lending compliance) HIGH",
        "Consulting (PwC, Deloitte, Accenture Responsible AI practices) MODERATE",
        "Healthcare (diagnostic AI bias) GROWING",
        "Government/Defense (DoD JAIC, state AI governance) GROWING",
        "Job Posting Signals",
        "35% of Responsible AI postings require 5–6 years of experience; 23% require "
        "10+ years (All Tech Is Human)",
        "Competitive Landscape",
        "AI governance professionals in tech sector median (Rise AI Talent 2026): "
        "$205K–$221K",
        "Glassdoor Responsible AI Specialist average (directional, limited "
        "submissions): $205,914",
        "Regulatory Drivers",
        "EU AI Act — High-risk AI classifications create mandatory bias assessment",
        "ISO 42001 — AI management system requires documented fairness controls",
    ],
    "certifications": [
        "🔒 Skills & Certifications",
        "Certifications Command Table",
        "Rank Certification Provider Cost Exam Format ROI Link",
        "1 AIGP IAPP $649–$799",
        "TJS Guide | iapp.org",
        "AIGP IAPP $649–$799",
        "100 MCQ, 2hr 45m; no prerequisites; 20 CPE biennially; $250 renewal fee "
        "waived with membership",
        "TJS Guide",
        "iapp.org",
        "ISACA CDPSE ISACA $575–$760",
        "ISO 42001 Lead Auditor PECB/BSI $1,500–$3,500",
        "Google Professional ML Engineer Google Cloud $200",
        "50–60 questions, 2hr; 2-year renewal, $100 retake",
        "Microsoft Azure AI Engineer Microsoft $165",
        "40–60 items, ~100 minutes; 1-year renewal, free",
        "cloud.google.com",
        "Essential High Priority Recommended Complementary Certification Timeline",
        "Certification Timeline",
        "Month 0 Begin AIGP Prep Study: 40–60h",
        "Month 6 CDPSE Exam $575–$760",
        "Month 12 Full Stack AIGP + CDPSE + ISO 42001",
    ],
    "learning": [
        "Learning Resources",
        "🎓 Courses & Training 4 items",
        "Key Reading 4 items",
        "Tools & Frameworks 4 items",
        "Communities & Networks 4 items",
        "IAPP Official AIGP Training",
        "“Weapons of Math Destruction” by Cathy O’Neil",
        "“Race After Technology” by Ruha Benjamin",
        "Coursera “Responsible and Ethical AI” (Northeastern University)",
        "Audit Free ~20h Beginner",
        "FREE ~10h to learn Advanced",
        "FAccT 2026 runs June 25–28 in Montréal",
        "75,000+ members; AI governance and privacy practitioner network",
        "All Levels",
    ],
    "career path": [
        "📈 AI Bias Mitigation Specialist Career Path",
        "AI Bias Mitigation Specialist Career Pathway Navigator",
        "Feeder Roles",
        "Data Scientist $110K–$160K < 1 yr",
        "Statistics / Social Science Researcher $65K–$95K 1–2 yr",
        "IT Auditor $70K–$100K 18–24 mo",
        "Current Role AI Bias Mitigation Specialist $130K–$170K Mid-Level",
        "Chief AI Ethics Officer / AI Governance Consultant $300K–$500K+ 10+ yr",
        "FEEDER Data Scientist Salary Shift $110K–$160K Timeline Under 1 year Bridge "
        "Skill AIGP + fairness toolkit specialization + governance frameworks",
        "ADVANCEMENT Senior AI Ethics Specialist Salary Shift $150K–$200K Timeline "
        "2–3 years Bridge Skill Engagement leadership + fairness research depth",
        "Salary Shift $70K–$100K",
        "Timeline 18–24 months",
        "Bridge Skill AIGP + CDPSE + AI/ML technical foundations + fairness toolkits",
        "Timeline Under 1 year",
        "Strongest transition path.",
        "Large tech companies and consulting firms are actively building out VP-level "
        "Responsible AI leadership.",
    ],
    "compensation": [
        "AI Bias Mitigation Specialist Compensation Ladder",
        "Privacy Analyst (non-AI) $70K–$100K",
        "Senior AI Ethics Specialist $150K–$200K",
        "Director of AI Ethics $200K–$300K",
        "VP of Responsible AI $250K–$400K",
        "Contract Rate Consulting: $150–$350/hr Responsible AI advisory — premium for "
        "EU AI Act compliance implementation and NYC LL 144 bias audit services",
    ],
    "interview prep": [
        "AI Bias Mitigation Specialist Interview Prep",
        "How would you structure a bias audit for an automated hiring tool subject to "
        "NYC Local Law 144?",
        "Walk me through pre-processing, in-processing, and post-processing bias "
        "mitigation — when would you choose each?",
        "How do you handle the situation where different fairness metrics give "
        "conflicting results?",
        "How would you present a disparate impact finding to an engineering team that "
        "is skeptical the model has a bias problem?",
        "What is the EU AI Act’s approach to bias and fairness for high-risk AI "
        "systems, and what does it require in practice?",
        "this tests your operational knowledge.",
        "(this is known as the impossibility theorem of fairness)",
        "Four-Fifths Rule",
        "Influence Without Authority",
        "Fundamental Rights Impact Assessment",
    ],
    "community": [
        "Community Hub",
        "IAPP AIGP Certification",
        "Microsoft Fairlearn Community",
        "ACM FAccT Conference",
        "AAAI/ACM AIES",
        "FAccT 2026 June 25–28 Montréal",
        "Ready to Start Your Transition? Download free career transition templates",
    ],
    "sources": [
        "Sources & Methodology",
        "Salary Data: AI Bias Mitigation Specialist range $130K–$170K (median ~$150K;",
        "25th–75th percentile $154,606–$278,253",
        "Market Statistics: PwC 2025 US Responsible AI Survey",
        "Framework References:",
        "Certification Data: IAPP AIGP $649 member/$799 non-member",
        "Career and Employer Data:",
        "Last Updated: May 13, 2026",
        "Data freshness: salary data verified Q1–Q2 2026.",
        "Author Tech Jacks Solutions",
    ],
}

# Section headings in the seed's order.
SEED_ORDER = [
    "AI Bias Mitigation Specialist Overview",
    "AI Bias Mitigation Specialist: Day in the Life",
    "Demand Intelligence",
    "Skills & Certifications",
    "Certifications Command Table",
    "Certification Timeline",
    "Learning Resources",
    "AI Bias Mitigation Specialist Career Path",
    "AI Bias Mitigation Specialist Compensation Ladder",
    "AI Bias Mitigation Specialist Interview Prep",
    "Action Center",
    "Community Hub",
    "Sources & Methodology",
]


@pytest.mark.parametrize("section", SEED_FACTS, ids=str)
def test_seed_role_page_shows_every_fact_of_the_section(client, seed_role, section):
    response = client.get(SEED_URL)

    assert response.status_code == 200
    text = visible_text(response)
    missing = [fact for fact in SEED_FACTS[section] if fact not in text]
    assert missing == []


def test_seed_role_page_keeps_the_seed_section_order(client, seed_role):
    headings = [text for _, text in outline(client.get(SEED_URL)).headings]

    positions = [headings.index(heading) for heading in SEED_ORDER]
    assert positions == sorted(positions)


def test_day_in_the_life_lists_tasks_in_editor_order(client, seed_role):
    text = visible_text(client.get(SEED_URL))

    titles = list(
        DayTask.objects.filter(role=seed_role).values_list("title", flat=True)
    )
    assert len(titles) == 12
    positions = [text.index(title) for title in titles]
    assert positions == sorted(positions)


def test_meta_description_and_title_come_from_the_role(client, seed_role):
    markup = client.get(SEED_URL).content.decode()

    assert "<title>AI Bias Mitigation Specialist · Career Role Profiles</title>" in (
        html.unescape(markup)
    )
    description = re.search(r'<meta name="description" content="([^"]*)"', markup)
    assert html.unescape(description.group(1)).startswith(
        "Ensure AI systems operate fairly across protected groups"
    )


def test_reality_checks_and_career_step_details_expand_without_javascript(
    client, seed_role
):
    markup = client.get(SEED_URL).content.decode()

    reality_checks = re.findall(
        r'<details class="reality-check">\s*<summary>(.*?)</summary>', markup, re.S
    )
    assert len(reality_checks) == 12
    details = re.findall(
        r'<details class="step-detail">\s*<summary>(.*?)</summary>(.*?)</details>',
        markup,
        re.S,
    )
    headings = [
        " ".join(html.unescape(re.sub(r"<[^>]+>", " ", s)).split()) for s, _ in details
    ]
    assert headings[:2] == ["FEEDER Data Scientist", "FEEDER ML Engineer"]
    assert headings[5:] == [
        "ADVANCEMENT Senior AI Ethics Specialist",
        "ADVANCEMENT Director of AI Ethics",
        "ADVANCEMENT VP of Responsible AI",
        "ADVANCEMENT Chief AI Ethics Officer / AI Governance Consultant",
    ]
    assert all(
        "Salary Shift" in body and "Timeline" in body and "Bridge Skill" in body
        for _, body in details
    )
    assert markup.count("<summary>Model answer</summary>") == 5


def test_every_step_on_the_career_map_links_to_its_details(client, seed_role):
    markup = client.get(SEED_URL).content.decode()

    targets = re.findall(r'<a class="step-title" href="#([^"]+)">', markup)
    assert len(targets) == 9
    detail_ids = re.findall(
        r'<details class="step-detail">\s*<summary>.*?</summary>\s*<div id="([^"]+)">',
        markup,
        re.S,
    )
    assert targets == detail_ids


def test_certification_table_ends_with_a_legend_of_every_roi_tier(client, seed_role):
    markup = client.get(SEED_URL).content.decode()

    after_table = markup[markup.index("</table>") :]
    legend = re.search(r'<ul class="tier-legend"[^>]*>(.*?)</ul>', after_table, re.S)
    labels = re.findall(r"<span[^>]*>([^<]+)</span>", legend.group(1))
    assert labels == ["Essential", "High Priority", "Recommended", "Complementary"]


def test_call_to_action_without_a_link_is_a_plain_note(client, seed_role):
    markup = client.get(SEED_URL).content.decode()

    note = re.search(r'<aside class="cta-note"[^>]*>(.*?)</aside>', markup, re.S)
    assert "Ready to Start Your Transition?" in note.group(1)
    assert "<a " not in note.group(1)
    assert "<button" not in note.group(1)


# --- Unknown and unpublished roles ---------------------------------------------


@pytest.mark.django_db
def test_unknown_role_is_a_friendly_404(client):
    response = client.get("/roles/no-such-role/")

    assert response.status_code == 404
    text = visible_text(response)
    assert "Page not found" in text
    assert "Browse all career roles" in text


@pytest.mark.django_db
def test_unpublished_role_is_a_friendly_404_that_reveals_nothing(client):
    role = factories.RoleFactory(is_published=False, title="Hidden Draft Role")

    response = client.get(f"/roles/{role.slug}/")

    assert response.status_code == 404
    text = visible_text(response)
    assert "Page not found" in text
    assert "Hidden Draft Role" not in text


@pytest.mark.django_db
def test_error_pages_render_without_touching_the_database(
    django_assert_num_queries,
):
    with django_assert_num_queries(0):
        server_error = loader.get_template("500.html").render()
        unavailable = loader.get_template("503.html").render()

    assert "Something went wrong" in server_error
    assert "Temporarily unavailable" in unavailable


# --- Structure: headings, landmarks, no inline script or style -----------------


def test_headings_form_an_outline_with_one_h1_and_an_h2_per_section(client, seed_role):
    page = outline(client.get(SEED_URL))

    levels = [level for level, _ in page.headings]
    assert levels.count(1) == 1
    assert levels[0] == 1
    skips = [
        (page.headings[i], page.headings[i + 1])
        for i in range(len(levels) - 1)
        if levels[i + 1] > levels[i] + 1
    ]
    assert skips == []
    top_sections = {
        "overview",
        "day-in-the-life",
        "demand",
        "skills",
        "learning",
        "career-path",
        "compensation",
        "interview-prep",
        "action-center-section",
        "community",
        "sources",
    }
    first_levels = {id_: level for id_, level in page.sections if id_ in top_sections}
    assert first_levels == dict.fromkeys(top_sections, 2)


def test_page_has_landmarks_and_a_skip_link(client, seed_role):
    markup = client.get(SEED_URL).content.decode()

    assert '<html lang="en">' in markup
    assert '<a class="skip-link" href="#main">' in markup
    assert '<main id="main"' in markup
    assert '<nav aria-label="Breadcrumb"' in markup
    assert "<footer" in markup


def test_page_has_no_inline_script_or_style(client, seed_role):
    markup = client.get(SEED_URL).content.decode()

    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", markup) is None
    assert re.search(r"\sstyle=", markup) is None
    assert "<style" not in markup


@pytest.mark.parametrize("path", ["js/htmx-2.0.4.min.js", "js/app.js"])
def test_scripts_carry_the_integrity_of_the_served_file(client, seed_role, path):
    markup = client.get(SEED_URL).content.decode()

    source = settings.BASE_DIR / "static" / path
    expected = base64.b64encode(hashlib.sha384(source.read_bytes()).digest()).decode()
    tag = re.search(rf'<script src="[^"]*{re.escape(path)}"[^>]*>', markup).group(0)
    assert f'integrity="sha384-{expected}"' in tag
    assert 'crossorigin="anonymous"' in tag
    assert " defer" in tag


def test_htmx_sends_the_csrf_token_and_is_configured_without_eval(client, seed_role):
    response = client.get(SEED_URL)
    markup = response.content.decode()

    # The token of the page's forms, which is this visitor's own.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', markup).group(1)
    assert f'<body hx-headers=\'{{"X-CSRFToken": "{token}"}}\'>' in markup
    config = re.search(r"<meta name=\"htmx-config\" content='([^']*)'>", markup)
    assert '"allowEval": false' in config.group(1)
    assert '"selfRequestsOnly": true' in config.group(1)


# --- Query discipline -----------------------------------------------------------


def build_role(rows):
    """A published role with ``rows`` items in every list its page shows."""
    role = factories.RoleFactory()
    for kind in Highlight.Kind.values:
        factories.HighlightFactory.create_batch(rows, role=role, kind=kind)
    factories.OverviewParagraphFactory.create_batch(rows, role=role)
    factories.DayTaskFactory.create_batch(rows, role=role)
    factories.SectorDemandFactory.create_batch(rows, role=role)
    for kind in DemandSignal.Kind.values:
        factories.DemandSignalFactory.create_batch(rows, role=role, kind=kind)
    skills = factories.SkillFactory.create_batch(rows, role=role)
    for group in factories.ResourceGroupFactory.create_batch(rows, role=role):
        factories.LearningResourceFactory.create_batch(rows, group=group, skills=skills)
    for direction in CareerStep.Direction.values:
        factories.CareerStepFactory.create_batch(rows, role=role, direction=direction)
    factories.CompensationRungFactory.create_batch(rows, role=role)
    factories.InterviewQuestionFactory.create_batch(rows, role=role)
    for group in CommunityLink.Group.values:
        factories.CommunityLinkFactory.create_batch(rows, role=role, group=group)
    factories.SourceNoteFactory.create_batch(rows, role=role)
    for ranking in factories.RoleCertificationFactory.create_batch(
        rows, role=role, skills=skills
    ):
        factories.CertificationLinkFactory.create_batch(
            rows, certification=ranking.certification
        )
    factories.TimelineMilestoneFactory.create_batch(rows, role=role)
    factories.CriterionFactory.create_batch(rows, role=role)
    for question in factories.QuizQuestionFactory.create_batch(rows, role=role):
        factories.QuizChoiceFactory(question=question, is_correct=True)
        factories.QuizChoiceFactory.create_batch(rows, question=question)
    for background in factories.SprintBackgroundFactory.create_batch(rows, role=role):
        for phase in factories.SprintPhaseFactory.create_batch(
            3, background=background
        ):
            factories.SprintTaskFactory.create_batch(rows, phase=phase)
    return role


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), queries


@pytest.mark.django_db
def test_query_count_does_not_grow_with_content(client):
    small = build_role(rows=2)
    large = build_role(rows=4)

    small_count, _ = count_queries(client, small.get_absolute_url())
    cache.clear()
    large_count, _ = count_queries(client, large.get_absolute_url())

    assert large_count == small_count


@pytest.mark.django_db
def test_get_role_page_loads_every_list_so_reading_them_costs_no_query(
    django_assert_num_queries,
):
    role = build_role(rows=2)

    page_role = get_role_page(slug=role.slug)

    with django_assert_num_queries(0):
        lists = [
            page_role.category.name,
            list(page_role.highlights.all()),
            list(page_role.overview.all()),
            list(page_role.tasks.all()),
            list(page_role.sector_demand.all()),
            list(page_role.demand_signals.all()),
            [list(group.resources.all()) for group in page_role.resource_groups.all()],
            list(page_role.career_steps.all()),
            list(page_role.compensation.all()),
            list(page_role.interview_questions.all()),
            list(page_role.community_links.all()),
            list(page_role.source_notes.all()),
        ]
    assert len(lists[3]) == 2
    assert [len(resources) for resources in lists[6]] == [2, 2]


@pytest.mark.django_db
def test_get_role_page_refuses_unpublished_roles():
    role = factories.RoleFactory(is_published=False)

    with pytest.raises(Role.DoesNotExist):
        get_role_page(slug=role.slug)


@pytest.mark.django_db
def test_warm_cache_skips_every_content_query(client):
    role = build_role(rows=2)

    cold, _ = count_queries(client, role.get_absolute_url())
    warm, queries = count_queries(client, role.get_absolute_url())

    assert warm <= 3 < cold
    content_tables = ["roles_daytask", "roles_learningresource", "roles_careerstep"]
    content_tables += ["certifications_rolecertification", "roles_highlight"]
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert [table for table in content_tables if table in sql] == []


@pytest.mark.django_db
def test_warm_page_shows_the_same_content_as_the_cold_page(client):
    role = build_role(rows=2)

    cold = visible_text(client.get(role.get_absolute_url()))
    warm = visible_text(client.get(role.get_absolute_url()))

    # The CSRF token is per response; the content is what must match.
    assert re.sub(r"\w{32,}", "", warm) == re.sub(r"\w{32,}", "", cold)


@pytest.mark.django_db
def test_saving_a_task_shows_on_the_next_view_with_the_cache_on(client):
    role = build_role(rows=2)
    task = role.tasks.first()
    old_heading = f"<h3>{task.title}</h3>"
    assert old_heading in client.get(role.get_absolute_url()).content.decode()

    task.title = "Rewritten Task Title"
    task.save()

    markup = client.get(role.get_absolute_url()).content.decode()
    assert "<h3>Rewritten Task Title</h3>" in markup
    assert old_heading not in markup


@pytest.mark.django_db
def test_saving_a_shared_certification_shows_on_the_next_view_with_the_cache_on(
    client,
):
    role = build_role(rows=2)
    certification = Certification.objects.filter(role_rankings__role=role).first()
    old_cost = "$100"
    assert old_cost in visible_text(client.get(role.get_absolute_url()))

    certification.cost = "$4,321"
    certification.save()

    text = visible_text(client.get(role.get_absolute_url()))
    assert "$4,321" in text


@pytest.mark.django_db
def test_renaming_the_category_shows_on_the_next_view_with_the_cache_on(client):
    role = build_role(rows=2)
    client.get(role.get_absolute_url())

    role.category.name = "Renamed Category"
    role.category.save()

    text = visible_text(client.get(role.get_absolute_url()))
    assert "Roles Renamed Category" in text


@pytest.mark.django_db
def test_deleting_a_question_removes_it_on_the_next_view_with_the_cache_on(client):
    role = build_role(rows=2)
    question = role.interview_questions.first()
    assert question.question in visible_text(client.get(role.get_absolute_url()))

    question.delete()

    assert question.question not in visible_text(client.get(role.get_absolute_url()))
