"""All of each source document is on the site: its sections by name, and its text by measure.

The measure: the source text is cut into overlapping runs of six words (after repairing the
extraction's hyphenation); the share of runs that also occur in the organisation's published
pages must stay above a floor measured when the content was written. Dropping a section, a
list or a long paragraph lowers it below the floor.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.site_html import parse_html

SEEDS = ROOT / "docs" / "bronnen"
SOURCES = {
    "universiteit-twente": "000_c237fda25ba0f3c4.txt",
    "gemeente-utrecht": "001_7ec8b5be633018cc.txt",
    "provincie-utrecht": "002_61b2422cca1aea88.txt",
    "universiteit-maastricht": "004_4b5c84551b1f92c2.txt",
}
# Measured on 2026-11-22 (UT 88.8%, GU 91.1%, PU 96.6%, UM 96.9%) minus a few points of slack. What is
# left over is noise by design: repeated URLs, glued footnote markers, page headers, section numbers.
FLOORS = {"universiteit-twente": 0.85, "gemeente-utrecht": 0.87, "provincie-utrecht": 0.93,
          "universiteit-maastricht": 0.93}
# Every part of each document, by the name it has in the source.
SECTIONS = {
    "universiteit-twente": ["Inleiding", "Reikwijdte", "Relaties op het werk", "Integriteitsrisico",
                            "Gedragsnormen", "Relaties en meldplicht", "Relaties tussen medewerkers en studenten",
                            "Relaties tussen medewerkers onderling", "Relaties tussen leidinggevenden",
                            "Relaties tussen medewerkers en externe", "Onduidelijkheid over meldplicht",
                            "Omgang met de melding", "Maatregelen", "Klachten", "Evaluatie"],
    "gemeente-utrecht": ["Voorwoord", "Waarom deze gedragscode", "Voor wie geldt deze gedragscode",
                         "Integriteitsverklaring", "Kernwaarden", "Open", "Wendbaar", "Scherp", "Betrouwbaar",
                         "Omgaan met elkaar", "Voorkomen van corruptie", "Voorkomen van belangenverstrengeling",
                         "Omgaan met informatie", "Omgaan met spullen van de gemeente", "Omgaan met bevoegdheden",
                         "Onafhankelijk adviseren", "Gedrag in privésfeer", "Wat zijn de afspraken?",
                         "Waarom vinden we dit belangrijk?", "Wat kun je doen?",
                         "Wat moet ik doen, waar kan ik terecht?"],
    "provincie-utrecht": ["Waarom een gedragscode", "Status van deze gedragscode", "Dienstbaarheid",
                          "Professionaliteit", "Onafhankelijkheid", "Verantwoordelijkheid", "Betrouwbaarheid",
                          "Zorgvuldigheid", "Geschenken", "Uitnodigingen", "Commerciële activiteiten",
                          "Dienst- en poolauto", "Financiële belangen", "Nevenwerkzaamheden", "lobbyisten",
                          "Inkoop, inhuur en aanbesteding", "Draaideur", "onafhankelijk onderzoek",
                          "Geheimhoudingsplicht", "media", "Provinciale Staten", "Persoonlijke meningsuiting",
                          "sociale media", "Omgangsvormen", "Ongewenste privécontacten", "Eed en belofte",
                          "Het goede gesprek", "De rol van de vertrouwenspersoon", "Melding maken",
                          "Externe melding", "Huis voor Klokkenluiders"],
    "universiteit-maastricht": ["Leeswijzer", "Ombudsfunctionaris", "PhD-vertrouwenspersonen", "Concerns & Complaints Point",
                                "Missie", "Stappenplan", "Activiteiten", "Aantal melders", "Aantal meldingen",
                                "Aard van de meldingen", "Behandeling van meldingen", "Onderzoeken", "Zorgen",
                                "Ervaringen", "Aanbevelingen", "leiderschap", "De rol van HR", "Extern onderzoek",
                                "UM-regelgeving"],
}
RUN = 6


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)       # hyphenation across lines
    return re.findall(r"[a-zà-ÿ0-9]+", text.lower())


def runs(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + RUN]) for i in range(len(tokens) - RUN + 1)}


# Codewijzer's additions inside the source's sentences: agreement numbers and footnote references.
ADDED = re.compile(r'<a [^>]*class="cw-afspraak"[^>]*>.*?</a>|<sup [^>]*id="fnref[^>]*>.*?</sup>', re.S)


def published_words(site: Path, org: str) -> list[str]:
    return words("\n".join(parse_html(ADDED.sub(" ", path.read_text(encoding="utf-8"))).content_text
                           for path in sorted((site / org).rglob("index.html"))))


def coverage(site: Path, org: str) -> float:
    source = runs(words((SEEDS / SOURCES[org]).read_text(encoding="utf-8")))
    published = runs(published_words(site, org))
    return len(source & published) / len(source)


@pytest.mark.parametrize("org", SOURCES)
def test_source_text_is_published(built_site, org):
    share = coverage(built_site, org)
    assert share >= FLOORS[org], f"{org}: only {share:.1%} of the source's six-word runs are on the site"


@pytest.mark.parametrize("org", SOURCES)
def test_every_section_of_the_source_is_there(built_site, org):
    text = "\n".join(parse_html(p.read_text(encoding="utf-8")).content_text
                     for p in (built_site / org).rglob("index.html")).lower()
    missing = [s for s in SECTIONS[org] if s.lower() not in text]
    assert missing == [], f"{org}: sections missing: {missing}"


def test_the_measure_notices_a_dropped_section(built_site):
    """Remove one section's words from the published text: coverage must fall."""
    org = "universiteit-twente"
    full = coverage(built_site, org)
    source = runs(words((SEEDS / SOURCES[org]).read_text(encoding="utf-8")))
    text = " ".join(published_words(built_site, org))
    cut = text[: len(text) // 2]
    assert len(source & runs(cut.split())) / len(source) < full - 0.2
