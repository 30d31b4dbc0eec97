"""Create the skeleton of a new organisation's code: `make new-code NAAM=<slug>`.

    python -m build_scripts.new_code gemeente-voorbeeld [--docs docs]

The skeleton builds and passes every check at once. Every text an editor still has to write is
marked with TODO, so "zoek naar TODO" is the whole to-do list (see the guide in docs/handleiding/).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
SLUG = re.compile(r"^[a-z]+(-[a-z0-9]+)+$")
RESERVED = {"assets", "bronnen", "handleiding", "voorbeelden", "search"}


class NewCodeError(ValueError):
    """A Dutch message for the person who runs make new-code."""


def display_name(slug: str) -> str:
    """'gemeente-voorbeeld' -> 'Gemeente Voorbeeld' (the editor corrects it in index.md)."""
    return " ".join(part.capitalize() for part in slug.split("-"))


def example_prefix(slug: str) -> str:
    """Two letters for example ids: the initials of the first two words ('gemeente-voorbeeld' -> 'gv')."""
    parts = slug.split("-")
    return (parts[0][0] + parts[1][0]) if parts[1][0].isalpha() else parts[0][:2]


def check_slug(slug: str, docs_dir: Path) -> None:
    if not SLUG.match(slug):
        raise NewCodeError(f"'{slug}' is geen geldige naam. Gebruik kleine letters en streepjes, minstens twee "
                           "woorden, zoals de naam in de URL: make new-code NAAM=gemeente-voorbeeld")
    if slug in RESERVED or (docs_dir / slug).exists() or (docs_dir / f"{slug}.md").exists():
        raise NewCodeError(f"docs/{slug} bestaat al. Kies een andere naam, of bewerk de bestaande map.")
    taken = {p.name[:2] for p in docs_dir.glob("*/voorbeelden/*.md")}
    if example_prefix(slug) in taken:
        raise NewCodeError(f"de afkorting '{example_prefix(slug)}' voor de voorbeelden van '{slug}' is al in "
                           "gebruik. Kies een naam met andere beginletters.")


def skeleton(slug: str) -> dict[str, str]:
    """The files of a new code, relative to docs/."""
    name, prefix = display_name(slug), example_prefix(slug)
    example_id = f"{prefix}-voorbeeld-geschenk"
    return {
        f"bronnen/{slug}.txt": f"TODO: zet hier de volledige tekst van de gedragscode van {name}.\n",
        f"{slug}/index.md": f"""---
title: {name}
description: "TODO: de gedragscode van {name} in één zin."
soort: overzicht
organisatie: {slug}
volgorde: 0
code:
  naam: "TODO: de titel van de gedragscode, zoals het document hem noemt"
  organisatie: {name}
  documentsoort: gedragscode
  versie: null            # TODO: de versie zoals het document die noemt, tussen aanhalingstekens: "2024"
  geldend_vanaf: null     # TODO: de datum waarop de code ingaat, als JJJJ-MM-DD
  voor_wie: "TODO: voor wie de code geldt."
  bronbestand: {slug}.txt
  hulp: hulp.md
  vertrouwenspersoon: hulp.md#vertrouwenspersoon
---

# {name}

!!! abstract "In het kort"
    TODO: vat in een paar zinnen samen waar de gedragscode over gaat.

## Onderwerpen

- [Geschenken en uitnodigingen](geschenken.md)
- [Hulp en advies](hulp.md)
""",
        f"{slug}/geschenken.md": f"""---
title: Geschenken en uitnodigingen
description: "TODO: wat de code zegt over geschenken, in één zin."
soort: thema
organisatie: {slug}
volgorde: 1
themas: [geschenken]
---

# Geschenken en uitnodigingen

!!! abstract "In het kort"
    TODO: vat de afspraken over geschenken in je eigen woorden samen.

## Wat zijn de afspraken?

- [[1.1]] TODO: de eerste afspraak, letterlijk uit de code.
- [[1.2]] TODO: bijvoorbeeld: je neemt geen geschenken aan met een waarde van meer dan 50 euro.

## Check

<!-- codewijzer: check-geschenken -->

## Praktijkvoorbeelden

<!-- codewijzer: voorbeelden -->
""",
        f"{slug}/hulp.md": f"""---
title: Hulp en advies
description: "TODO: bij wie je terechtkunt met vragen over integriteit."
soort: hulp
organisatie: {slug}
volgorde: 9
themas: [hulp]
---

# Hulp en advies

## De vertrouwenspersoon {{#vertrouwenspersoon}}

TODO: wie de vertrouwenspersoon is en hoe je die bereikt.
""",
        f"{slug}/wijzigingen.md": f"""---
title: Wijzigingen
description: Wat er wanneer veranderde aan de gedragscode van {name}, de nieuwste wijziging eerst.
soort: wijzigingen
organisatie: {slug}
volgorde: 100
wijzigingen:
  - datum: null           # TODO: de datum waarop de code ingaat, als JJJJ-MM-DD (of alleen het jaar)
    wat: "TODO: {name} publiceert de gedragscode."
---

# Wijzigingen

Hier staat wat er aan de gedragscode van {name} veranderde, en wanneer. De nieuwste wijziging staat
bovenaan.
""",
        f"{slug}/voorbeelden/{example_id}.md": f"""---
title: "TODO: een korte titel, bijvoorbeeld: Een fles wijn van een leverancier"
description: "TODO: de situatie in één zin."
soort: voorbeeld
organisatie: {slug}
id: {example_id}
themas: [geschenken]
afspraken: [../geschenken.md#afspraak-1-2]
check:
  naam: geschenken
  antwoorden: {{soort: geschenk, waarde: "75"}}
  verwacht: mag-niet
---

TODO: beschrijf de situatie, zoals de code hem beschrijft.

## Wat kun je doen?

TODO: het antwoord uit de code.
""",
        f"{slug}/regels/geschenken.toml": f"""# Regels voor de check "Mag ik dit geschenk aannemen?" ({name}).
# TODO: pas de vragen, grenzen en regels aan de gedragscode aan. Elke regel noemt in 'bron' de afspraak
# waarop hij rust; de build controleert dat die bestaat. Het formaat staat in checkers/README.md.
check = "geschenken"
titel = "Mag ik dit geschenk aannemen?"
inleiding = "Beantwoord een paar vragen. De uitkomst noemt de afspraken uit de gedragscode waarop hij rust."
pagina = "../geschenken.md"

[grenzen]
# TODO: het bedrag uit de code, vanaf wanneer het geldt en de afspraak waarin het staat (bron).
maximale_waarde = [ {{ vanaf = 2024-01-01, waarde = 50, bron = "../geschenken.md#afspraak-1-2" }} ]

[[vragen]]
id = "soort"
vraag = "Wat krijg je aangeboden?"
type = "keuze"
opties = [
  {{ waarde = "geschenk", tekst = "Een geschenk" }},
  {{ waarde = "geld", tekst = "Geld" }},
]

[[vragen]]
id = "waarde"
vraag = "Wat is de geschatte waarde in euro's?"
type = "bedrag"
toon_als = {{ soort = "geschenk" }}

[[regels]]
als = {{ soort = "geld" }}
uitkomst = "mag-niet"
reden = "TODO: waarom je geen geld aanneemt."
bron = ["../geschenken.md#afspraak-1-1"]

[[regels]]
als = {{ soort = "geschenk", waarde = {{ meer_dan = "maximale_waarde" }} }}
uitkomst = "mag-niet"
reden = "TODO: een geschenk van meer dan {{maximale_waarde}} neem je niet aan."
bron = ["../geschenken.md#afspraak-1-2"]

[standaard]
uitkomst = "mag-melden"
reden = "TODO: wat er geldt als geen van de regels hierboven van toepassing is."
bron = ["../geschenken.md#afspraak-1-2"]
""",
    }


def create(slug: str, docs_dir: Path = DOCS) -> list[Path]:
    check_slug(slug, docs_dir)
    written = []
    for rel, text in skeleton(slug).items():
        path = docs_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make new-code NAAM=", description="Maak het geraamte van een nieuwe code.")
    parser.add_argument("naam", nargs="?", default="", help="de naam van de map, bijvoorbeeld gemeente-voorbeeld")
    parser.add_argument("--docs", type=Path, default=DOCS, help="de map met de inhoud (standaard: docs/)")
    args = parser.parse_args(argv)
    try:
        written = create(args.naam.strip(), args.docs)
    except NewCodeError as error:
        print(f"Fout: {error}", file=sys.stderr)
        return 2
    def shown(path: Path) -> Path:
        return path.relative_to(args.docs.parent) if args.docs.parent in path.parents else path
    print(f"Nieuwe code in {shown(args.docs / args.naam)}:")
    for path in written:
        print(f"  {shown(path)}")
    print("Zoek in deze bestanden naar TODO en vul ze in; de handleiding voor redacteuren legt elke stap uit.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
