"""`make build CODE=<slug>`: a site with one organisation's code only, for its intranet."""
from __future__ import annotations

import pytest

import json

import yaml

from tests.conftest import DOCS, ORGANISATIONS, ROOT, build_site
from tests.site_html import html_pages

CODE = "gemeente-utrecht"
OTHERS = [org for org in ORGANISATIONS if org != CODE]


@pytest.fixture(scope="module")
def one_code_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("one-code-site")
    result = build_site(ROOT, site, code=CODE)
    assert result.returncode == 0, f"the one-code site does not build:\n{result.stderr}"
    return site


def test_only_the_chosen_code_is_built(one_code_site):
    assert (one_code_site / CODE / "geschenken" / "index.html").is_file()
    for org in OTHERS:
        assert not (one_code_site / org).exists(), org
    assert not (one_code_site / "codes-naast-elkaar").exists()


def test_no_page_mentions_or_links_another_code(one_code_site):
    """Links, menu, search index and sitemap: nothing points at another organisation or the comparison."""
    files = [*html_pages(one_code_site), one_code_site / "search" / "search_index.json",
             one_code_site / "sitemap.xml"]
    for path in files:
        text = path.read_text(encoding="utf-8")
        for gone in [*OTHERS, "codes-naast-elkaar"]:
            assert gone not in text, f"{path.relative_to(one_code_site)} still mentions {gone}"


def test_only_the_codes_own_source_text_is_published(one_code_site):
    overview = yaml.safe_load((DOCS / CODE / "index.md").read_text(encoding="utf-8").split("---")[1])
    sources = {p.name for p in (one_code_site / "bronnen").glob("*.txt")}
    assert sources == {overview["code"]["bronbestand"]}


def test_the_editors_guide_is_left_out_and_not_found_by_search(one_code_site):
    """An intranet's readers are employees: the guide (GitHub, pull requests, other codes) is not there."""
    assert not (one_code_site / "handleiding").exists()
    index = json.loads((one_code_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert not [loc for loc in locations if loc.startswith("handleiding/")]
    assert not [loc for loc in locations if loc.split("/")[0] in OTHERS]
    assert any(loc.startswith(CODE + "/") for loc in locations)
    for path in html_pages(one_code_site):
        assert 'href="handleiding/' not in path.read_text(encoding="utf-8").replace("../", ""), path


def test_handleiding_ja_keeps_the_guide_without_other_codes(tmp_path):
    site = tmp_path / "site"
    result = build_site(ROOT, site, code=CODE, extra_env={"CODEWIJZER_HANDLEIDING": "ja"})
    assert result.returncode == 0, result.stderr
    assert (site / "handleiding" / "index.html").is_file()
    guide = (site / "handleiding" / "tekst-wijzigen" / "index.html").read_text(encoding="utf-8")
    assert not [org for org in OTHERS if f"{org}/" in guide]


def test_start_page_keeps_its_other_sections(one_code_site):
    start = (one_code_site / "index.html").read_text(encoding="utf-8")
    assert 'href="gemeente-utrecht/"' in start and 'href="voorbeelden/"' in start
    assert "Codes naast elkaar" not in start


def test_an_unknown_code_gets_a_dutch_message(tmp_path):
    result = build_site(ROOT, tmp_path / "site", code="gemeente-utrech")
    assert result.returncode != 0
    assert "CODE=gemeente-utrech is geen organisatie in docs/. Kies uit:" in result.stderr
    assert "gemeente-utrecht" in result.stderr and "Traceback" not in result.stderr
