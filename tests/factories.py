"""One factory per model, building valid rows with neutral placeholder text.

The text is deliberately generic: tests that need real content load the
published fixture instead. Sequences keep unique fields (slugs, ranks, band
minimums, phase start days) distinct within one test run.
"""

import datetime

import factory
from factory.django import DjangoModelFactory

from assessments import models as assessments
from certifications import models as certifications
from roles import models as roles

# Small-integer columns (ranks, months, scores, days) hold at most 32767 on
# PostgreSQL; sequences wrap well below that so a long test run never overflows.
# They must only be unique per parent row, which a wrap this large preserves.
SMALL_SEQUENCE = 30_000

# --- Roles --------------------------------------------------------------------


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = roles.Category
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


class RoleFactory(DjangoModelFactory):
    class Meta:
        model = roles.Role

    slug = factory.Sequence(lambda n: f"role-{n}")
    title = factory.Sequence(lambda n: f"Role {n}")
    category = factory.SubFactory(CategoryFactory)
    is_published = True
    pitch = "A short summary of what the role does."
    demand_level = roles.DemandLevel.HIGH
    salary_min = 100_000
    salary_max = 140_000
    career_level = "Mid-Level"
    transition_time = "1\u20132 Years"
    experience = "3\u20135 Years"
    ai_displacement = roles.RiskLevel.LOW
    regulatory_callout_icon = "!"
    regulatory_callout = "A regulation makes this role necessary."
    insight_title = "An insight"
    insight_body = "Something worth knowing about the role."
    insight_source = "a-source.md"
    contract_rate_note = "Consulting rates vary."
    cta_title = "Ready?"
    cta_body = "Start now."
    last_updated = datetime.date(2026, 1, 15)
    freshness_note = "Figures checked recently."
    author = "An Author"


class HighlightFactory(DjangoModelFactory):
    class Meta:
        model = roles.Highlight

    role = factory.SubFactory(RoleFactory)
    kind = roles.Highlight.Kind.TOP_SKILL
    text = factory.Sequence(lambda n: f"Highlight {n}")
    position = factory.Sequence(lambda n: n)


class OverviewParagraphFactory(DjangoModelFactory):
    class Meta:
        model = roles.OverviewParagraph

    role = factory.SubFactory(RoleFactory)
    body = factory.Sequence(lambda n: f"Overview paragraph {n}.")
    position = factory.Sequence(lambda n: n)


class DayTaskFactory(DjangoModelFactory):
    class Meta:
        model = roles.DayTask

    role = factory.SubFactory(RoleFactory)
    icon = "*"
    title = factory.Sequence(lambda n: f"Task {n}")
    description = factory.Sequence(lambda n: f"What task {n} involves.")
    reality_check = factory.Sequence(lambda n: f"What task {n} is really like.")
    position = factory.Sequence(lambda n: n)


class SectorDemandFactory(DjangoModelFactory):
    class Meta:
        model = roles.SectorDemand

    role = factory.SubFactory(RoleFactory)
    sector = factory.Sequence(lambda n: f"Sector {n}")
    level = roles.DemandLevel.GROWING
    position = factory.Sequence(lambda n: n)


class DemandSignalFactory(DjangoModelFactory):
    class Meta:
        model = roles.DemandSignal

    role = factory.SubFactory(RoleFactory)
    kind = roles.DemandSignal.Kind.POSTING
    label = ""
    text = factory.Sequence(lambda n: f"Demand signal {n}.")
    position = factory.Sequence(lambda n: n)


class SkillFactory(DjangoModelFactory):
    class Meta:
        model = roles.Skill

    role = factory.SubFactory(RoleFactory)
    name = factory.Sequence(lambda n: f"Skill {n}")
    starting_rating = 1
    target_level = 4
    position = factory.Sequence(lambda n: n)


class ResourceGroupFactory(DjangoModelFactory):
    class Meta:
        model = roles.ResourceGroup

    role = factory.SubFactory(RoleFactory)
    icon = "*"
    title = factory.Sequence(lambda n: f"Resource group {n}")
    position = factory.Sequence(lambda n: n)


class LearningResourceFactory(DjangoModelFactory):
    class Meta:
        model = roles.LearningResource
        skip_postgeneration_save = True

    group = factory.SubFactory(ResourceGroupFactory)
    title = factory.Sequence(lambda n: f"Resource {n}")
    description = "What the resource covers."
    url = ""
    cost = "FREE"
    duration = "~5h"
    level = roles.SkillLevel.BEGINNER
    position = factory.Sequence(lambda n: n)

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        if create and extracted:
            self.skills.add(*extracted)


class CareerStepFactory(DjangoModelFactory):
    class Meta:
        model = roles.CareerStep

    role = factory.SubFactory(RoleFactory)
    direction = roles.CareerStep.Direction.FEEDER
    title = factory.Sequence(lambda n: f"Step role {n}")
    salary_min = 80_000
    salary_max = 110_000
    salary_open_ended = False
    timeline_short = "1 yr"
    timeline = "About a year"
    bridge_skill = "A bridging skill"
    narrative = "How people make this move."
    position = factory.Sequence(lambda n: n)


class CompensationRungFactory(DjangoModelFactory):
    class Meta:
        model = roles.CompensationRung

    role = factory.SubFactory(RoleFactory)
    title = factory.Sequence(lambda n: f"Rung {n}")
    salary_min = 90_000
    salary_max = 120_000
    is_current = False
    position = factory.Sequence(lambda n: n)


class InterviewQuestionFactory(DjangoModelFactory):
    class Meta:
        model = roles.InterviewQuestion

    role = factory.SubFactory(RoleFactory)
    question = factory.Sequence(lambda n: f"Interview question {n}?")
    what_it_tests = "What the interviewer is looking for."
    model_answer = "A good answer."
    tags = "First tag\nSecond tag"
    position = factory.Sequence(lambda n: n)


class CommunityLinkFactory(DjangoModelFactory):
    class Meta:
        model = roles.CommunityLink

    role = factory.SubFactory(RoleFactory)
    group = roles.CommunityLink.Group.LEARN
    icon = "*"
    title = factory.Sequence(lambda n: f"Community {n}")
    description = "Where practitioners meet."
    url = ""
    position = factory.Sequence(lambda n: n)


class SourceNoteFactory(DjangoModelFactory):
    class Meta:
        model = roles.SourceNote

    role = factory.SubFactory(RoleFactory)
    title = factory.Sequence(lambda n: f"Source note {n}")
    body = "Where the figures come from."
    position = factory.Sequence(lambda n: n)


# --- Certifications -----------------------------------------------------------


class CertificationFactory(DjangoModelFactory):
    class Meta:
        model = certifications.Certification

    slug = factory.Sequence(lambda n: f"certification-{n}")
    name = factory.Sequence(lambda n: f"Certification {n}")
    provider = "A provider"
    cost = "$100"
    exam_format = "Multiple choice; renewal every year."


class CertificationLinkFactory(DjangoModelFactory):
    class Meta:
        model = certifications.CertificationLink

    certification = factory.SubFactory(CertificationFactory)
    label = factory.Sequence(lambda n: f"link-{n}.example")
    url = ""
    position = factory.Sequence(lambda n: n)


class RoleCertificationFactory(DjangoModelFactory):
    class Meta:
        model = certifications.RoleCertification
        skip_postgeneration_save = True

    role = factory.SubFactory(RoleFactory)
    certification = factory.SubFactory(CertificationFactory)
    rank = factory.Sequence(lambda n: n % SMALL_SEQUENCE + 1)
    tier = certifications.RoleCertification.Tier.ESSENTIAL
    position = factory.Sequence(lambda n: n)

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        if create and extracted:
            self.skills.add(*extracted)


class TimelineMilestoneFactory(DjangoModelFactory):
    class Meta:
        model = certifications.TimelineMilestone

    role = factory.SubFactory(RoleFactory)
    month = factory.Sequence(lambda n: n % SMALL_SEQUENCE)
    title = factory.Sequence(lambda n: f"Milestone {n}")
    detail = "Study: 10h"
    position = factory.Sequence(lambda n: n)


# --- Assessments: content -----------------------------------------------------


class CriterionFactory(DjangoModelFactory):
    class Meta:
        model = assessments.Criterion

    role = factory.SubFactory(RoleFactory)
    icon = "*"
    name = factory.Sequence(lambda n: f"Criterion {n}")
    question = factory.Sequence(lambda n: f"Can you do thing {n}?")
    position = factory.Sequence(lambda n: n)


class VerdictBandFactory(DjangoModelFactory):
    class Meta:
        model = assessments.VerdictBand

    role = factory.SubFactory(RoleFactory)
    min_percent = factory.Sequence(lambda n: n % 101)
    label = factory.Sequence(lambda n: f"Band {n}")
    message = "What this readiness means."


class SprintBackgroundFactory(DjangoModelFactory):
    class Meta:
        model = assessments.SprintBackground

    role = factory.SubFactory(RoleFactory)
    name = factory.Sequence(lambda n: f"Background {n}")
    position = factory.Sequence(lambda n: n)


class SprintPhaseFactory(DjangoModelFactory):
    class Meta:
        model = assessments.SprintPhase

    background = factory.SubFactory(SprintBackgroundFactory)
    start_day = factory.Sequence(lambda n: n % 1000 * 30 + 1)
    end_day = factory.LazyAttribute(lambda phase: phase.start_day + 29)
    name = factory.Sequence(lambda n: f"Phase {n}")
    title = factory.Sequence(lambda n: f"Phase title {n}")
    position = factory.Sequence(lambda n: n)


class SprintTaskFactory(DjangoModelFactory):
    class Meta:
        model = assessments.SprintTask

    phase = factory.SubFactory(SprintPhaseFactory)
    text = factory.Sequence(lambda n: f"Sprint task {n}")
    hours = 10
    position = factory.Sequence(lambda n: n)


class QuizQuestionFactory(DjangoModelFactory):
    class Meta:
        model = assessments.QuizQuestion

    role = factory.SubFactory(RoleFactory)
    prompt = factory.Sequence(lambda n: f"Quiz question {n}?")
    explanation = "Why the right answer is right."
    position = factory.Sequence(lambda n: n)


class QuizChoiceFactory(DjangoModelFactory):
    class Meta:
        model = assessments.QuizChoice

    question = factory.SubFactory(QuizQuestionFactory)
    text = factory.Sequence(lambda n: f"Choice {n}")
    is_correct = False
    position = factory.Sequence(lambda n: n)


class QuizResultBandFactory(DjangoModelFactory):
    class Meta:
        model = assessments.QuizResultBand

    role = factory.SubFactory(RoleFactory)
    min_score = factory.Sequence(lambda n: n % SMALL_SEQUENCE)
    message = factory.Sequence(lambda n: f"Result message {n}")


# --- Assessments: candidate state ---------------------------------------------


class CandidateFactory(DjangoModelFactory):
    class Meta:
        model = assessments.Candidate


class CriterionRatingFactory(DjangoModelFactory):
    class Meta:
        model = assessments.CriterionRating

    candidate = factory.SubFactory(CandidateFactory)
    criterion = factory.SubFactory(CriterionFactory)
    rating = assessments.CriterionRating.Rating.STRENGTH


class SkillRatingFactory(DjangoModelFactory):
    class Meta:
        model = assessments.SkillRating

    candidate = factory.SubFactory(CandidateFactory)
    skill = factory.SubFactory(SkillFactory)
    level = 3


class SprintChoiceFactory(DjangoModelFactory):
    class Meta:
        model = assessments.SprintChoice

    candidate = factory.SubFactory(CandidateFactory)
    background = factory.SubFactory(SprintBackgroundFactory)
    role = factory.SelfAttribute("background.role")


class QuizAttemptFactory(DjangoModelFactory):
    class Meta:
        model = assessments.QuizAttempt

    candidate = factory.SubFactory(CandidateFactory)
    role = factory.SubFactory(RoleFactory)


class QuizAnswerFactory(DjangoModelFactory):
    class Meta:
        model = assessments.QuizAnswer

    attempt = factory.SubFactory(QuizAttemptFactory)
    question = factory.SubFactory(
        QuizQuestionFactory, role=factory.SelfAttribute("..attempt.role")
    )
    choice = factory.SubFactory(
        QuizChoiceFactory, question=factory.SelfAttribute("..question")
    )
    is_correct = factory.SelfAttribute("choice.is_correct")
