"""Create the skeleton of a new organisation's code.

    make new-code NAAM=gemeente-voorbeeld [WEERGAVENAAM="Gemeente Voorbeeld"] [AFKORTING=gv]
    python -m build_scripts.new_code gemeente-voorbeeld [--weergavenaam ...] [--afkorting ...] [--docs docs]

Every text an editor still has to write is marked `TODO:`, and what only the organisation knows
(version, date in force, contact points) is an open item (`nog niet gecontroleerd`,
`nog_aan_te_vullen: true`). `make serve` builds the skeleton and lists them in a banner on every
page; `make build` refuses to publish until none is left (build_scripts/open_items.py).
No date is invented: the skeleton's limit has no `vanaf` and the code's dates are open items.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
SLUG = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
PREFIX = re.compile(r"^[a-z][a-z0-9]{1,5}$")
RESERVED = {"assets", "bronnen", "handleiding", "voorbeelden", "search", "workshop", "javascripts", "stylesheets"}
SMALL_WORDS = {"van", "de", "der", "den", "het", "en", "voor", "in", "op", "aan", "te", "'t"}
VOWELS = set("aeiouy")
UNCHECKED = "nog niet gecontroleerd"


class NewCodeError(ValueError):
    """A Dutch message for the person who runs make new-code."""


def display_name(slug: str) -> str:
    """'gemeente-voorbeeld' -> 'Gemeente Voorbeeld', 'rijksoverheid-nl' -> 'Rijksoverheid NL',
    'hogeschool-van-amsterdam' -> 'Hogeschool van Amsterdam', 'uwv' -> 'UWV'.
    A guess: WEERGAVENAAM= gives the real name."""
    words = slug.split("-")
    if len(words) == 1 and len(slug) <= 4:
        return slug.upper()
    shown = []
    for number, word in enumerate(words):
        if number and word in SMALL_WORDS:
            shown.append(word)
        elif not VOWELS & set(word) or word.isdigit():
            shown.append(word.upper())
        else:
            shown.append(word.capitalize())
    return " ".join(shown)


def taken_prefixes(docs_dir: Path) -> set[str]:
    """Prefixes of existing example ids (the part before the first dash)."""
    return {p.stem.split("-")[0] for p in docs_dir.glob("*/voorbeelden/*.md")}


def example_prefix(slug: str, taken: set[str] = frozenset()) -> str:
    """A short prefix for example ids no other organisation uses: the initials of the name's words
    ('gemeente-voorbeeld' -> 'gv'), else longer forms ('gemeente-uithoorn' -> 'gui'), else a number."""
    words = [w for w in slug.split("-") if w not in SMALL_WORDS] or slug.split("-")
    initials = "".join(w[0] for w in words)
    if len(words) == 1:
        candidates = [words[0] if len(words[0]) <= 4 else words[0][:2]]
    else:
        candidates = [initials]
    candidates += [initials[:-1] + words[-1][:n] for n in range(2, len(words[-1]) + 1)]
    candidates += [words[0][:n] for n in range(3, len(words[0]) + 1)]
    for candidate in candidates:
        if PREFIX.match(candidate) and candidate not in taken:
            return candidate
    base = candidates[0][:4]
    return next(f"{base}{n}" for n in range(2, 1000) if f"{base}{n}" not in taken)


def check_slug(slug: str, docs_dir: Path) -> None:
    if not SLUG.match(slug):
        raise NewCodeError(f"'{slug}' is geen geldige naam. Gebruik kleine letters, cijfers en streepjes, zoals "
                           "de naam in de URL: make new-code NAAM=gemeente-voorbeeld (of NAAM=uwv)")
    if slug in RESERVED or (docs_dir / slug).exists() or (docs_dir / f"{slug}.md").exists():
        raise NewCodeError(f"docs/{slug} bestaat al of is gereserveerd. Kies een andere naam, of bewerk de "
                           "bestaande map.")


def check_prefix(prefix: str, slug: str, docs_dir: Path) -> None:
    if not PREFIX.match(prefix):
        raise NewCodeError(f"AFKORTING={prefix} is geen geldige afkorting: 2 tot 6 kleine letters of cijfers, "
                           "beginnend met een letter, bijvoorbeeld AFKORTING=gv.")
    if prefix in taken_prefixes(docs_dir):
        raise NewCodeError(f"de afkorting '{prefix}' is al in gebruik voor de praktijkvoorbeelden van een andere "
                           f"organisatie. Kies een andere, bijvoorbeeld: make new-code NAAM={slug} "
                           f"AFKORTING={example_prefix(slug, taken_prefixes(docs_dir))}")


def contact_points(name: str) -> str:
    """docs/<org>/contactpunten.yml: the roles the skeleton's check and help page name, to be filled in."""
    roles = {"leidinggevende": ("Je leidinggevende", "[leidinggevende]", "Bij je leidinggevende meld je een "
                                "geschenk of bespreek je een twijfel."),
             "vertrouwenspersoon": ("De vertrouwenspersoon", "[vertrouwenspersoon, vertrouwenspersonen]",
                                    "Een vertrouwenspersoon luistert en denkt vertrouwelijk met je mee.")}
    lines = [f"# Contactpunten van {name}: bij wie een medewerker terechtkan. De checks en de hulppagina",
             "# noemen deze rollen. Vul per rol in wat de organisatie gebruikt en zet dan nog_aan_te_vullen op",
             "# false of haal die regel weg. Zolang er een op true staat, bouwt make build niet (make serve toont",
             "# het bovenaan elke pagina)."]
    for key, (label, words, explanation) in roles.items():
        lines += [f"{key}:", f"  naam: {label}", f"  herkennen: {words}", f"  uitleg: {explanation}", "  link: null",
                  "  email: null", "  telefoon: null", "  bereikbaar: null", "  nog_aan_te_vullen: true",
                  f"  notitie: Hoe bereikt een medewerker van {name} de {key}? Vul link, e-mail, telefoon en "
                  "bereikbaarheid in."]
    return "\n".join(lines) + "\n"


def skeleton(slug: str, name: str | None = None, prefix: str | None = None) -> dict[str, str]:
    """The files of a new code, relative to docs/."""
    name, prefix = name or display_name(slug), prefix or example_prefix(slug)
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
  versie: {UNCHECKED}         # de versie zoals het document die noemt, tussen aanhalingstekens ("2024"), of null als het document er geen noemt
  geldend_vanaf: {UNCHECKED}  # de datum waarop de code ingaat, als JJJJ-MM-DD, of null als het document er geen noemt
  voor_wie: "TODO: voor wie de code geldt."
  bronbestand: {slug}.txt
  hulp: hulp.md
  vertrouwenspersoon: hulp.md#vertrouwenspersoon
---

# {name}

## Wat wil je weten? {{#wat-wil-je-weten}}

<!-- codewijzer: wat-wil-je-weten -->

!!! abstract "In het kort"
    TODO: vat in een paar zinnen samen waar de gedragscode over gaat.

## Onderwerpen

- [Geschenken en uitnodigingen](geschenken.md)
- [Hulp en advies](hulp.md)

## Over dit document {{#over-dit-document}}

<!-- codewijzer: code-gegevens -->
""",
        f"{slug}/regels/geschenken.scenarios.yml": f"""# Scenario's voor de check 'geschenken' van {name}: antwoorden en wat de check dan moet zeggen.
# Een geval toevoegen kan zonder Python; het formaat staat in docs/handleiding/scenario-toevoegen.md.
scenarios:
  - naam: Geld neem je nooit aan
    antwoorden: {{ soort: geld }}
    verwacht: mag-niet
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
  - datum: null           # TODO: het jaar waarin Codewijzer de code publiceert, bijvoorbeeld 2027
    wat: Codewijzer publiceert de code als website. De tekst van de code zelf is niet veranderd.
  - datum: null           # TODO: de datum waarop de code ingaat, als JJJJ-MM-DD (of alleen het jaar); null als het document het niet zegt
    wat: "{name} publiceert de gedragscode. TODO: de titel van de code, zoals het document hem noemt."
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
        f"{slug}/contactpunten.yml": contact_points(name),
        f"{slug}/regels/geschenken.toml": f"""# Regels voor de check "Mag ik dit geschenk aannemen?" ({name}).
# TODO: pas de vragen, grenzen en regels aan de gedragscode aan. Elke regel noemt in 'bron' de afspraak
# waarop hij rust; de build controleert dat die bestaat. Het formaat staat in checkers/README.md.
check = "geschenken"
titel = "Mag ik dit geschenk aannemen?"
inleiding = "Beantwoord een paar vragen. De uitkomst noemt de afspraken uit de gedragscode waarop hij rust."
pagina = "../geschenken.md"

[grenzen]
# TODO: het bedrag uit de code en de afspraak waarin het staat (bron). Noemt de code een datum waarop het
# ingaat, schrijf dan {{ vanaf = JJJJ-MM-DD, waarde = ..., bron = ... }}; verzin nooit een datum.
maximale_waarde = [ {{ waarde = 50, bron = "../geschenken.md#afspraak-1-2" }} ]

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


def create(slug: str, docs_dir: Path = DOCS, name: str = "", prefix: str = "") -> list[Path]:
    check_slug(slug, docs_dir)
    if prefix:
        check_prefix(prefix, slug, docs_dir)
    name = " ".join(name.split()) or display_name(slug)
    if any(c in name for c in "\"\n:#"):
        raise NewCodeError(f"WEERGAVENAAM=\"{name}\" bevat een teken dat niet mag (\" : #). Schrijf de naam zoals "
                           "medewerkers hem kennen, bijvoorbeeld WEERGAVENAAM=\"Gemeente Voorbeeld\".")
    written = []
    for rel, text in skeleton(slug, name, prefix or example_prefix(slug, taken_prefixes(docs_dir))).items():
        path = docs_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make new-code NAAM=", description="Maak het geraamte van een nieuwe code.")
    parser.add_argument("naam", nargs="?", default="", help="de naam van de map, bijvoorbeeld gemeente-voorbeeld")
    parser.add_argument("--weergavenaam", default="", help="de naam zoals medewerkers hem kennen")
    parser.add_argument("--afkorting", default="", help="de afkorting voor de praktijkvoorbeelden, bijvoorbeeld gv")
    parser.add_argument("--docs", type=Path, default=DOCS, help="de map met de inhoud (standaard: docs/)")
    args = parser.parse_args(argv)
    slug = args.naam.strip()
    try:
        written = create(slug, args.docs, args.weergavenaam, args.afkorting.strip().lower())
    except NewCodeError as error:
        print(f"Fout: {error}", file=sys.stderr)
        return 2

    def shown(path: Path) -> Path:
        return path.relative_to(args.docs.parent) if args.docs.parent in path.parents else path
    example = next(p for p in written if p.parent.name == "voorbeelden")
    name = (args.docs / slug / "index.md").read_text(encoding="utf-8").split("\n  organisatie: ")[1].split("\n")[0]
    print(f"Nieuwe code in {shown(args.docs / slug)}: {name}, praktijkvoorbeelden beginnen met "
          f"{example.stem.split('-')[0]}-.")
    for path in written:
        print(f"  {shown(path)}")
    print("Klopt de naam of de afkorting niet? Verwijder de map en geef WEERGAVENAAM= of AFKORTING= mee.\n"
          "Zoek in deze bestanden naar TODO, 'nog niet gecontroleerd' en 'nog_aan_te_vullen' en vul ze in.\n"
          "make serve toont wat nog open staat bovenaan elke pagina; make build bouwt pas als alles is ingevuld.\n"
          "De handleiding voor redacteuren legt elke stap uit.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
