"""Every page says when it last changed (from git) and links to its source file for editing; every
page of a code names the code's version. Checked on a built copy in its own git repository with
fixed commit dates (fixture `history_site`), and on the git reading itself."""
from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

import pytest

from build_scripts.content_model import read_pages
from build_scripts.page_history import edit_base, last_changed, page_footer
from tests.conftest import (DOCS, HISTORY_CHANGE_COMMIT, HISTORY_CHANGED_PAGE, HISTORY_EDIT_BASE, HISTORY_FIRST_COMMIT,
                            ORGANISATIONS)
from checkers.rules import doc_to_url

PAGES, _ = read_pages(DOCS)
FOOTER = re.compile(r'<aside class="cw-paginavoet"[^>]*>(.*?)</aside>', re.S)


def footer(site: Path, src_path: str) -> str:
    match = FOOTER.search((site / doc_to_url(src_path) / "index.html").read_text(encoding="utf-8"))
    assert match, f"no page footer on {src_path}"
    return match.group(1)


def test_a_page_shows_the_date_of_its_last_commit(history_site):
    assert '<time datetime="2026-10-01">1 oktober 2026</time>' in footer(history_site, HISTORY_CHANGED_PAGE)
    assert HISTORY_CHANGE_COMMIT == "2026-10-01"


def test_a_page_changed_only_in_the_first_commit_shows_that_date(history_site):
    assert HISTORY_FIRST_COMMIT == "2026-03-05"
    for page in ("gemeente-utrecht/hulp.md", "index.md", "provincie-utrecht/geschenken-en-uitnodigingen.md"):
        assert 'laatst gewijzigd op <time datetime="2026-03-05">5 maart 2026</time>' in footer(history_site, page)


def test_the_edit_link_points_to_the_page_file(history_site):
    for page in (HISTORY_CHANGED_PAGE, "index.md", "universiteit-twente/relaties.md",
                 "gemeente-utrecht/voorbeelden/gu-bellen-in-de-trein.md"):
        links = re.findall(r'<a href="([^"]+)" rel="edit">Bewerk deze pagina</a>', footer(history_site, page))
        assert links == [HISTORY_EDIT_BASE + page], page


def test_every_page_of_a_code_names_its_version_and_date(history_site):
    for page in PAGES.values():
        if not page.organisation:
            assert "cw-codeversie" not in footer(history_site, page.src_path)
            continue
        code = PAGES[f"{page.organisation}/index.md"].meta["code"]
        line = re.search(r'<p class="cw-codeversie">(.*?)</p>', footer(history_site, page.src_path)).group(1)
        assert line.startswith(code["naam"]), page.src_path
        assert f"versie: {code['versie'] or 'niet vermeld'}" in line, page.src_path
        assert "geldend vanaf: " + ("niet vermeld" if code["geldend_vanaf"] is None else "") in line


def test_the_version_line_links_to_the_codes_changes(history_site):
    for org in ORGANISATIONS:
        assert '<a href="../wijzigingen/">Wijzigingen</a>' in footer(history_site, f"{org}/hulp.md")


def test_the_projects_own_build_links_to_the_editor_it_can_name(built_site):
    """The project's own build: CODEWIJZER_BEWERK_BASIS if set (CI), else the GitHub editor of this
    clone's origin, else no link at all."""
    html = footer(built_site, "gemeente-utrecht/geschenken.md")
    base = edit_base(os.environ.get("CODEWIJZER_BEWERK_BASIS", ""), DOCS)
    links = re.findall(r'<a href="([^"]+)" rel="edit">Bewerk deze pagina</a>', html)
    assert links == ([base + "gemeente-utrecht/geschenken.md"] if base else [])
    assert "cw-codeversie" in html


# The git reading on its own: batched, and silent where git cannot say.

def git(repo: Path, *args: str, day: str = "2026-01-02") -> None:
    env = {**os.environ, "GIT_COMMITTER_DATE": f"{day}T08:00:00+00:00", "GIT_AUTHOR_DATE": f"{day}T08:00:00+00:00"}
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args], cwd=repo, check=True,
                   env=env, capture_output=True)


@pytest.fixture
def repo(tmp_path) -> Path:
    repo = tmp_path / "repo"
    (repo / "docs" / "org").mkdir(parents=True)
    (repo / "docs" / "a.md").write_text("a\n")
    (repo / "docs" / "org" / "b.md").write_text("b\n")
    (repo / "buiten.md").write_text("not in docs\n")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "one", day="2026-01-02")
    (repo / "docs" / "org" / "b.md").write_text("b changed\n")
    git(repo, "commit", "-qam", "two", day="2026-02-03")
    return repo


def test_last_changed_reads_every_file_in_one_go(repo):
    assert last_changed(repo / "docs") == {"a.md": dt.date(2026, 1, 2), "org/b.md": dt.date(2026, 2, 3)}


def test_an_uncommitted_file_has_no_date(repo):
    (repo / "docs" / "nieuw.md").write_text("new\n")
    assert "nieuw.md" not in last_changed(repo / "docs")


def test_outside_a_repository_there_are_no_dates(tmp_path):
    (tmp_path / "docs").mkdir()
    assert last_changed(tmp_path / "docs") == {}


def test_a_shallow_clone_dates_only_what_it_has_seen_change(repo, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True, capture_output=True)
    assert last_changed(clone / "docs") == {}, "the only commit stands for all history: no date is known"
    (clone / "docs" / "a.md").write_text("a changed\n")
    git(clone, "commit", "-qam", "three", day="2026-03-04")
    assert last_changed(clone / "docs") == {"a.md": dt.date(2026, 3, 4)}


def test_without_git_the_build_gets_no_dates(repo, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    assert last_changed(repo / "docs") == {}


def test_the_footer_leaves_out_what_it_does_not_know():
    assert page_footer("index.md", None, "", None, None) == ""
    code = {"naam": "Code <x>", "versie": None, "geldend_vanaf": dt.date(2027, 1, 1)}
    html = page_footer("org/a.md", None, "https://example.org/edit/main/docs", code, None)
    assert "Code &lt;x&gt; · versie: niet vermeld · geldend vanaf: 1 januari 2027" in html
    assert 'href="https://example.org/edit/main/docs/org/a.md"' in html and "laatst gewijzigd" not in html


def test_with_an_edit_base_nothing_is_loaded_from_the_repository_host(history_site):
    """The edit link is only a link: no page loads anything from another host, and Material's
    repository header (which would ask GitHub for facts) is absent."""
    from tests.content.test_no_third_party import is_external
    from tests.site_html import html_pages, parse
    pages = html_pages(history_site)
    offenders = [(p.name, url) for p in pages for _, _, url in parse(p).resources if is_external(url)]
    assert offenders == []
    home = (history_site / "index.html").read_text(encoding="utf-8")
    assert "md-source" not in home and f'href="{HISTORY_EDIT_BASE}index.md"' in home


@pytest.mark.parametrize("remote, expected", [
    ("git@github.com:gemeente/codewijzer.git", "https://github.com/gemeente/codewijzer/edit/main/docs/"),
    ("https://github.com/gemeente/codewijzer", "https://github.com/gemeente/codewijzer/edit/main/docs/"),
    ("https://github.com/gemeente/code.wijzer.git", "https://github.com/gemeente/code.wijzer/edit/main/docs/"),
    ("https://git.intranet.example.nl/codewijzer.git", ""),
    ("/srv/git/codewijzer", ""),
])
def test_without_a_setting_the_edit_link_follows_a_github_origin(repo, remote, expected):
    git(repo, "remote", "add", "origin", remote)
    assert edit_base("", repo / "docs") == expected


def test_the_setting_wins_over_the_origin(repo):
    git(repo, "remote", "add", "origin", "git@github.com:gemeente/codewijzer.git")
    assert edit_base("https://example.org/edit/", repo / "docs") == "https://example.org/edit/"


def test_without_an_origin_there_is_no_edit_link(repo):
    assert edit_base("", repo / "docs") == ""
