"""Published addresses keep working: the build records them and fails only when one disappears.

Three lists in tests/content/ (committed with the change that adds something):
- anchors.txt        page#anchor of every agreement, article, example and explicit id ({#...})
- example_ids.txt    every practice example's permanent id (voorbeelden/<id>/)
- workshop_sets.txt  every workshop set a trainer may have shared (workshop/<organisatie>/<thema>/)

A full build (not `make build CODE=...`, not the concept of `make serve`) appends what is new, so an editor never edits these files.
A recorded entry that is gone fails the build in Dutch, naming the files that still point at it.
When the code itself really dropped it, the editor removes that line on purpose. Without the
folder (a copy of the project for a test) nothing is recorded.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from build_scripts.open_items import concept_mode

RECORDS = Path("tests") / "content"
STABLE_PREFIXES = ("afspraak-", "artikel-", "voorbeeld-")
EXPLICIT_ID = re.compile(r"""\{[^}\n]*#([\w-]+)|\bid=["']([\w-]+)["']""")
HEADERS = {
    "anchors.txt": "# Stable anchors (page#anchor). Published links depend on these; see build_scripts/published.py.",
    "example_ids.txt": "# Permanent example ids: each is a published link (voorbeelden/<id>/). Never remove one.",
    "workshop_sets.txt": "# Published workshop links (workshop/<organisatie>/<thema>/): trainers share them. "
                         "Never remove one.",
}


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value for name, value in attrs if name == "id" and value]


def page_ids(html_file: Path) -> list[str]:
    parser = _Ids()
    parser.feed(html_file.read_text(encoding="utf-8"))
    return parser.ids


def page_url(site_dir: Path, html_file: Path) -> str:
    rel = html_file.relative_to(site_dir).as_posix()
    return rel.removesuffix("index.html")


def explicit_ids(docs_dir: Path) -> dict[str, set[str]]:
    """Ids an editor wrote on purpose ({#id} or id="..."), per page URL."""
    ids: dict[str, set[str]] = {}
    for md in docs_dir.rglob("*.md"):
        rel = md.relative_to(docs_dir).as_posix()[:-3]
        url = rel[:-5] if rel.endswith("index") else rel + "/"
        ids[url] = {a or b for a, b in EXPLICIT_ID.findall(md.read_text(encoding="utf-8"))}
    return ids


def all_anchors(site_dir: Path) -> dict[str, set[str]]:
    """Every id of every built page, per page URL (a recorded link works while its id exists)."""
    return {page_url(site_dir, path): set(page_ids(path)) for path in site_dir.rglob("*.html")
            if path.name == "index.html" and "assets" not in path.relative_to(site_dir).parts}


def stable_anchors(site_dir: Path, docs_dir: Path, anchors: dict[str, set[str]] | None = None) -> set[str]:
    """Agreements, articles, examples, and every id an editor set explicitly."""
    anchors = anchors if anchors is not None else all_anchors(site_dir)
    explicit = explicit_ids(docs_dir)
    return {f"{url}#{anchor}" for url, ids in anchors.items() for anchor in ids
            if anchor.startswith(STABLE_PREFIXES) or anchor in explicit.get(url, ())}


def read_record(path: Path) -> list[str]:
    if not path.is_file():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("# ")]


def append_new(path: Path, current: set[str]) -> list[str]:
    """Append what is not recorded yet (the file keeps its order; new lines at the end, sorted)."""
    recorded = read_record(path)
    new = sorted(current - set(recorded))
    if new or not path.is_file():
        header = HEADERS[path.name]
        path.write_text("\n".join([header, *recorded, *new]) + "\n", encoding="utf-8")
    return new


def pointing_at(docs_dir: Path, needle: str | tuple[str, str]) -> list[str]:
    """Pages and rule files that still mention `needle` (file:line), for the message. A pair
    (folder, text) also matches `text` alone inside that folder (a link relative to the page)."""
    folder, local = needle if isinstance(needle, tuple) else ("", needle)
    anywhere = f"{folder}/{local}" if folder else local
    found = []
    for path in sorted(docs_dir.rglob("*")):
        if path.suffix in {".md", ".toml", ".yml"} and path.is_file():
            rel = path.relative_to(docs_dir).as_posix()
            text = local if folder and rel.startswith(folder + "/") else anywhere
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if text in line:
                    found.append(f"docs/{rel}:{number}")
    return found


def _anchor_needle(entry: str, docs_dir: Path) -> tuple[str, str]:
    """'gemeente-utrecht/geschenken/#afspraak-2-5a' -> ('gemeente-utrecht', 'geschenken.md#afspraak-2-5a')."""
    url, _, anchor = entry.partition("#")
    parts = url.strip("/").split("/") if url.strip("/") else []
    if not parts:
        return "", f"index.md#{anchor}"
    if len(parts) == 1:
        return ("", f"{parts[0]}.md#{anchor}") if (docs_dir / f"{parts[0]}.md").is_file() \
            else (parts[0], f"index.md#{anchor}")
    return "/".join(parts[:-1]), f"{parts[-1]}.md#{anchor}"


def _gone_message(kind: str, record: str, gone: list[str], docs_dir: Path, needle) -> str:
    lines = []
    for item in gone:
        users = pointing_at(docs_dir, needle(item))
        where = f" Hier wordt nog naar verwezen: {', '.join(users[:8])}." if users else ""
        lines.append(f"  - {item}.{where}")
    return (f"Deze gepubliceerde {kind} bestaan niet meer ({len(gone)}); links ernaar werken niet meer:\n"
            + "\n".join(lines) + f"\n  Zet ze terug. Veranderde de code zelf en is het weghalen bewust? Haal de regel "
            f"dan weg uit {record}.")


def record_and_check(site_dir: Path, project_dir: Path, site: Any, only_code: str | None) -> str | None:
    """Append new published addresses; a Dutch message when a recorded one disappeared (else None)."""
    records = project_dir / RECORDS
    if only_code or concept_mode() or not records.is_dir():   # make serve: a concept is not a publication
        return None
    docs_dir = Path(project_dir) / "docs"
    messages = []
    examples = {e.meta["id"]: e for e in site.examples()}
    from build_scripts.workshops import workshop_sets     # noqa: PLC0415 (avoids an import cycle)
    sets = {f"{w.organisation}/{w.theme}" for w in workshop_sets(site)}
    anchors = all_anchors(site_dir)

    def anchor_exists(entry: str) -> bool:
        url, _, anchor = entry.partition("#")
        return anchor in anchors.get(url, set())

    checks = [
        ("anchors.txt", "ankers", stable_anchors(site_dir, docs_dir, anchors), anchor_exists,
         lambda entry: _anchor_needle(entry, docs_dir)),
        ("example_ids.txt", "praktijkvoorbeelden", set(examples), lambda entry: entry in examples,
         lambda entry: entry),
        ("workshop_sets.txt", "workshopsets", sets, lambda entry: entry in sets, lambda entry: entry),
    ]
    for name, kind, current, exists, needle in checks:
        path = records / name
        gone = [entry for entry in read_record(path) if not exists(entry)]
        if gone:
            messages.append(_gone_message(kind, f"tests/content/{name}", gone, docs_dir, needle))
        else:
            append_new(path, current)
    return "\n".join(messages) or None
