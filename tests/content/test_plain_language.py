"""Plain language: every abbreviation in our texts is explained (site glossary, <abbr> on every page),
and our own texts avoid the words in docs/te-vermijden-woorden.yml. The codes' own text is quoted
faithfully and is not checked."""
from __future__ import annotations

import json
import re

import markdown
import pytest

from build_scripts.content_model import read_pages
from build_scripts.plain_language import (abbreviations_in, find_words, load_glossary, load_words_to_avoid,
                                          own_lines_of_data, own_lines_of_page, Finding)
from tests.conftest import DOCS
from tests.site_html import html_pages

# Words that look like abbreviations but are none a reader needs explained: a postcode's letters,
# part of a court's case number, a system's name.
NOT_ABBREVIATIONS = {"TH", "RBGEL", "MijnHR"}


def employee_texts() -> list[tuple[str, str]]:
    """(path, text) of every page employees read (not the editors' guide) and every rule file."""
    pages, _ = read_pages(DOCS)
    texts = [(path, page.body + "\n" + str(page.meta.get("title", "")) + "\n" + str(page.meta.get("description", "")))
             for path, page in pages.items() if not path.startswith("handleiding/")]
    texts += [(p.relative_to(DOCS).as_posix(), p.read_text(encoding="utf-8"))
              for p in sorted(DOCS.glob("*/regels/*.toml"))]
    return texts


def test_the_glossary_explains_every_abbreviation_in_our_pages_and_rules():
    glossary, errors = load_glossary(DOCS)
    assert not errors and glossary
    missing = {}
    for path, text in employee_texts():
        for word in abbreviations_in(text) - set(glossary) - NOT_ABBREVIATIONS:
            missing.setdefault(word, path)
    assert not missing, ("Deze afkortingen staan niet in docs/afkortingen.yml: "
                         + ", ".join(f"{w} (bijvoorbeeld in docs/{p})" for w, p in sorted(missing.items())))


def test_abbreviation_finder_catches_and_spares():
    assert abbreviations_in("Het team SV, het CCP en de CvB; een PhD-kandidaat.") == {"SV", "CCP", "CvB", "PhD"}
    assert abbreviations_in("Zie [de link](https://www.example.nl/ABC/) en {#afspraak-2-1}. Een Zin.") == set()


def test_the_abbr_extension_explains_an_abbreviation_where_it_appears():
    html = markdown.markdown("Ga naar het CCP of de PhD-vertrouwenspersoon.", extensions=["abbr"],
                             extension_configs={"abbr": {"glossary": {"CCP": "Concerns & Complaints Point",
                                                                      "PhD": "promovendus"}}})
    assert '<abbr title="Concerns &amp; Complaints Point">CCP</abbr>' in html
    assert '<abbr title="promovendus">PhD</abbr>-vertrouwenspersoon' in html


def test_built_pages_carry_the_glossary(built_site):
    glossary = json.loads((built_site / "assets" / "afkortingen.json").read_text(encoding="utf-8"))
    assert glossary == load_glossary(DOCS)[0]
    marked = 0
    for path in html_pages(built_site):
        for title, word in re.findall(r'<abbr title="([^"]*)">([^<]*)</abbr>', path.read_text(encoding="utf-8")):
            marked += 1
            assert word in glossary, f"{path}: <abbr> for {word} without a glossary entry"
    assert marked > 0


def test_our_own_texts_avoid_the_listed_words():
    words, errors = load_words_to_avoid(DOCS)
    assert not errors and words
    findings: list[Finding] = []
    pages, _ = read_pages(DOCS)
    for path in pages:
        if path.startswith("handleiding/"):
            continue
        text = (DOCS / path).read_text(encoding="utf-8")
        findings += [Finding(path, line, word, better) for line, own in own_lines_of_page(text)
                     for word, better in find_words(own, words)]
    for file in sorted(DOCS.glob("*/regels/*.toml")) + sorted(DOCS.glob("*/contactpunten.yml")):
        path = file.relative_to(DOCS).as_posix()
        findings += [Finding(path, line, word, better) for line, own in own_lines_of_data(file.read_text(encoding="utf-8"))
                     for word, better in find_words(own, words)]
    assert not findings, "Schrijf eenvoudiger:\n" + "\n".join(f.message() for f in findings)


def test_words_check_finds_officialese_but_not_in_quotes():
    words = {"onverwijld": "meteen", "dienen te": "moeten"}
    assert find_words("Je meldt dit onverwijld bij je leidinggevende.", words) == [("onverwijld", "meteen")]
    assert find_words("Medewerkers Dienen Te melden.", words) == [("dienen te", "moeten")]
    assert find_words("De code zegt: ‘je meldt dit onverwijld’.", words) == []
    assert find_words("Een onverwijlde melding", words) == []          # a whole word, not a part


def test_only_our_boxes_and_description_count_as_our_text():
    page = ("---\ntitle: X\ndescription: Je dient te melden.\n---\n\nDe code: je dient te melden.\n\n"
            '!!! abstract "In het kort"\n    Meld het onverwijld.\n\nWeer tekst van de code.\n')
    lines = dict(own_lines_of_page(page))
    assert 3 in lines and 9 in lines and 6 not in lines and 11 not in lines


@pytest.mark.parametrize("text, line, fragment", [
    ("CCP: Concerns & Complaints Point\nSV: Sociale: Veiligheid\n", 2, "geen geldige YAML"),
    ("CCP: Concerns & Complaints Point\nSV:\n", 2, "de uitleg ontbreekt"),
    ("C.C.P.: punt\n", None, "geen afkorting"),
])
def test_glossary_errors_are_dutch_with_line(tmp_path, text, line, fragment):
    (tmp_path / "afkortingen.yml").write_text(text, encoding="utf-8")
    _, errors = load_glossary(tmp_path)
    assert errors and fragment in errors[0].message and errors[0].line == line
    assert str(errors[0]).startswith("afkortingen.yml")
