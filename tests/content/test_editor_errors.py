"""Every mistake an editor can make fails the build with one Dutch message: file, line, key, what to do.

One table, one row per kind of mistake. Rows in the same group are made together in one copy of the
project and one build (the build reports all of them at once), which keeps the test affordable.
The table is also the catalogue of messages: the guide page 'Wat betekent deze melding?' must
explain every row (test_the_guide_explains_every_message).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site, copy_project

GUIDE = ROOT / "docs" / "handleiding" / "meldingen.md"
BODY = "<body>"      # `at` value: the first line after the front matter


@dataclass(frozen=True)
class Mistake:
    name: str
    group: str
    file: str                    # relative to docs/
    old: str | None              # regular expression replaced once; None appends `new`
    new: str
    key: str | None
    message: str                 # must appear in the message, after the location
    guide: str                   # the generic part of the message, as the guide quotes it
    at: str | None = ""          # text whose line the message names ("" = the new text; None = no line)
    rename_from: str | None = None   # the mistake is a file name: this file is renamed to `file`
    encoding: str = "utf-8"          # the encoding the editor saved the file in


MISTAKES = [
    # Front matter, links, source texts and rule files: reported together, before anything is rendered.
    Mistake("front matter is geen YAML", "yaml", "toegankelijkheid.md", r"soort: info", "soort: [info", None,
            "de front matter is geen geldige YAML", "de front matter is geen geldige YAML", at="volgorde: 31"),
    Mistake("pagina niet in UTF-8", "yaml", "gemeente-utrecht/kernwaarden.md", None, "", None,
            "het bestand is niet opgeslagen als UTF-8", "niet opgeslagen als UTF-8", at=None, encoding="cp1252"),
    Mistake("onbekende sleutel", "inhoud", "privacy.md", r"title: Privacy", "titel: Privacy", "titel",
            "onbekende sleutel 'titel'. Bedoel je 'title'?", "onbekende sleutel"),
    Mistake("onbekende soort", "inhoud", "codes-naast-elkaar.md", r"soort: vergelijking", "soort: vergelijkingen",
            "soort", "'soort' ontbreekt of is onbekend ('vergelijkingen'). Kies uit", "'soort' ontbreekt of is onbekend"),
    Mistake("onbekend thema", "inhoud", "gemeente-utrecht/geschenken.md", r"themas: \[geschenken\]",
            "themas: [geschenk]", "themas", "onbekend thema 'geschenk'. Bedoel je 'geschenken'?", "onbekend thema"),
    Mistake("verkeerde organisatie", "inhoud", "universiteit-twente/meldplicht.md", r"organisatie: universiteit-twente",
            "organisatie: universiteit-twent", "organisatie", "'organisatie' moet 'universiteit-twente' zijn",
            "'organisatie' moet"),
    Mistake("volgorde geen getal", "inhoud", "provincie-utrecht/waarden.md", r"volgorde: \d+", "volgorde: eerste",
            "volgorde", "'volgorde' moet een heel getal (0 of hoger) zijn", "'volgorde' moet een heel getal"),
    Mistake("beschrijving te lang", "inhoud", "provincie-utrecht/middelen.md", r"description: .*",
            "description: " + "Heel lang. " * 20, "description", "houd haar onder 200 tekens",
            "houd haar onder 200 tekens", at="description: "),
    Mistake("id niet gelijk aan bestandsnaam", "inhoud", "gemeente-utrecht/voorbeelden/gu-xtc-op-feest.md",
            r"id: gu-xtc-op-feest", "id: gu-xtc-feest", "id", "moet gelijk zijn aan de bestandsnaam (gu-xtc-op-feest.md)",
            "moet gelijk zijn aan de bestandsnaam"),
    Mistake("voorbeeld zonder antwoordkopje", "inhoud", "gemeente-utrecht/voorbeelden/gu-laptop-dochter.md",
            r"## Wat kun je doen\?", "## Wat doe je?", None, "precies één kopje '## Wat kun je doen?'",
            "precies één kopje '## Wat kun je doen?'", at=BODY),
    Mistake("gerelateerd bestaat niet", "inhoud", "universiteit-maastricht/zorgen.md", r"  - cijfers\.md",
            "  - cijfer.md", "gerelateerd", "de pagina 'cijfer.md' bestaat niet (gezocht: docs/universiteit-maastricht/"
            "cijfer.md)", "bestaat niet (gezocht:", at="gerelateerd:"),
    Mistake("brondocument ontbreekt", "inhoud", "universiteit-maastricht/index.md", r"bronbestand: \S+",
            "bronbestand: 004.txt", "code.bronbestand", "het brondocument 'bronnen/004.txt' bestaat niet",
            "het brondocument"),
    Mistake("link naar een pagina die niet bestaat", "inhoud", "bronnen.md", None, "\n[kapot](bestaat-niet.md)\n",
            "link", "de link 'bestaat-niet.md' wijst naar een pagina die niet bestaat (gezocht: docs/bestaat-niet.md)",
            "wijst naar een pagina die niet bestaat", at="[kapot]"),
    Mistake("link zonder .md", "inhoud", "voorbeelden.md", None, "\n[kapot](gemeente-utrecht/geschenken/)\n", "link",
            "wijst niet naar een .md-bestand", "wijst niet naar een .md-bestand", at="[kapot]"),
    Mistake("verwijzing naar een pagina die niet bestaat", "inhoud", "gemeente-utrecht/informatie.md", None,
            "\nZie [de regeling][regeling].\n\n[regeling]: regeling.md\n", "link",
            "de link 'regeling.md' wijst naar een pagina die niet bestaat", "wijst naar een pagina die niet bestaat",
            at="[regeling]: regeling.md"),
    Mistake("vraag geen blok", "inhoud", "universiteit-twente/regels/geschenken.toml", None,
            'check = "geschenken"\ntitel = "Geschenken"\npagina = "../meldplicht.md"\nvragen = ["wie"]\n', "vragen",
            "elke vraag is een blok [[vragen]]", "elke vraag is een blok", at='vragen = ["wie"]'),
    Mistake("regelbestand geen TOML", "inhoud", "provincie-utrecht/regels/relaties.toml", r'check = "relaties"',
            "check = relaties", None, "het bestand is geen geldige TOML", "het bestand is geen geldige TOML"),
    Mistake("regel met onbekende uitkomst", "inhoud", "provincie-utrecht/regels/geschenken.toml",
            r'uitkomst = "mag-niet"', 'uitkomst = "verboden"', "regels[1]", "'uitkomst' moet een van mag-niet",
            "'uitkomst' moet een van", at="[[regels]]"),
    Mistake("grens als los getal", "inhoud", "gemeente-utrecht/regels/geschenken.toml",
            r"maximale_waarde = \[[^\]]*\]", "maximale_waarde = 50", "grenzen.maximale_waarde",
            "grens 'maximale_waarde' moet een lijst zijn als [ { waarde = 50, bron = ", "moet een lijst zijn als"),
    Mistake("bedrag letterlijk in een tekst", "inhoud", "provincie-utrecht/regels/geschenken.toml",
            r"De code zegt niet of de grens van \{maximale_waarde\}", "De code zegt niet of de grens van 50 euro",
            "regels[12].reden", "de tekst noemt het bedrag 50 euro letterlijk, maar de regel vergelijkt niet met dat "
            "vaste bedrag. Gebruik de grens als plaatshouder ({maximale_waarde})",
            "letterlijk, maar de regel vergelijkt niet", at="De code zegt niet of de grens van 50 euro"),
    Mistake("plaatshouder zonder grens", "inhoud", "provincie-utrecht/regels/geschenken.toml",
            r"nooit meer waard zijn dan \{maximale_waarde\}", "nooit meer waard zijn dan {max_waarde}",
            "regels[1].reden", "de tekst gebruikt {max_waarde}, maar er is geen grens 'max_waarde' onder [grenzen]",
            "maar er is geen grens", at="nooit meer waard zijn dan {max_waarde}"),
    Mistake("bedrag met een komma in TOML", "inhoud", "universiteit-twente/regels/meldroute.toml", None,
            "\n[grenzen]\nmaximum = [ { waarde = 49,99 } ]\n", None,
            "het bestand is geen geldige TOML", "schrijf je met een punt voor de centen", at="49,99"),
    Mistake("datum als 1-1-2027 in TOML", "inhoud", "gemeente-utrecht/regels/meldroute.toml", None,
            "\n[grenzen]\nmaximum = [ { waarde = 50 }, { vanaf = 1-1-2027, waarde = 75 } ]\n", None,
            "het bestand is geen geldige TOML", "vanaf = 2027-01-01", at="1-1-2027"),
    Mistake("tekst zonder aanhalingstekens in TOML", "inhoud", "gemeente-utrecht/regels/nevenwerkzaamheden.toml",
            r'titel = "Moet ik deze nevenwerkzaamheid of dit belang melden\?"',
            "titel = Moet ik deze nevenwerkzaamheid melden?", None, "het bestand is geen geldige TOML",
            "Zet tekst tussen aanhalingstekens", at="titel = Moet ik"),
    Mistake("sleutel twee keer in TOML", "inhoud", "gemeente-utrecht/regels/relaties.toml",
            r'titel = "Moet ik een privérelatie', 'titel = "Dubbel"\ntitel = "Moet ik een privérelatie', None,
            "deze sleutel staat er twee keer", "staat er twee keer", at='titel = "Moet ik een privérelatie'),
    Mistake("sleutel twee keer in front matter", "yaml", "workshop.md", r"soort: index",
            "soort: index\nsoort: info", "soort", "de sleutel 'soort' staat twee keer in de front matter",
            "staat twee keer in de front matter", at="soort: info"),
    Mistake("regelbestand met onbekende naam", "inhoud", "universiteit-maastricht/regels/meldroutes.toml", None, "",
            None, "onbekende check 'meldroutes'", "onbekende check", at=None,
            rename_from="universiteit-maastricht/regels/meldroute.toml"),
    # Once front matter and rule files are sound: checkers on their pages, examples still matching.
    Mistake("voorbeeld verwacht een andere uitkomst", "voorbeelden", "gemeente-utrecht/voorbeelden/gu-bos-bloemen.md",
            r"verwacht: mag-melden", "verwacht: mag", "check.verwacht",
            "dit voorbeeld verwacht de uitkomst 'mag', maar de check geeft nu 'mag-melden'",
            "maar de check geeft nu"),
    Mistake("voorbeeld met ongeldig antwoord", "voorbeelden", "gemeente-utrecht/voorbeelden/gu-flessen-wijn.md",
            r"aanleiding: nee \}", "aanleiding: misschien }", "check.antwoorden",
            "de antwoorden van dit voorbeeld passen niet (meer) bij de check 'geschenken'",
            "passen niet (meer) bij de check", at="antwoorden:"),
    Mistake("voorbeeld verwacht iets dat geen uitkomst is", "voorbeelden",
            "gemeente-utrecht/voorbeelden/gu-rondvaart-projectteam.md", r"verwacht: bespreken", "verwacht: overleggen",
            "check.verwacht", "'overleggen' is geen uitkomst van de check 'geschenken'. Kies uit: mag-niet",
            "is geen uitkomst van de check", at="verwacht: overleggen"),
    Mistake("voorbeeld op geen themapagina", "voorbeelden", "gemeente-utrecht/voorbeelden/gu-bielzen-afvalstation.md",
            r"themas: \[[^\]]*\]", "themas: [handhaving]", "themas", "dit voorbeeld staat op geen enkele themapagina",
            "staat op geen enkele themapagina"),
    Mistake("voorbeeld noemt een check die niet bestaat", "voorbeelden",
            "provincie-utrecht/voorbeelden/pu-fles-wijn-na-presentatie.md", r"naam: geschenken", "naam: cadeaus",
            "check.naam", "'provincie-utrecht' heeft geen check 'cadeaus'. Kies uit:", "heeft geen check"),
    Mistake("check niet op zijn pagina", "voorbeelden", "gemeente-utrecht/geschenken.md",
            r"<!-- codewijzer: check-geschenken -->", "", None,
            "zet de regel <!-- codewijzer: check-geschenken --> op deze pagina", "op deze pagina: daar komt de check",
            at=BODY),
    Mistake("check zonder regelbestand", "voorbeelden", "provincie-utrecht/melden.md", None,
            "\n<!-- codewijzer: check-geschenk -->\n", None, "er is geen regelbestand provincie-utrecht/regels/"
            "geschenk.toml", "er is geen regelbestand", at="check-geschenk -->"),
    Mistake("pagina van een check bestaat niet", "voorbeelden", "universiteit-twente/regels/relaties.toml",
            r'pagina = "\.\./meldplicht\.md"', 'pagina = "../meldplich.md"', "pagina",
            "'pagina' verwijst naar universiteit-twente/meldplich.md, maar die pagina bestaat niet",
            "maar die pagina bestaat niet"),
    # Mistakes found while a page is rendered: the build stops at the first.
    Mistake("onbekende plaatshouder", "plaatshouder", "privacy.md", None, "\n<!-- codewijzer: voorbeeldenn -->\n", None,
            "onbekende plaatshouder 'codewijzer: voorbeeldenn'. Bekend zijn:", "onbekende plaatshouder",
            at="voorbeeldenn"),
    Mistake("afspraak twee keer", "afspraak-dubbel", "gemeente-utrecht/geschenken.md", None,
            "\n- [[2.4]] Nog een keer.\n", None, "afspraak [[2.4]] staat twee keer op deze pagina",
            "staat twee keer op deze pagina", at="- [[2.4]] Nog een keer."),
    Mistake("afspraaknummer midden in een zin", "afspraak-los", "privacy.md", None,
            "\nTekst met [[3.1]] midden in een zin.\n", None, "'[[3.1]]' wordt niet herkend als afspraaknummer",
            "wordt niet herkend als afspraaknummer", at="[[3.1]]"),
    Mistake("stroomschema zonder vervolg", "stroomschema", "privacy.md", None,
            "\n```stroomschema\ntitel: x\nstappen:\n  - vraag: Klopt het?\n    ja: verder\n    nee: verder\n```\n",
            None, "bij de laatste vraag is geen van beide", "bij de laatste vraag", at="titel: x"),
    # Anchors: known once every page is rendered, checked before MkDocs' own (English) warnings.
    Mistake("anker bestaat niet", "ankers", "privacy.md", None,
            "\n[kapot](gemeente-utrecht/geschenken.md#afspraak-9-9)\n", "link",
            "de link 'gemeente-utrecht/geschenken.md#afspraak-9-9' wijst naar het anker '#afspraak-9-9', maar dat "
            "staat niet op gemeente-utrecht/geschenken.md", "maar dat staat niet op", at="[kapot]"),
    Mistake("anker bijna goed", "ankers", "voorbeelden.md", None,
            "\n[bijna](gemeente-utrecht/geschenken.md#afspraak-25a)\n", "link",
            "wijst naar het anker '#afspraak-25a', maar dat staat niet op gemeente-utrecht/geschenken.md. Bedoel je "
            "#afspraak-2-5a?", "Bedoel je #", at="[bijna]"),
    Mistake("bron van een regel bestaat niet meer", "ankers", "gemeente-utrecht/regels/geschenken.toml",
            r"geschenken\.md#afspraak-2-4\"\]", 'geschenken.md#afspraak-2-44"]', "bron",
            "de bron '#afspraak-2-44' bestaat niet (meer) op gemeente-utrecht/geschenken.md", "bestaat niet (meer) op",
            at="#afspraak-2-44"),
    Mistake("afspraak van een voorbeeld bestaat niet", "ankers", "gemeente-utrecht/voorbeelden/gu-bos-bloemen.md",
            r"afspraak-2-5a,", "afspraak-2-55,", "link", "wijst naar het anker '#afspraak-2-55'",
            "wijst naar het anker", at="afspraak-2-55,"),
    Mistake("anker in een voorbeeld op een themapagina", "ankers", "gemeente-utrecht/voorbeelden/gu-flessen-wijn.md",
            None, "\nZie ook [deze afspraak](../geschenken.md#afspraak-7-7).\n", "link",
            "wijst naar het anker '#afspraak-7-7'", "wijst naar het anker", at="[deze afspraak]"),
    Mistake("anker van de vertrouwenspersoon bestaat niet", "ankers", "provincie-utrecht/index.md",
            r"vertrouwenspersoon: hulp\.md#vertrouwenspersoon", "vertrouwenspersoon: hulp.md#nergens",
            "code.vertrouwenspersoon", "het anker '#nergens' staat niet op provincie-utrecht/hulp.md",
            "staat niet op"),
    # The list of themes itself.
    Mistake("themalijst geen YAML", "themas", "themas.yml", None, "kapot: a: b\n", None,
            "het bestand is geen geldige YAML", "het bestand is geen geldige YAML"),
]


def _apply(docs: Path, mistake: Mistake) -> None:
    path = docs / mistake.file
    if mistake.rename_from:
        (docs / mistake.rename_from).rename(path)
        return
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if mistake.old is None:
        changed = text + mistake.new
    else:
        changed, count = re.subn(mistake.old, lambda _: mistake.new, text, count=1)
        assert count == 1, f"{mistake.name}: '{mistake.old}' not found in {mistake.file}"
    path.write_text(changed, encoding=mistake.encoding)


def _expected_line(docs: Path, mistake: Mistake) -> int | None:
    if mistake.at is None:
        return None
    lines = (docs / mistake.file).read_text(encoding="utf-8").splitlines()
    if mistake.at == BODY:
        closing = [n for n, line in enumerate(lines, 1) if line.strip() == "---"][1]
        return closing + 1
    needle = mistake.at or mistake.new.strip().splitlines()[0]
    return next(n for n, line in enumerate(lines, 1) if needle in line)


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Build each group once, lazily: group -> (project docs, build result)."""
    done: dict[str, tuple[Path, object]] = {}

    def build(group: str):
        if group not in done:
            project = copy_project(tmp_path_factory.mktemp(group) / "project")
            for mistake in MISTAKES:
                if mistake.group == group:
                    _apply(project / "docs", mistake)
            done[group] = (project / "docs", build_site(project, project / "site"))
        return done[group]
    return build


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_mistake_gives_one_dutch_message_with_file_line_key_and_hint(mistake, builds):
    docs, result = builds(mistake.group)
    assert result.returncode != 0, f"{mistake.name}: the build did not fail"
    assert "Traceback" not in result.stderr
    assert "WARNING" not in result.stderr, f"MkDocs' own warning came first:\n{result.stderr}"
    line = _expected_line(docs, mistake)
    location = f"docs/{mistake.file}" + (f":{line}" if line else "") + (f" [{mistake.key}]" if mistake.key else "") + ": "
    reported = [text for text in result.stderr.splitlines() if location in text]
    assert reported, f"{mistake.name}: no message starting with '{location}' in:\n{result.stderr}"
    assert len(reported) == 1, f"{mistake.name}: more than one message for '{location}':\n" + "\n".join(reported)
    assert mistake.message in reported[0], f"{mistake.name}: expected '{mistake.message}' in:\n{reported[0]}"
    assert mistake.guide in reported[0]
    hint = reported[0].split(mistake.message, 1)[1] + reported[0].split(": ", 1)[1]
    assert re.search(r"\b(zet|kies|controleer|gebruik|pas|bedoel|geef|houd|schrijf|verwijs|link|haal|elke|hernoem|"
                     r"beschrijf|moet|hoort|toegestaan|bekend|klopt|sla)\b", hint, re.I), \
        f"{mistake.name}: the message does not say what to do:\n{reported[0]}"


def test_the_guide_explains_every_message():
    guide = GUIDE.read_text(encoding="utf-8")
    missing = [m.guide for m in MISTAKES if m.guide not in guide]
    assert not missing, f"docs/handleiding/meldingen.md does not explain: {missing}"
