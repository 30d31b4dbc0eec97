"""Shared fixtures: the site is built once per test session into a temporary folder."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
ORGANISATIONS = ["universiteit-twente", "gemeente-utrecht", "provincie-utrecht", "universiteit-maastricht"]


def build_site(project: Path, site_dir: Path, code: str = "", site_url: str = "") -> subprocess.CompletedProcess:
    """Run the real MkDocs build (strict) of `project` into `site_dir` (only one organisation's code if given)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CODEWIJZER_CODE": code, "SITE_URL": site_url}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
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
