"""`make verschil BASIS=<ref>`: the whole answer space of every checker, at BASIS and in the work tree,
compared in a Dutch report. Runs in a temporary git clone: nothing changed, then a changed rule file."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

SLUG = "gemeente-voorbeeld"
MAKE_WITHOUT_SETUP = ["make", "-s", "-o", ".venv/.installed", "-o", "node_modules/.installed"]


def git(project: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=project,
                   check=True, capture_output=True)


def clone(target: Path) -> Path:
    """A clone of the committed work tree sharing .venv and node_modules (they are not in git)."""
    subprocess.run(["git", "clone", "-q", str(ROOT), str(target)], check=True, capture_output=True)
    for shared in (".venv", "node_modules", ".cache"):
        if (ROOT / shared).exists():
            (target / shared).symlink_to(ROOT / shared)
    return target


def verschil(project: Path, basis: str = "HEAD") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS"))}
    return subprocess.run([*MAKE_WITHOUT_SETUP, "verschil", f"BASIS={basis}"], cwd=project, capture_output=True,
                          text=True, env=env)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A clone with a committed new code whose rules the test controls (the skeleton of make new-code)."""
    project = clone(tmp_path_factory.mktemp("verschil") / "project")
    result = subprocess.run([str(project / ".venv/bin/python"), "-m", "build_scripts.new_code", SLUG], cwd=project,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    git(project, "add", "-A", "docs")
    git(project, "commit", "-qm", "Nieuwe code")
    return project


def test_a_clean_tree_says_nothing_changed(project):
    result = verschil(project)
    assert result.returncode == 0, result.stderr
    report = (project / "verschil.md").read_text(encoding="utf-8")
    assert report.startswith("# Wat verandert er aan de uitkomsten van de checks?")
    assert "**Geen verschil.** Alle" in report and "antwoordpaden van" in report
    assert f"`{SLUG}/geschenken`" not in report


def test_a_changed_limit_reason_and_example_are_reported(project):
    rules = project / "docs" / SLUG / "regels" / "geschenken.toml"
    text = rules.read_text(encoding="utf-8")
    limit = re.search(r"maximale_waarde = \[ \{ waarde = 50(?P<source>, bron = \"[^\"]+\")? \} \]", text)
    assert limit, "the skeleton's limit of 50 without a date"
    rules.write_text(text.replace(limit.group(0), f"maximale_waarde = [ {{ waarde = 50{limit['source'] or ''} }}, "
                                  f"{{ vanaf = 2099-01-01, waarde = 75{limit['source'] or ''} }} ]")
                     .replace('reden = "TODO: waarom je geen geld aanneemt."', 'reden = "Geld neem je nooit aan."'),
                     encoding="utf-8")
    example = next((project / "docs" / SLUG / "voorbeelden").glob("*.md"))
    example.write_text(example.read_text(encoding="utf-8").replace('waarde: "75"', 'waarde: "80"'), encoding="utf-8")
    try:
        result = verschil(project)
        assert result.returncode == 0, result.stderr
        report = (project / "verschil.md").read_text(encoding="utf-8")
    finally:
        git(project, "checkout", "--", "docs")
    assert "Geen verschil" not in report
    assert (f"- `{SLUG}/geschenken` grens `maximale_waarde`: was € 50; wordt € 50; € 75 vanaf 1 januari 2099. "
            "Nieuw vanaf 1 januari 2099.") in report
    section = report.partition(f"### `{SLUG}/geschenken`")[2].partition("\n## ")[0]
    rows = [line for line in section.splitlines() if line.startswith("| soort=")]
    verdict_rows = [row for row in rows if "| uitkomst | vanaf 1 januari 2099 |" in row]
    assert any(row.startswith("| soort=geschenk, waarde=50,01 |") and "**mag-niet**" in row.split(" | ")[3]
               and "**mag-melden**" in row.split(" | ")[4] for row in verdict_rows), section
    assert any(row.startswith("| soort=geld |") and "| reden | nu |" in row and "Geld neem je nooit aan." in row
               for row in rows), section
    assert f"- `{SLUG}/{example.stem}`: de check bij het voorbeeld veranderde" in report


def test_an_unknown_basis_gets_a_dutch_message(project):
    result = verschil(project, "bestaat-niet")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "BASIS=bestaat-niet is geen commit, branch of tag" in result.stderr
