"""A broken link, anchor, placeholder or front matter fails the real build with a message naming the file."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import build_site, copy_project


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def append(project: Path, page: str, text: str) -> None:
    path = project / "docs" / page
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.mark.parametrize("addition, expected", [
    ("\n[kapot](bestaat-niet.md)\n", "bestaat-niet.md"),
    ("\n[kapot](../gemeente-utrecht/index.md#geen-anker)\n", "geen-anker"),
    ("\n<!-- codewijzer: voorbeeldenn -->\n", "onbekende plaatshouder 'codewijzer: voorbeeldenn'"),
    ("\n```stroomschema\ntitel: x\nstappen:\n  - vraag: ja?\n    ja: verder\n    nee: verder\n```\n",
     "bij de laatste vraag"),
])
def test_content_error_fails_the_build_and_names_the_file(project, tmp_path, addition, expected):
    append(project, "privacy.md", addition)
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert expected in result.stderr
    assert "privacy.md" in result.stderr


def test_front_matter_error_names_file_line_and_key(project, tmp_path):
    path = project / "docs" / "privacy.md"
    path.write_text(path.read_text(encoding="utf-8").replace("soort: info", "soort: informatie"), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/privacy.md:4 [soort]" in result.stderr and "Kies uit" in result.stderr


def test_unchanged_copy_builds(project, tmp_path):
    """The fixture itself is sound, so the failures above come from the injected errors."""
    assert build_site(project, tmp_path / "site").returncode == 0
