"""Shared fixtures: the site is built once per test session into a temporary folder."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def organisations(docs: Path = DOCS) -> list[str]:
    """Every organisation in docs/ (a folder with an index.md): no test names the list by hand."""
    return sorted(p.parent.name for p in docs.glob("*/index.md")
                  if "\nsoort: overzicht" in p.read_text(encoding="utf-8"))


ORGANISATIONS = organisations()


def build_site(project: Path, site_dir: Path, code: str = "", site_url: str = "",
               extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the real build with ProperDocs (strict) of `project` into `site_dir` (only one organisation's code if given).
    extra_env: e.g. {"CODEWIJZER_CONCEPT": "ja"} (as make serve) or {"CODEWIJZER_HANDLEIDING": "ja"}."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "CODEWIJZER_CODE": code, "SITE_URL": site_url,
           "CODEWIJZER_CONCEPT": "", "CODEWIJZER_HANDLEIDING": "", **(extra_env or {})}
    return subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-f",
                           str(project / "mkdocs.yml"), "-d", str(site_dir)],
                          cwd=project, capture_output=True, text=True, env=env)


def copy_project(target: Path) -> Path:
    """A copy of everything the build reads, to break on purpose (node_modules is linked, not copied)."""
    target.mkdir(parents=True)
    for name in ["mkdocs.yml", "build_scripts", "overrides", "docs", "checkers"]:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    # The prepared Pyodide runtime (lean stdlib, snapshot) is shared: making it again takes Node ~10 s.
    (ROOT / ".cache").mkdir(exist_ok=True)
    (target / ".cache").symlink_to(ROOT / ".cache")
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site)
    assert result.returncode == 0, f"the site does not build:\n{result.stderr}"
    return site


# A built copy of the project in its own git repository, with fixed commit dates, an edit-link base
# and one announced (future-dated) limit: pages' dates, edit links and dated rules are tested on it.
HISTORY_EDIT_BASE = "https://git.example.org/codewijzer/edit/main/docs/"
HISTORY_FIRST_COMMIT = "2026-03-05"
HISTORY_CHANGED_PAGE, HISTORY_CHANGE_COMMIT = "gemeente-utrecht/geschenken.md", "2026-10-01"
HISTORY_LIMIT = ('maximale_waarde = [ { waarde = 50, bron = "../geschenken.md#afspraak-2-5a" }, '
                 '{ vanaf = 2099-01-01, waarde = 75, bron = "../geschenken.md#afspraak-2-5a" } ]')


def _commit(project: Path, day: str, message: str) -> None:
    env = {**os.environ, "GIT_COMMITTER_DATE": f"{day}T12:00:00+00:00", "GIT_AUTHOR_DATE": f"{day}T12:00:00+00:00"}
    for args in (["add", "-A"], ["-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qm", message]):
        subprocess.run(["git", *args], cwd=project, check=True, env=env, capture_output=True)


@pytest.fixture(scope="session")
def history_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("history") / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "bewerk_basis: !ENV" in text
    config.write_text(text.replace('bewerk_basis: !ENV [CODEWIJZER_BEWERK_BASIS, ""]',
                                   f'bewerk_basis: "{HISTORY_EDIT_BASE}"'), encoding="utf-8")
    rules = project / "docs/gemeente-utrecht/regels/geschenken.toml"
    # Whatever the live limit is (an editor may have dated it), the copy gets this one.
    rules.write_text(re.sub(r"maximale_waarde = \[[^\]]*\]", lambda _: HISTORY_LIMIT,
                            rules.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    assert HISTORY_LIMIT in rules.read_text(encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    (project / ".gitignore").write_text("node_modules\n", encoding="utf-8")
    _commit(project, HISTORY_FIRST_COMMIT, "Eerste versie")
    page = project / "docs" / HISTORY_CHANGED_PAGE
    page.write_text(page.read_text(encoding="utf-8") + "\nEen nieuwe alinea.\n", encoding="utf-8")
    _commit(project, HISTORY_CHANGE_COMMIT, "Geschenken aangepast")
    site = tmp_path_factory.mktemp("history-site")
    result = build_site(project, site)
    assert result.returncode == 0, f"the history copy does not build:\n{result.stderr}"
    return site
