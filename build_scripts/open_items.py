"""The publication guard: what an editor still has to fill in never reaches a published site.

Open items are
- a `TODO:` marker (the skeleton of `make new-code` writes them),
- a value marked `nog niet gecontroleerd` (distinct from `null`, "niet vermeld in het document"),
- an entry with `nog_aan_te_vullen: true` (contact points the organisation still has to give).

`make build` fails on any of them with file:line in Dutch. `make serve` sets CODEWIJZER_CONCEPT=ja:
the site then builds and shows the list as a banner at the top of every page
(overrides/partials/codewijzer-concept.html).
Markers inside code (fenced blocks, `inline code`) are examples, not open items: the guide shows them.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

UNCHECKED = "nog niet gecontroleerd"
CONCEPT_ENV = "CODEWIJZER_CONCEPT"
SCANNED = (".md", ".toml", ".yml", ".yaml", ".txt")
TODO = re.compile(r"\bTODO:")
MARKERS = [
    (TODO, "nog in te vullen (TODO)"),
    (re.compile(rf":\s*[\"']?{UNCHECKED}[\"']?\s*(#.*)?$", re.IGNORECASE), f"waarde {UNCHECKED}"),
    (re.compile(r"\bnog_aan_te_vullen\s*[:=]\s*true\b", re.IGNORECASE), "contactpunt nog aan te vullen"),
]
FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`[^`\n]*`")


@dataclass(frozen=True)
class OpenItem:
    path: str       # relative to docs/
    line: int
    what: str
    text: str

    def __str__(self) -> str:
        return f"docs/{self.path}:{self.line}: {self.what}: {self.text}"


def concept_mode() -> bool:
    return os.environ.get(CONCEPT_ENV, "").strip().lower() in {"ja", "1", "true"}


def is_unchecked(value: object) -> bool:
    return isinstance(value, str) and value.strip().lower() == UNCHECKED


def find_in_text(rel_path: str, text: str) -> list[OpenItem]:
    items, in_code = [], False
    markdown = rel_path.endswith(".md")
    for number, line in enumerate(text.splitlines(), start=1):
        if markdown and FENCE.match(line):
            in_code = not in_code
            continue
        if in_code:
            continue
        plain = INLINE_CODE.sub("", line) if markdown else line
        comment = not markdown and line.lstrip().startswith("#")
        for pattern, what in MARKERS:
            # A data file's comment may explain the markers; only a TODO: in it is an open item.
            if comment and pattern is not TODO:
                continue
            if pattern.search(plain):
                items.append(OpenItem(rel_path, number, what, " ".join(line.split())[:120]))
                break
    return items


def find(docs_dir: Path, rel_paths: list[str]) -> list[OpenItem]:
    """Open items in the given files (relative to docs/), in file order."""
    items = []
    for rel in sorted(rel_paths):
        if rel.endswith(SCANNED) and (docs_dir / rel).is_file():
            items += find_in_text(rel, (docs_dir / rel).read_text(encoding="utf-8", errors="replace"))
    return items


def failure_message(items: list[OpenItem]) -> str:
    lines = "\n".join(f"  - {item}" for item in items)
    return (f"Nog niet klaar om te publiceren: {len(items)} open punt(en). Vul ze in en bouw opnieuw "
            f"(make serve toont ze bovenaan elke pagina):\n{lines}")
