"""The "Wijzigingen" page of a code: the editor's list is checked with Dutch messages naming file,
line and key, shown newest first with links to the changed pages, and is in each code's menu."""
from __future__ import annotations

import re

import pytest

from build_scripts.change_log import render_changes
from build_scripts.content_model import parse_page, read_pages
from build_scripts.frontmatter_schema import validate_page, validate_site
from tests.conftest import DOCS, ORGANISATIONS
from tests.content.test_frontmatter_schema import HELP, OVERVIEW, THEME, THEMES

CHANGES = """---
title: Wijzigingen
description: Wat er wanneer veranderde.
soort: wijzigingen
organisatie: gemeente-voorbeeld
volgorde: 100
wijzigingen:
  - datum: 2020
    versie: "2020"
    wat: De gemeente publiceert de code.
  - datum: 2027-01-01
    versie: "2027"
    wat: Het maximum voor geschenken wordt € 75.
    paginas: [geschenken.md, hulp.md#vertrouwenspersoon]
  - datum: null
    wat: Een eerdere versie, datum onbekend.
  - datum: 2026-11-22
    wat: Codewijzer publiceert de code.
---
# Wijzigingen
"""


def site(changes: str = CHANGES) -> dict:
    texts = {"gemeente-voorbeeld/index.md": OVERVIEW, "gemeente-voorbeeld/hulp.md": HELP,
             "gemeente-voorbeeld/geschenken.md": THEME, "gemeente-voorbeeld/wijzigingen.md": changes}
    return {path: parse_page(path, text) for path, text in texts.items()}


def errors_of(changes: str) -> list:
    pages = site(changes)
    return validate_page(pages["gemeente-voorbeeld/wijzigingen.md"], pages, THEMES)


def test_a_valid_change_list_passes():
    assert errors_of(CHANGES) == []


def test_entries_are_shown_newest_first_with_links_and_honest_dates():
    pages = site()
    html = render_changes(pages["gemeente-voorbeeld/wijzigingen.md"], {p: v.meta["title"] for p, v in pages.items()})
    order = [html.index(text) for text in ("2027-01-01", "2026-11-22", 'datetime="2020"', "datum onbekend")]
    assert order == sorted(order)
    assert '<time datetime="2027-01-01">1 januari 2027</time>' in html
    assert "Datum niet vermeld in de bron" in html
    assert "· versie 2027: Het maximum voor geschenken wordt € 75. Gewijzigd: [Geschenken](geschenken.md), " \
           "[Hulp](hulp.md#vertrouwenspersoon)." in html


@pytest.mark.parametrize("old, new, key, line, fragment", [
    ("  - datum: 2027-01-01\n", "  - datum: 1 januari 2027\n", "wijzigingen[2].datum", 11, "geen datum"),
    ("    wat: De gemeente publiceert de code.\n", "", "wijzigingen[1].wat", 8, "'wat' ontbreekt"),
    ("  - datum: null\n    wat:", "  - wat:", "wijzigingen[3]", 15, "'datum' ontbreekt"),
    ("  - datum: null\n", "  - datum: null\n    wanneer: gisteren\n", "wijzigingen[3].wanneer", 16, "onbekende sleutel"),
    ("paginas: [geschenken.md,", "paginas: [geschenk.md,", "wijzigingen[2].paginas", 14, "bestaat niet"),
    ('    versie: "2020"\n', "    versie: 2020\n", "wijzigingen[1].versie", 9, "tussen aanhalingstekens"),
])
def test_mistakes_name_line_and_key(old, new, key, line, fragment):
    assert old in CHANGES
    errors = errors_of(CHANGES.replace(old, new, 1))
    assert [(e.key, e.line) for e in errors] == [(key, line)], [str(e) for e in errors]
    assert fragment in errors[0].message and errors[0].path == "gemeente-voorbeeld/wijzigingen.md"


def test_an_empty_list_is_refused():
    text = re.sub(r"wijzigingen:\n(  .*\n)+", "wijzigingen: []\n", CHANGES)
    [error] = errors_of(text)
    assert error.key == "wijzigingen" and "minstens één wijziging" in error.message


def test_the_key_belongs_only_on_a_changes_page():
    text = THEME.replace("themas: [geschenken]", "themas: [geschenken]\nwijzigingen: []")
    pages = site()
    pages["gemeente-voorbeeld/geschenken.md"] = parse_page("gemeente-voorbeeld/geschenken.md", text)
    errors = validate_page(pages["gemeente-voorbeeld/geschenken.md"], pages, THEMES)
    assert [e.key for e in errors] == ["wijzigingen"]


def test_one_changes_page_per_organisation():
    pages = site()
    pages["gemeente-voorbeeld/historie.md"] = parse_page("gemeente-voorbeeld/historie.md", CHANGES)
    errors = validate_site(pages, THEMES)
    assert [(e.path, e.key) for e in errors] == [("gemeente-voorbeeld/wijzigingen.md", "soort")]


def test_every_code_has_a_changes_page_with_codewijzers_publication():
    pages, _ = read_pages(DOCS)
    for org in ORGANISATIONS:
        page = pages[f"{org}/wijzigingen.md"]
        assert page.kind == "wijzigingen"
        entries = page.meta["wijzigingen"]
        assert any("Codewijzer publiceert" in e["wat"] for e in entries), org
        # The code's own publication, dated only as the document dates it (never an invented day).
        assert any("publiceert" in e["wat"] and "Codewijzer" not in e["wat"] for e in entries), org
        assert all(e["datum"] is None or isinstance(e["datum"], int) for e in entries), org


def test_the_changes_page_is_in_each_codes_menu(built_site):
    for org in ORGANISATIONS:
        html = (built_site / org / "index.html").read_text(encoding="utf-8")
        nav = html[html.index('md-nav--primary'):]
        assert re.search(rf'href="wijzigingen/"[^>]*>\s*(<span[^>]*>\s*)?Wijzigingen', nav), org
        listing = (built_site / org / "wijzigingen" / "index.html").read_text(encoding="utf-8")
        assert '<div class="cw-wijzigingen">' in listing and "Codewijzer publiceert" in listing
