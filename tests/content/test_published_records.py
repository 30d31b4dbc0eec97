"""Published addresses record themselves: a build appends new anchors, example ids and workshop sets to
tests/content/*.txt, and fails in Dutch only when a recorded one disappears, naming what is gone and
which files still point at it. A one-code build records nothing. Runs on a copy of the project."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_scripts.published import read_record
from tests.conftest import ROOT, build_site, copy_project

RECORDS = ["anchors.txt", "example_ids.txt", "workshop_sets.txt"]
NEW_THEME_PAGE = """---
title: Thuiswerken
description: Wat de gedragscode zegt over werken buiten kantoor.
soort: thema
organisatie: {org}
volgorde: 12
themas: [proefthema]
---

# Thuiswerken

## Wat zijn de afspraken?

- [[99.1]] De tekst van de eerste afspraak.

## Praktijkvoorbeelden

<!-- codewijzer: voorbeelden -->
"""
NEW_EXAMPLE = """---
title: Thuiswerken op vrijdag
description: Een collega vraagt of je op vrijdag thuis mag werken.
soort: voorbeeld
organisatie: {org}
id: {id}
themas: [proefthema]
---

Een collega vraagt of je op vrijdag thuis mag werken, ook als er een overleg op kantoor is.

## Wat kun je doen?

Bespreek het met je leidinggevende en spreek af hoe je bereikbaar bent.
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("records") / "project")
    (project / "tests" / "content").mkdir(parents=True)
    for name in RECORDS:
        shutil.copy(ROOT / "tests" / "content" / name, project / "tests" / "content" / name)
    return project


@pytest.fixture(scope="module")
def added(project, tmp_path_factory) -> dict:
    """A new theme, theme page and example in the copy, built once: what the build recorded."""
    example = sorted((project / "docs").glob("*/voorbeelden/*.md"))[0]
    org, prefix = example.parent.parent.name, example.stem.split("-")[0]
    themes = project / "docs" / "themas.yml"
    themes.write_text(themes.read_text(encoding="utf-8") + "proefthema: Proefthema van de test\n",
                      encoding="utf-8")
    (project / "docs" / org / "proefthema.md").write_text(NEW_THEME_PAGE.format(org=org), encoding="utf-8")
    new_id = f"{prefix}-proefthema-vrijdag"
    (project / "docs" / org / "voorbeelden" / f"{new_id}.md").write_text(
        NEW_EXAMPLE.format(org=org, id=new_id), encoding="utf-8")
    before = {name: read_record(project / "tests" / "content" / name) for name in RECORDS}
    result = build_site(project, tmp_path_factory.mktemp("records-site"))
    assert result.returncode == 0, result.stderr
    after = {name: read_record(project / "tests" / "content" / name) for name in RECORDS}
    return {"org": org, "id": new_id, "before": before, "after": after}


def test_a_build_records_a_new_page_example_and_workshop_set(added):
    org, new_id, before, after = added["org"], added["id"], added["before"], added["after"]
    for name in RECORDS:
        assert after[name][:len(before[name])] == before[name], f"{name}: recorded lines changed"
    assert f"{org}/proefthema/#afspraak-99-1" in after["anchors.txt"]
    assert f"{org}/proefthema/#voorbeeld-{new_id}" in after["anchors.txt"]
    assert new_id in after["example_ids.txt"] and f"{org}/proefthema" in after["workshop_sets.txt"]


def test_a_build_fails_in_dutch_when_a_recorded_example_disappears(project, added, tmp_path):
    org, example_id = added["org"], added["id"]
    (project / "docs" / org / "voorbeelden" / f"{example_id}.md").unlink()
    page = project / "docs" / org / "proefthema.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\nZie ook het voorbeeld {example_id}.\n", encoding="utf-8")
    line = len(page.read_text(encoding="utf-8").splitlines())
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "Deze gepubliceerde praktijkvoorbeelden bestaan niet meer (1)" in result.stderr
    assert f"  - {example_id}. Hier wordt nog naar verwezen: docs/{org}/proefthema.md:{line}" in result.stderr
    assert "Haal de regel dan weg uit tests/content/example_ids.txt" in result.stderr
    assert "Deze gepubliceerde ankers bestaan niet meer" in result.stderr and f"#voorbeeld-{example_id}" in result.stderr
    assert "Deze gepubliceerde workshopsets bestaan niet meer" in result.stderr
    assert example_id in read_record(project / "tests" / "content" / "example_ids.txt")


@pytest.mark.parametrize("kind", ["one code", "concept (make serve)"])
def test_a_one_code_or_concept_build_records_and_checks_nothing(project, added, tmp_path, kind):
    """The example removed above is still missing: neither build fails on it, and neither records."""
    before = {name: (project / "tests" / "content" / name).read_text(encoding="utf-8") for name in RECORDS}
    result = (build_site(project, tmp_path / "site", code=added["org"]) if kind == "one code"
              else build_site(project, tmp_path / "site", extra_env={"CODEWIJZER_CONCEPT": "ja"}))
    assert result.returncode == 0, result.stderr
    for name in RECORDS:
        assert (project / "tests" / "content" / name).read_text(encoding="utf-8") == before[name]
