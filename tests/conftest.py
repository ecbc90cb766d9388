"""Fixtures shared by every test package."""

import pytest
from django.core.cache import cache
from django.core.management import call_command

SEED_FIXTURE = "fixtures/roles.json"
SEED_SLUG = "ai-bias-mitigation-specialist"


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no cached page parts, no throttle counts."""
    from roles.page_cache import forget_local_pages

    cache.clear()
    forget_local_pages()
    yield
    cache.clear()
    forget_local_pages()


@pytest.fixture
def seed_role(db):
    """The seed role, loaded from the published fixture exactly as `make run` does."""
    from roles.models import Role

    call_command("loaddata", SEED_FIXTURE, verbosity=0)
    return Role.objects.get(slug=SEED_SLUG)
