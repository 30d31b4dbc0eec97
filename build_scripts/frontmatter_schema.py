"""The front matter schema of every page, with messages an editor understands.

validate_site() returns every problem at once, so an editor fixes a page in one round.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any, Callable

from .change_log import validate_changes
from .content_model import EXAMPLE_ANSWER_HEADING, ContentError, SourcePage
from .open_items import is_unchecked
from .paths import resolve_doc

KINDS = {
    "start": "de startpagina",
    "overzicht": "het overzicht van een code (index.md van een organisatie)",
    "thema": "een themapagina met afspraken",
    "meldroute": "een stappenplan voor melden",
    "hulp": "waar je terecht kunt voor hulp en advies",
    "rapport": "cijfers of een verslag",
    "voorbeeld": "een praktijkvoorbeeld",
    "index": "een overzichtspagina",
    "vergelijking": "een vergelijking van codes",
    "info": "informatie over de site",
    "wijzigingen": "de wijzigingen van een code (wijzigingen.md in de map van een organisatie)",
}
NEEDS_THEMES = {"thema", "meldroute", "hulp", "rapport", "voorbeeld"}
DOCUMENT_KINDS = {"gedragscode", "jaarverslag"}
ALLOWED_KEYS = {"title", "description", "soort", "organisatie", "volgorde", "themas", "gerelateerd",
                "code", "id", "afspraken", "check", "wijzigingen",
                "search"}     # search: {exclude: true} keeps a page out of the employees' search (Material)
CHECK_KEYS = {"naam", "antwoorden", "verwacht"}
CODE_KEYS_REQUIRED = {"naam", "organisatie", "documentsoort", "versie", "geldend_vanaf", "voor_wie",
                      "bronbestand", "hulp", "vertrouwenspersoon"}
CODE_KEYS_OPTIONAL = {"bron_url", "huiskleur"}
EXAMPLE_ID = re.compile(r"^[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*$")
MAX_DESCRIPTION = 200


def validate_site(pages: dict[str, SourcePage], themes: dict[str, str]) -> list[ContentError]:
    errors: list[ContentError] = []
    for page in pages.values():
        errors.extend(validate_page(page, pages, themes))
    errors.extend(_check_organisations(pages))
    return errors


def validate_page(page: SourcePage, pages: dict[str, SourcePage], themes: dict[str, str]) -> list[ContentError]:
    errors: list[ContentError] = []
    meta = page.meta

    def fail(key: str | None, message: str) -> None:
        errors.append(ContentError(page.src_path, message, line=page.line_of(key) if key else 1, key=key))

    for key in meta:
        if key not in ALLOWED_KEYS:
            guess = difflib.get_close_matches(str(key), sorted(ALLOWED_KEYS), n=1)
            hint = f" Bedoel je '{guess[0]}'?" if guess else f" Toegestaan zijn: {', '.join(sorted(ALLOWED_KEYS))}."
            fail(key, f"onbekende sleutel '{key}'.{hint}")

    _require_text(meta, "title", fail, "Geef de pagina een titel, bijvoorbeeld: title: Geschenken en uitnodigingen")
    if _require_text(meta, "description", fail, "Schrijf in één zin waar de pagina over gaat "
                                                 "(wordt getoond in zoekresultaten)."):
        if len(meta["description"]) > MAX_DESCRIPTION:
            fail("description", f"de beschrijving is {len(meta['description'])} tekens; houd haar onder "
                                f"{MAX_DESCRIPTION} tekens (één zin).")

    kind = meta.get("soort")
    if kind not in KINDS:
        options = "; ".join(f"'{k}' voor {v}" for k, v in KINDS.items())
        fail("soort", f"'soort' ontbreekt of is onbekend ({kind!r}). Kies uit: {options}.")
        return errors

    org = page.organisation
    if org:
        if meta.get("organisatie") != org:
            fail("organisatie", f"'organisatie' moet '{org}' zijn, de naam van de map waarin de pagina staat.")
    elif "organisatie" in meta:
        fail("organisatie", "alleen pagina's in de map van een organisatie hebben 'organisatie'.")

    if kind != "voorbeeld":
        order = meta.get("volgorde")
        if not isinstance(order, int) or isinstance(order, bool) or order < 0:
            fail("volgorde", "'volgorde' moet een heel getal (0 of hoger) zijn; het bepaalt de plaats "
                             "in het menu. Het overzicht van een code heeft 0.")

    if kind in NEEDS_THEMES or "themas" in meta:
        _check_themes(meta.get("themas"), themes, fail)

    if "gerelateerd" in meta:
        _check_links(page, meta["gerelateerd"], "gerelateerd", pages, fail)

    if kind == "overzicht":
        errors.extend(_check_overview(page, pages))
    if kind == "wijzigingen":
        if not org:
            fail("soort", "een wijzigingenpagina hoort in de map van een organisatie (wijzigingen.md).")
        errors.extend(validate_changes(page, lambda key, value, report: _check_links(page, value, key, pages, report)))
    elif "wijzigingen" in meta:
        fail("wijzigingen", "'wijzigingen' hoort alleen op een pagina met soort: wijzigingen.")
    if kind == "voorbeeld":
        errors.extend(_check_example(page, pages))
    elif {"id", "afspraken", "check"} & meta.keys():
        key = next(k for k in ("id", "afspraken", "check") if k in meta)
        fail(key, f"'{key}' hoort alleen bij een praktijkvoorbeeld.")
    return errors


def _require_text(meta: dict[str, Any], key: str, fail: Callable, hint: str) -> bool:
    value = meta.get(key)
    if not isinstance(value, str) or not value.strip():
        fail(key, f"'{key}' ontbreekt of is leeg. {hint}")
        return False
    return True


def _check_themes(value: Any, themes: dict[str, str], fail: Callable) -> None:
    if not isinstance(value, list) or not value:
        fail("themas", "'themas' moet een lijst van minstens één thema zijn, bijvoorbeeld: themas: [geschenken]")
        return
    for theme in value:
        if theme not in themes:
            guess = difflib.get_close_matches(str(theme), list(themes), n=1)
            hint = f" Bedoel je '{guess[0]}'?" if guess else ""
            fail("themas", f"onbekend thema '{theme}'.{hint} De thema's staan in docs/themas.yml.")


def resolve_link(page: SourcePage, link: str) -> str:
    """A page-relative '.md' link as a path relative to docs/ (anchor dropped)."""
    return resolve_doc(page.src_path, link)


def _check_links(page: SourcePage, value: Any, key: str, pages: dict[str, SourcePage], fail: Callable) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        fail(key, f"'{key}' moet een lijst van links naar andere pagina's zijn, bijvoorbeeld: [hulp.md]")
        return
    for link in value:
        if not link.split("#", 1)[0].endswith(".md"):
            fail(key, f"'{link}' is geen link naar een pagina; gebruik het pad naar het .md-bestand, "
                      "eventueel met #anker.")
        elif resolve_link(page, link) not in pages:
            fail(key, f"de pagina '{link}' bestaat niet (gezocht: docs/{resolve_link(page, link)}). "
                      "Controleer de bestandsnaam en het pad vanaf deze pagina.")


def _check_overview(page: SourcePage, pages: dict[str, SourcePage]) -> list[ContentError]:
    errors: list[ContentError] = []
    line = page.line_of("code")

    def fail(message: str, key: str = "code") -> None:
        errors.append(ContentError(page.src_path, message, line=page.key_lines.get(key, line), key=key))

    if page.src_path.count("/") != 1 or not page.src_path.endswith("/index.md"):
        fail("een overzicht hoort in index.md in de map van een organisatie.", key="soort")
    code = page.meta.get("code")
    if not isinstance(code, dict):
        fail("een overzicht heeft een blok 'code:' met de gegevens van de gedragscode (naam, versie, "
             "geldend_vanaf, ...). Zie de handleiding voor redacteuren.")
        return errors
    for key in sorted(CODE_KEYS_REQUIRED - code.keys()):
        fail(f"'code.{key}' ontbreekt.", key=f"code.{key}")
    for key in sorted(code.keys() - CODE_KEYS_REQUIRED - CODE_KEYS_OPTIONAL):
        fail(f"onbekende sleutel 'code.{key}'.", key=f"code.{key}")
    if code.get("documentsoort") not in DOCUMENT_KINDS | {None}:
        fail(f"'code.documentsoort' moet een van {sorted(DOCUMENT_KINDS)} zijn.", key="code.documentsoort")
    if code.get("versie") is not None and not isinstance(code["versie"], str):
        fail("'code.versie' moet tekst tussen aanhalingstekens zijn, bijvoorbeeld versie: \"2020\", of null "
             "als het document geen versie noemt.",
             key="code.versie")
    valid_from = code.get("geldend_vanaf", "")
    if valid_from is not None and not isinstance(valid_from, dt.date) and not is_unchecked(valid_from):
        fail("'code.geldend_vanaf' moet een datum zijn als JJJJ-MM-DD, of null als de code het niet zegt "
             "(of 'nog niet gecontroleerd' zolang je het nog moet nazoeken).",
             key="code.geldend_vanaf")
    url = code.get("bron_url")
    if url is not None and not (isinstance(url, str) and url.startswith("https://")):
        fail("'code.bron_url' moet een volledige link zijn die begint met https://.", key="code.bron_url")
    for key in ("hulp", "vertrouwenspersoon"):
        if isinstance(code.get(key), str):
            _check_links(page, [code[key]], f"code.{key}", pages,
                         lambda k, m: fail(m, key=k))
        elif key in code:
            fail(f"'code.{key}' moet een link naar een pagina zijn.", key=f"code.{key}")
    return errors


def _check_example(page: SourcePage, pages: dict[str, SourcePage]) -> list[ContentError]:
    errors: list[ContentError] = []
    meta = page.meta

    def fail(key: str | None, message: str) -> None:
        errors.append(ContentError(page.src_path, message, line=page.line_of(key) if key else None, key=key))

    parts = page.src_path.split("/")
    if len(parts) != 3 or parts[1] != "voorbeelden":
        fail("soort", "een praktijkvoorbeeld hoort in de map voorbeelden/ van een organisatie.")
    example_id = meta.get("id")
    file_id = parts[-1][:-3]
    if not isinstance(example_id, str) or not EXAMPLE_ID.match(example_id):
        fail("id", "'id' ontbreekt of heeft de verkeerde vorm: kleine letters, cijfers en streepjes, beginnend "
                   "met de afkorting van de organisatie, bijvoorbeeld id: gu-fles-wijn.")
    elif example_id != file_id:
        fail("id", f"'id' ({example_id}) moet gelijk zijn aan de bestandsnaam ({file_id}.md). Het id is de "
                   "vaste link naar dit voorbeeld: verander het niet, hernoem liever niets.")
    if "afspraken" in meta:
        _check_links(page, meta["afspraken"], "afspraken", pages, fail)
    if "check" in meta:
        check = meta["check"]
        if not isinstance(check, dict) or not CHECK_KEYS <= set(check) <= CHECK_KEYS | {"verwacht_vanaf"} \
                or not isinstance(check.get("antwoorden"), dict):
            fail("check", "'check' heeft de sleutels naam (de check, bijvoorbeeld geschenken), antwoorden (de "
                          "antwoorden op de vragen) en verwacht (de uitkomst die het voorbeeld geeft), en eventueel "
                          "verwacht_vanaf (de uitkomst vanaf een datum, zoals { 2027-01-01: mag-melden }).")
    count = sum(1 for line in page.body.splitlines() if line.strip() == EXAMPLE_ANSWER_HEADING)
    if count != 1:
        errors.append(ContentError(
            page.src_path, f"een praktijkvoorbeeld heeft precies één kopje '{EXAMPLE_ANSWER_HEADING}' met "
                           f"daaronder het antwoord (gevonden: {count}). Zet de regel '{EXAMPLE_ANSWER_HEADING}' "
                           "één keer tussen de situatie en het antwoord.", line=page.body_start_line))
    elif not page.example_parts()[0]:
        errors.append(ContentError(page.src_path, "beschrijf eerst de situatie, boven het kopje "
                                                  f"'{EXAMPLE_ANSWER_HEADING}'.", line=page.body_start_line))
    return errors


def _check_organisations(pages: dict[str, SourcePage]) -> list[ContentError]:
    errors = []
    for org in sorted({p.organisation for p in pages.values() if p.organisation}):
        overview = pages.get(f"{org}/index.md")
        if overview is None or overview.kind != "overzicht":
            errors.append(ContentError(f"{org}/index.md", "elke organisatie heeft een overzichtspagina index.md "
                                                          "met soort: overzicht."))
        change_pages = sorted(p.src_path for p in pages.values() if p.organisation == org and p.kind == "wijzigingen")
        for extra in change_pages[1:]:
            errors.append(ContentError(extra, f"een organisatie heeft één wijzigingenpagina; {change_pages[0]} "
                                              "bestaat al. Zet alle wijzigingen daar.", key="soort"))
    return errors
