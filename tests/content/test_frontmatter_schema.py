"""The front matter schema rejects what an editor can get wrong, naming file, line and key in Dutch."""
from __future__ import annotations

import pytest

from build_scripts.content_model import ContentError, parse_page
from build_scripts.frontmatter_schema import validate_page, validate_site

THEMES = {"geschenken": "Geschenken", "hulp": "Hulp"}
OVERVIEW = """---
title: Gemeente Voorbeeld
description: Overzicht.
soort: overzicht
organisatie: gemeente-voorbeeld
volgorde: 0
code:
  naam: Gedragscode
  organisatie: Gemeente Voorbeeld
  documentsoort: gedragscode
  versie: "2024"
  geldend_vanaf: 2024-01-01
  voor_wie: Iedereen.
  bronbestand: bron.txt
  hulp: hulp.md
  vertrouwenspersoon: hulp.md#vertrouwenspersoon
---
# Gemeente Voorbeeld
"""
HELP = """---
title: Hulp
description: Waar je terechtkunt.
soort: hulp
organisatie: gemeente-voorbeeld
volgorde: 5
themas: [hulp]
---
# Hulp
"""
THEME = """---
title: Geschenken
description: Wat mag je aannemen?
soort: thema
organisatie: gemeente-voorbeeld
volgorde: 1
themas: [geschenken]
gerelateerd: [hulp.md]
---
# Geschenken
"""
EXAMPLE = """---
title: Een fles wijn
description: Een leverancier stuurt een fles wijn.
soort: voorbeeld
organisatie: gemeente-voorbeeld
id: gv-fles-wijn
themas: [geschenken]
---
Een leverancier stuurt je een fles wijn.

## Wat kun je doen?

Geef de fles terug.
"""


def site(**overrides: str) -> dict:
    sources = {"gemeente-voorbeeld/index.md": OVERVIEW, "gemeente-voorbeeld/hulp.md": HELP,
               "gemeente-voorbeeld/geschenken.md": THEME,
               "gemeente-voorbeeld/voorbeelden/gv-fles-wijn.md": EXAMPLE, **overrides}
    return {path: parse_page(path, text) for path, text in sources.items()}


def errors_for(pages: dict) -> list[ContentError]:
    return validate_site(pages, THEMES)


def only_error(pages: dict) -> ContentError:
    errors = errors_for(pages)
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0]


def test_a_correct_site_has_no_errors():
    assert errors_for(site()) == []


def test_unknown_theme_names_file_line_key_and_suggests_the_right_key():
    error = only_error(site(**{"gemeente-voorbeeld/geschenken.md": THEME.replace("[geschenken]", "[geschenk]")}))
    assert (error.path, error.line, error.key) == ("gemeente-voorbeeld/geschenken.md", 7, "themas")
    assert "onbekend thema 'geschenk'" in error.message and "Bedoel je 'geschenken'" in error.message


def test_misspelt_key_is_reported_with_a_suggestion():
    error = only_error(site(**{"gemeente-voorbeeld/geschenken.md": THEME.replace("volgorde: 1", "volgorde: 1\ntitel: x")}))
    assert error.key == "titel" and "Bedoel je 'title'" in error.message


@pytest.mark.parametrize("key", ["title", "description", "soort"])
def test_missing_required_key(key):
    text = "\n".join(line for line in THEME.splitlines() if not line.startswith(key + ":")) + "\n"
    errors = errors_for(site(**{"gemeente-voorbeeld/geschenken.md": text}))
    assert any(e.key == key and e.path == "gemeente-voorbeeld/geschenken.md" for e in errors)


def test_organisation_must_match_folder():
    error = only_error(site(**{"gemeente-voorbeeld/geschenken.md":
                               THEME.replace("organisatie: gemeente-voorbeeld", "organisatie: andere")}))
    assert error.key == "organisatie" and "gemeente-voorbeeld" in error.message


def test_broken_related_link():
    error = only_error(site(**{"gemeente-voorbeeld/geschenken.md": THEME.replace("[hulp.md]", "[help.md]")}))
    assert error.key == "gerelateerd" and "help.md" in error.message


def test_description_too_long():
    error = only_error(site(**{"gemeente-voorbeeld/hulp.md": HELP.replace("Waar je terechtkunt.", "x" * 201)}))
    assert error.key == "description" and "200" in error.message


def test_order_must_be_a_whole_number():
    error = only_error(site(**{"gemeente-voorbeeld/hulp.md": HELP.replace("volgorde: 5", "volgorde: vijf")}))
    assert error.key == "volgorde" and error.line == 6


def test_overview_date_and_missing_code_key():
    broken = OVERVIEW.replace("geldend_vanaf: 2024-01-01", "geldend_vanaf: 1 januari").replace(
        "  voor_wie: Iedereen.\n", "")
    errors = errors_for(site(**{"gemeente-voorbeeld/index.md": broken}))
    keys = {e.key for e in errors}
    assert keys == {"code.geldend_vanaf", "code.voor_wie"}
    assert next(e for e in errors if e.key == "code.geldend_vanaf").line == 12


def test_example_id_must_equal_file_name():
    error = only_error(site(**{"gemeente-voorbeeld/voorbeelden/gv-fles-wijn.md":
                               EXAMPLE.replace("id: gv-fles-wijn", "id: gv-wijn")}))
    assert error.key == "id" and "bestandsnaam" in error.message


def test_example_needs_its_answer_heading():
    error = only_error(site(**{"gemeente-voorbeeld/voorbeelden/gv-fles-wijn.md":
                               EXAMPLE.replace("## Wat kun je doen?", "## Antwoord")}))
    assert "Wat kun je doen?" in error.message


def test_invalid_yaml_reports_its_line():
    with pytest.raises(ContentError) as caught:
        parse_page("x.md", "---\ntitle: a\ndescription: b: c\n---\n")
    assert caught.value.line == 3 and "geen geldige YAML" in caught.value.message


def test_every_real_page_validates():
    from build_scripts.content_model import read_pages, read_themes
    from tests.conftest import DOCS
    pages, errors = read_pages(DOCS)
    assert errors == []
    assert validate_site(pages, read_themes(DOCS)) == []
    assert all(validate_page(p, pages, read_themes(DOCS)) == [] for p in pages.values())
