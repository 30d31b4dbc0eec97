"""Read the Markdown sources of docs/ into plain objects: front matter with line numbers, body.

Everything that validates or renders content works on these objects, so a page is read
from disk once per build and every error can name the line it is about.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
EXAMPLE_ANSWER_HEADING = "## Wat kun je doen?"
SITE_FOLDERS = {"handleiding"}    # folders of site pages, not of an organisation


class ContentError(Exception):
    """One editor-facing problem: file, line (1-based, or None), key (or None), Dutch message."""

    def __init__(self, path: str, message: str, *, line: int | None = None, key: str | None = None):
        self.path, self.line, self.key, self.message = path, line, key, message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path + (f":{self.line}" if self.line else "")
        key = f" [{self.key}]" if self.key else ""
        return f"{where}{key}: {self.message}"


@dataclass
class SourcePage:
    """A Markdown page as the editor wrote it."""

    src_path: str                      # relative to docs/, with forward slashes
    meta: dict[str, Any]
    body: str
    key_lines: dict[str, int] = field(default_factory=dict)   # front matter key -> file line
    body_start_line: int = 1

    @property
    def organisation(self) -> str | None:
        parts = self.src_path.split("/")
        return parts[0] if len(parts) > 1 and parts[0] not in SITE_FOLDERS else None

    @property
    def kind(self) -> str | None:
        return self.meta.get("soort")

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)

    def example_parts(self) -> tuple[str, str]:
        """An example's situation and its 'Wat kun je doen?' answer, as Markdown."""
        situation, _, answer = self.body.partition(EXAMPLE_ANSWER_HEADING)
        return situation.strip(), answer.strip()


def parse_page(src_path: str, text: str) -> SourcePage:
    """Split front matter from body; raise ContentError on YAML an editor got wrong."""
    match = FRONT_MATTER.match(text)
    if not match:
        raise ContentError(src_path, "de pagina begint niet met front matter tussen twee regels '---'. "
                                     "Zet bovenaan minstens title, description en soort.", line=1)
    raw = match.group(1) or ""
    try:
        node, meta = _load_with_lines(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise ContentError(src_path, f"de front matter is geen geldige YAML ({problem}). Controleer "
                                     "inspringing, dubbele punten en aanhalingstekens.", line=line) from None
    if not isinstance(meta, dict):
        raise ContentError(src_path, "de front matter moet bestaan uit regels 'sleutel: waarde'.", line=2)
    duplicate = _duplicate_key(node)
    if duplicate:
        key, line = duplicate
        raise ContentError(src_path, f"de sleutel '{key}' staat twee keer in de front matter. Elke sleutel mag "
                                     "maar één keer voorkomen: haal een van de twee weg.", line=line, key=key)
    key_lines = _key_lines(node, "") if node is not None else {}
    body_start = text[: match.end()].count("\n") + 1
    return SourcePage(src_path, meta, text[match.end():], key_lines, body_start)


# libyaml's parser when PyYAML has it (the wheels do): the front matter of every page is read on
# every build, and the pure-Python parser was a large share of the time per page.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_with_lines(raw: str) -> tuple[yaml.Node | None, Any]:
    """Parse once: the node tree (for line numbers) and the data built from it."""
    loader = YAML_LOADER(raw)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None) or {}
    finally:
        loader.dispose()


def _duplicate_key(node: yaml.Node | None) -> tuple[str, int] | None:
    """The first key that a mapping repeats, with its line: YAML loaders silently keep the last one."""
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    return key.value, key.start_mark.line + 2
                seen.add(key.value)
            found = _duplicate_key(value)
            if found:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found = _duplicate_key(item)
            if found:
                return found
    return None


def _key_lines(node: yaml.Node, prefix: str) -> dict[str, int]:
    """Map 'key' and nested 'key.sub' to their line in the file (front matter starts on line 2)."""
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            path = f"{prefix}{key.value}"
            lines[path] = key.start_mark.line + 2
            lines.update(_key_lines(value, path + "."))
    elif isinstance(node, yaml.SequenceNode) and prefix:
        for number, item in enumerate(node.value, 1):     # 'wijzigingen[1]', 'wijzigingen[1].datum'
            path = f"{prefix[:-1]}[{number}]"
            lines[path] = item.start_mark.line + 2
            lines.update(_key_lines(item, path + "."))
    return lines


def read_pages(docs_dir: Path) -> tuple[dict[str, SourcePage], list[ContentError]]:
    """Every Markdown page under docs_dir, keyed by its path relative to docs_dir, and the
    pages whose front matter could not be read at all."""
    pages, errors = {}, []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        try:
            pages[rel] = parse_page(rel, path.read_text(encoding="utf-8"))
        except ContentError as error:
            errors.append(error)
        except UnicodeDecodeError:
            errors.append(ContentError(rel, "het bestand is niet opgeslagen als UTF-8. Sla het op als UTF-8 "
                                            "(in de meeste editors: Opslaan als, codering UTF-8)."))
    return pages, errors


THEME_OPTIONS = {"naam", "snel_weg"}


def read_theme_entries(docs_dir: Path) -> dict[str, dict[str, Any]]:
    """docs/themas.yml: per theme key its label ('naam') and options. A theme is either
    'sleutel: Naam' or a table with 'naam' and options such as 'snel_weg: true'."""
    path = docs_dir / "themas.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ContentError("themas.yml", f"het bestand is geen geldige YAML ({getattr(exc, 'problem', exc)}). "
                                         "Elke regel heeft de vorm 'sleutel: Naam van het thema'.",
                           line=mark.line + 1 if mark else None) from None
    if not isinstance(data, dict):
        raise ContentError("themas.yml", "elke regel moet de vorm 'sleutel: Naam van het thema' hebben.")
    entries = {}
    for key, value in data.items():
        entry = {"naam": value} if isinstance(value, str) else value
        if not isinstance(entry, dict) or not isinstance(entry.get("naam"), str) or set(entry) - THEME_OPTIONS \
                or not isinstance(entry.get("snel_weg", False), bool):
            raise ContentError("themas.yml", f"thema '{key}': gebruik 'sleutel: Naam van het thema', of een tabel "
                                             "met 'naam' en eventueel 'snel_weg: true'.", key=str(key))
        entries[key] = entry
    return entries


def read_themes(docs_dir: Path) -> dict[str, str]:
    """The closed list of theme keys and their Dutch labels (docs/themas.yml)."""
    return {key: entry["naam"] for key, entry in read_theme_entries(docs_dir).items()}
