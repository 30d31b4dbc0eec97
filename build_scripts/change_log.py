"""A code's "Wijzigingen" page: the dated changes an editor lists in its front matter.

    soort: wijzigingen
    wijzigingen:
      - datum: 2027-01-01        # a date, a year (2020) when only the year is known, or null
        versie: "2027"           # optional: the version of the code from then on
        wat: Het maximum voor geschenken wordt € 75.
        paginas: [geschenken.md] # optional: the pages that changed

The build checks every entry and lists them newest first, with links to the changed pages.
"""
from __future__ import annotations

import datetime as dt
import posixpath
from typing import Any, Callable

from checkers.dutch_dates import dutch_date

from .content_model import ContentError, SourcePage

ENTRY_KEYS = {"datum", "versie", "wat", "paginas"}
EXAMPLE = ("wijzigingen:\n  - datum: 2027-01-01\n    versie: \"2027\"\n    wat: Het maximum voor geschenken "
           "wordt € 75.\n    paginas: [geschenken.md]")


def validate_changes(page: SourcePage, check_links: Callable[[str, list[str], Callable], None]) -> list[ContentError]:
    """Every problem in a 'wijzigingen' list, each with its file, line and key (wijzigingen[2].datum)."""
    errors: list[ContentError] = []

    def fail(key: str, message: str) -> None:
        line = page.key_lines.get(key) or page.key_lines.get(key.rsplit(".", 1)[0]) or page.line_of("wijzigingen")
        errors.append(ContentError(page.src_path, message, line=line, key=key))

    entries = page.meta.get("wijzigingen")
    if not isinstance(entries, list) or not entries:
        fail("wijzigingen", f"een wijzigingenpagina heeft een lijst 'wijzigingen' met minstens één wijziging, "
                            f"bijvoorbeeld:\n{EXAMPLE}")
        return errors
    for number, entry in enumerate(entries, 1):
        where = f"wijzigingen[{number}]"
        if not isinstance(entry, dict):
            fail(where, "elke wijziging begint met '- datum:' en heeft daaronder 'wat:' (inspringen met spaties).")
            continue
        for key in sorted(entry.keys() - ENTRY_KEYS):
            fail(f"{where}.{key}", f"onbekende sleutel '{key}'. Een wijziging heeft: datum, versie (mag weg), "
                                   "wat, paginas (mag weg).")
        if "datum" not in entry:
            fail(where, "'datum' ontbreekt. Schrijf de datum als JJJJ-MM-DD, alleen het jaar (2020) als je de "
                        "dag niet weet, of null als de bron geen datum noemt.")
        elif not _is_date(entry["datum"]):
            fail(f"{where}.datum", f"'{entry['datum']}' is geen datum. Schrijf JJJJ-MM-DD (2027-01-01), alleen het "
                                   "jaar (2020), of null als de bron geen datum noemt.")
        if entry.get("versie") is not None and not isinstance(entry["versie"], str):
            fail(f"{where}.versie", "'versie' is tekst tussen aanhalingstekens, bijvoorbeeld versie: \"2020\".")
        if not isinstance(entry.get("wat"), str) or not entry["wat"].strip():
            fail(f"{where}.wat", "'wat' ontbreekt: beschrijf in een of twee zinnen wat er veranderde.")
        if "paginas" in entry:
            check_links(f"{where}.paginas", entry["paginas"], lambda key, message: fail(key, message))
    return errors


def _is_date(value: Any) -> bool:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return True
    return isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2200


def _sort_key(entry: dict[str, Any]) -> dt.date:
    """Newest first; a year counts as its first day; an unknown date as the oldest."""
    day = entry["datum"]
    return dt.date(day, 1, 1) if isinstance(day, int) else day or dt.date.min


def date_text(day: dt.date | int | None) -> str:
    """The date as HTML: <time> with a machine-readable value, or an honest 'datum niet vermeld'."""
    if day is None:
        return "Datum niet vermeld in de bron"
    if isinstance(day, int):
        return f'<time datetime="{day}">{day}</time>'
    return f'<time datetime="{day.isoformat()}">{dutch_date(day)}</time>'


def render_changes(page: SourcePage, titles: dict[str, str]) -> str:
    """The entries as Markdown, newest first, with links to the changed pages (`titles`: docs path -> title)."""
    entries = sorted(page.meta["wijzigingen"], key=_sort_key, reverse=True)
    items = []
    for entry in entries:
        version = f" · versie {entry['versie']}" if entry.get("versie") else ""
        item = f"- **{date_text(entry['datum'])}**{version}: {entry['wat'].strip()}"
        pages = [f"[{titles[target]}]({raw})" for raw, target in _targets(page, entry.get("paginas", []))]
        if pages:
            item += f" Gewijzigd: {', '.join(pages)}."
        items.append(item)
    return '<div class="cw-wijzigingen" markdown>\n\n' + "\n".join(items) + "\n\n</div>"


def _targets(page: SourcePage, links: list[str]) -> list[tuple[str, str]]:
    base = posixpath.dirname(page.src_path)
    return [(raw, posixpath.normpath(posixpath.join(base, raw.split("#", 1)[0]))) for raw in links]
