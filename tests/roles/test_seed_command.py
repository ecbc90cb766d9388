"""`seed_content` loads the published content into an empty database only, so that
restarting the site never undoes an editor's change."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from roles.models import DayTask, Role
from tests import factories
from tests.conftest import SEED_SLUG

LOADED = "Loaded the published content (253 objects)."
SKIPPED = "Content already present; not loading the fixture (use loaddata to reset it)."


def seed_content(*args):
    out = StringIO()
    call_command("seed_content", *args, stdout=out)
    return out.getvalue().strip()


@pytest.mark.django_db
def test_empty_database_gets_the_whole_published_content():
    assert seed_content() == LOADED

    role = Role.objects.get(slug=SEED_SLUG)
    assert role.title == "AI Bias Mitigation Specialist"
    assert role.tasks.count() == 12


@pytest.mark.django_db
def test_existing_role_keeps_the_editors_changes(seed_role):
    task = seed_role.tasks.get(title="Dataset Audit")
    task.title = "Training Data Audit"
    task.save()
    Role.objects.filter(pk=seed_role.pk).update(title="Edited Title")

    assert seed_content() == SKIPPED

    assert Role.objects.get(pk=seed_role.pk).title == "Edited Title"
    assert DayTask.objects.filter(title="Training Data Audit").count() == 1
    assert DayTask.objects.filter(title="Dataset Audit").count() == 0


@pytest.mark.django_db
def test_any_role_counts_as_content_present():
    factories.RoleFactory(title="Editor Drafted Role")

    assert seed_content() == SKIPPED

    assert list(Role.objects.values_list("title", flat=True)) == ["Editor Drafted Role"]


@pytest.mark.django_db
def test_force_reloads_the_published_rows_over_edits(seed_role):
    Role.objects.filter(pk=seed_role.pk).update(title="Edited Title")

    assert seed_content("--force") == LOADED

    assert Role.objects.get(pk=seed_role.pk).title == "AI Bias Mitigation Specialist"
    assert Role.objects.count() == 1


@pytest.mark.django_db
def test_missing_fixture_is_a_clear_error_that_loads_nothing():
    with pytest.raises(CommandError, match="No fixture named 'no-such-file'"):
        seed_content("no-such-file.json")

    assert Role.objects.count() == 0
