"""Query counts of the tools do not grow with the number of rows they list."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from assessments import panels
from assessments.selectors import SESSION_KEY
from tests import factories
from tests.assessments.conftest import HX, build_tool_role

pytestmark = pytest.mark.django_db


def candidate_with_state(client, tr):
    """Use every tool through the endpoints, as a candidate would."""
    client.post(
        tr.url("qualification"), {f"criterion_{c.id}": "gap" for c in tr.criteria}
    )
    client.post(tr.url("skills"), {f"skill_{s.id}": "2" for s in tr.skills})
    client.post(tr.url("plan"), {"background": tr.backgrounds[0].id})
    q1 = tr.questions[0]
    client.post(
        tr.url("quiz/answer"), {"question": q1.id, "choice": tr.wrong[q1.id].id}
    )


def count_queries(client, method, *args, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(*args, **kwargs)
    assert response.status_code in (200, 303)
    return len(queries)


def test_candidates_role_page_query_count_is_fixed(client, django_user_model):
    small = build_tool_role(criteria=3, skills=2, questions=2)
    large = build_tool_role(criteria=12, skills=8, questions=9)
    counts = []
    for tr in (small, large):
        client.cookies.clear()
        candidate_with_state(client, tr)
        url = tr.role.get_absolute_url()
        client.get(url)  # warm the role's cached parts
        counts.append(count_queries(client, "get", url))
    assert counts[0] == counts[1]


@pytest.mark.parametrize(
    "tool", ["qualification", "skills", "plan", "quiz/answer"], ids=lambda t: t
)
def test_htmx_post_query_count_is_fixed(client, tool):
    counts = []
    # Three questions at least, so the second answer never finishes the quiz.
    for sizes in ((3, 2, 3), (12, 8, 9)):
        tr = build_tool_role(criteria=sizes[0], skills=sizes[1], questions=sizes[2])
        client.cookies.clear()
        candidate_with_state(client, tr)
        data = {
            "qualification": {f"criterion_{c.id}": "strength" for c in tr.criteria},
            "skills": {f"skill_{s.id}": "4" for s in tr.skills},
            "plan": {"background": tr.backgrounds[1].id},
            "quiz/answer": {
                "attempt": _latest_attempt(),
                "question": tr.questions[1].id,
                "choice": tr.correct[tr.questions[1].id].id,
            },
        }[tool]
        counts.append(count_queries(client, "post", tr.url(tool), data, **HX))
    assert counts[0] == counts[1]


def _latest_attempt():
    from assessments.models import QuizAttempt

    return QuizAttempt.objects.order_by("-id").values_list("id", flat=True).first()


def _request(token=None):
    request = RequestFactory().get("/")
    request.session = {SESSION_KEY: token} if token else {}
    return request


def test_tool_content_is_cached_so_a_visitor_without_state_costs_no_query():
    tr = build_tool_role()
    panels.load(_request(), tr.role)  # fills the cache
    with CaptureQueriesContext(connection) as queries:
        panels.load(_request(), tr.role)
    assert len(queries) == 0


def test_a_candidate_costs_six_queries_with_a_warm_cache():
    tr = build_tool_role()
    candidate = factories.CandidateFactory()
    factories.QuizAttemptFactory(candidate=candidate, role=tr.role)
    panels.load(_request(), tr.role)
    with CaptureQueriesContext(connection) as queries:
        panels.load(_request(candidate.token), tr.role)
    # Candidate, criterion ratings, skill ratings, plan, latest attempt, answers.
    assert len(queries) == 6


def test_a_content_edit_is_seen_on_the_next_view(client):
    tr = build_tool_role()
    client.get(tr.role.get_absolute_url())
    criterion = tr.criteria[0]
    criterion.name = "Renamed Criterion"
    criterion.save()
    assert (
        "Renamed Criterion" in client.get(tr.role.get_absolute_url()).content.decode()
    )


def test_cached_tool_content_holds_no_answer_key():
    """The shared cache may be read by any app process: it never learns which
    choice is right, nor the explanations that would give it away."""
    import pickle

    from assessments.selectors import role_tool_content

    tr = build_tool_role(questions=1)
    content = role_tool_content(tr.role)
    question = tr.questions[0]
    blob = pickle.dumps(content)
    assert b"is_correct" not in blob
    assert question.explanation.encode() not in blob
    assert [c.text for c in content.questions[0].choices] == [
        c.text for c in question.choices.all()
    ]
