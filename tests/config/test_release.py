"""Cache keys carry the code version, so a deploy never serves pages rendered by
the previous release's templates from the shared cache."""

from django.core.cache import cache

from config import release


def test_a_new_release_does_not_read_the_previous_releases_cache(monkeypatch):
    monkeypatch.setenv("RELEASE_ID", "release-1")
    cache.set("role-page:example", "rendered by release 1")
    assert cache.get("role-page:example") == "rendered by release 1"

    monkeypatch.setenv("RELEASE_ID", "release-2")
    assert cache.get("role-page:example") is None


def test_the_version_is_a_hash_of_templates_and_static_files(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    (tmp_path / "templates").mkdir()
    (tmp_path / "static").mkdir()
    page = tmp_path / "templates" / "page.html"
    page.write_text("<h1>{{ title }}</h1>")
    (tmp_path / "static" / "site.css").write_text("h1 { color: navy }")

    first = release._hash_tree()
    assert release._hash_tree() == first  # same files, same version on every server

    page.write_text("<h1 class='title'>{{ title }}</h1>")
    assert release._hash_tree() != first
