"""`make build CODE=<slug>`: a site with one organisation's code only, for its intranet."""
from __future__ import annotations

import pytest

from tests.conftest import ORGANISATIONS, ROOT, build_site
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
    sources = {p.name for p in (one_code_site / "bronnen").glob("*.txt")}
    assert sources == {"001_7ec8b5be633018cc.txt"}


def test_start_page_keeps_its_other_sections(one_code_site):
    start = (one_code_site / "index.html").read_text(encoding="utf-8")
    assert 'href="gemeente-utrecht/"' in start and 'href="voorbeelden/"' in start
    assert "Codes naast elkaar" not in start


def test_an_unknown_code_gets_a_dutch_message(tmp_path):
    result = build_site(ROOT, tmp_path / "site", code="gemeente-utrech")
    assert result.returncode != 0
    assert "CODE=gemeente-utrech is geen organisatie in docs/. Kies uit:" in result.stderr
    assert "gemeente-utrecht" in result.stderr and "Traceback" not in result.stderr
