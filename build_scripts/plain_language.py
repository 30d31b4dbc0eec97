"""Plain language: a site glossary of abbreviations, and a short list of words to avoid.

docs/afkortingen.yml gives every abbreviation its explanation. The build hands it to Python-Markdown's
abbr extension (its `glossary` option), so every page marks each abbreviation with <abbr title="...">
wherever it appears, and Material shows the explanation as a tooltip (content.tooltips). The build also
writes it to assets/afkortingen.json, for texts the browser writes itself (checker outcomes).

docs/te-vermijden-woorden.yml lists officialese ("onverwijld", "dienen te", ...) with a plainer word.
tests/content/test_plain_language.py checks Codewijzer's own texts against it: the rule files'
questions and outcomes, the explanation boxes on the pages, page descriptions and the contact points.
The codes' own text is quoted faithfully and is not checked, nor is anything between quotation marks.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .content_model import ContentError, _key_lines, _load_with_lines

GLOSSARY_FILE = "afkortingen.yml"
WORDS_FILE = "te-vermijden-woorden.yml"
EXPORT = Path("assets") / "afkortingen.json"
ABBREVIATION = re.compile(r"^[A-Za-z][A-Za-z0-9&]*$")
# An abbreviation-like word in a text: two or more capitals (CCP, HR), or capitals around lower-case
# letters (CvB, PhD, FaSoS).
LOOKS_ABBREVIATED = re.compile(r"(?<![\w/#.-])([A-Z][a-z]?[A-Z][A-Za-z]*|[A-Z]{2,})(?![\w/.]*\.[a-z]{2,4}\b)(?=[\s,.;:)\]'’\"-]|$)")
QUOTED = re.compile(r"‘[^’\n]*’|“[^”\n]*”|\"[^\"\n]*\"|(?<!\w)'[^'\n]*'(?!\w)|`[^`\n]*`")


def _read_mapping(path: Path, src: str, what: str) -> tuple[dict[str, str], list[ContentError]]:
    try:
        node, data = _load_with_lines(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return {}, [ContentError(src, f"het bestand is geen geldige YAML ({getattr(exc, 'problem', exc)}). "
                                      f"Elke regel heeft de vorm {what}. Zet tekst met een dubbele punt erin "
                                      "tussen aanhalingstekens.", line=mark.line + 1 if mark else None)]
    lines = {key: line - 1 for key, line in _key_lines(node, "").items()} if node is not None else {}
    if not isinstance(data, dict):
        return {}, [ContentError(src, f"elke regel heeft de vorm {what}.", line=1)]
    errors = [ContentError(src, f"'{key}': de uitleg ontbreekt of is geen tekst. Vorm: {what}.",
                           line=lines.get(str(key)), key=str(key))
              for key, value in data.items() if not isinstance(value, str) or not value.strip()]
    return {str(k): v.strip() for k, v in data.items() if isinstance(v, str) and v.strip()}, errors


def load_glossary(docs_dir: Path) -> tuple[dict[str, str], list[ContentError]]:
    path = docs_dir / GLOSSARY_FILE
    if not path.is_file():
        return {}, []
    glossary, errors = _read_mapping(path, GLOSSARY_FILE, "'AFKORTING: uitleg'")
    for key in glossary:
        if not ABBREVIATION.match(key):
            errors.append(ContentError(GLOSSARY_FILE, f"'{key}' is geen afkorting: gebruik alleen letters en "
                                                      "cijfers, zonder spaties of punten.", key=key))
    return glossary, errors


def write_glossary(site_dir: Path, glossary: dict[str, str]) -> None:
    target = site_dir / EXPORT
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(glossary, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")


def load_words_to_avoid(docs_dir: Path) -> tuple[dict[str, str], list[ContentError]]:
    return _read_mapping(docs_dir / WORDS_FILE, WORDS_FILE, "'woord: beter woord'")


@dataclass
class Finding:
    path: str
    line: int
    word: str
    better: str

    def message(self) -> str:
        return (f"docs/{self.path}:{self.line}: vermijd '{self.word}'; schrijf liever '{self.better}' "
                f"(lijst: docs/{WORDS_FILE}).")


def unquoted(text: str) -> str:
    return QUOTED.sub(" ", text)


def find_words(text: str, words: dict[str, str]) -> list[tuple[str, str]]:
    plain = unquoted(text).lower()
    return [(word, better) for word, better in words.items()
            if re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", plain)]


def abbreviations_in(text: str) -> set[str]:
    return set(LOOKS_ABBREVIATED.findall(re.sub(r"https?://\S+|\]\([^)]*\)|\{[^}]*\}", " ", text)))


ADMONITION = re.compile(r"^(?P<indent>[ \t]*)(!!!|\?\?\?\+?) ")


def own_lines_of_page(markdown: str) -> list[tuple[int, str]]:
    """Codewijzer's own text on a page: the explanation boxes (admonitions) and the front matter's
    description. The lines are numbered as in the file."""
    lines = markdown.splitlines()
    own: list[tuple[int, str]] = []
    box_indent: int | None = None
    for number, line in enumerate(lines, 1):
        if line.startswith("description:"):
            own.append((number, line))
            continue
        start = ADMONITION.match(line)
        if start:
            box_indent = len(start.group("indent"))
            own.append((number, line))
            continue
        if box_indent is not None:
            indent = len(line) - len(line.lstrip())
            if line.strip() and indent <= box_indent:
                box_indent = None
            elif line.strip():
                own.append((number, line))
    return own


def own_lines_of_data(text: str) -> list[tuple[int, str]]:
    """The text lines of a rule or contact file, without comments (the files' own notes to editors)."""
    return [(number, line) for number, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.lstrip().startswith("#")]
