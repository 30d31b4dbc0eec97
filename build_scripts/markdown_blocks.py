"""The build's reading of an editor's Markdown, with markdown-it-py: links with their line, fenced
blocks, `<!-- codewijzer: ... -->` placeholders, and where prose is (not code), so examples of syntax
in the guide are never taken for the real thing.

The parser is CommonMark with tables and raw HTML, without indented code blocks: Python-Markdown's
admonitions (`!!! info`) indent their text by four spaces, which is prose here, not code. Link targets
are kept exactly as written (no normalising), so messages quote the editor's own text. Lines are
0-based within the text given; callers add the line the text starts on in its file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

PLACEHOLDER = re.compile(r"^<!--\s*codewijzer:\s*(?P<name>[\w-]+)\s*-->$")
NEWLINE = re.compile(r"\n")
BLOCKS, INLINE, LINKS = "blocks", "inline", "links"     # how much of the text to parse


def _links_only(state) -> None:
    """markdown-it's 'inline' core rule, for inline content that can hold a link (a '[') only."""
    for token in state.tokens:
        if token.type == "inline":
            token.children = []
            if "[" in token.content:
                state.md.inline.parse(token.content, state.md, state.env, token.children)


@lru_cache(maxsize=3)
def _parser(mode: str) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table").disable("code")
    if mode == BLOCKS:      # fences, placeholders, headings: about half the work
        md.disable("inline")
    elif mode == LINKS:     # link targets only: skip the inline text that has none
        md.core.ruler.at("inline", _links_only)
    md.normalizeLink = lambda url: url          # keep targets as the editor wrote them
    md.normalizeLinkText = lambda text: text
    md.validateLink = lambda url: True
    return md


@lru_cache(maxsize=64)
def _parse(markdown: str, mode: str) -> tuple[tuple[Token, ...], dict]:
    env: dict = {}
    return tuple(_parser(mode).parse(markdown, env)), env


def tokens(markdown: str, mode: str = INLINE) -> tuple[Token, ...]:
    return _parse(markdown, mode)[0]


@dataclass(frozen=True)
class Fence:
    lang: str          # the first word of the info string
    body: str          # the lines between the fences (without a list's indentation)
    first: int         # line of the opening fence
    last: int          # line of the closing fence


def fences(markdown: str) -> list[Fence]:
    """Every closed fenced block (``` or ~~~), at any depth (in lists, quotes)."""
    if "```" not in markdown and "~~~" not in markdown:     # no fence at all: no need to parse
        return []
    lines = markdown.split("\n")
    found = []
    for token in tokens(markdown, BLOCKS):
        if token.type != "fence" or not token.map:
            continue
        first, last = token.map[0], token.map[1] - 1
        if last <= first or not lines[last].strip().startswith(token.markup):
            continue        # not closed: runs to the end of the text
        found.append(Fence((token.info.split() or [""])[0], token.content, first, last))
    return found


def _line_starts(markdown: str) -> list[int]:
    return [0, *(match.end() for match in NEWLINE.finditer(markdown))]


def _span(markdown: str, starts: list[int], first: int, last: int) -> tuple[int, int]:
    """Character span from the start of line `first` to the end of line `last` (without its newline)."""
    end = starts[last + 1] - 1 if last + 1 < len(starts) else len(markdown)
    return starts[first], end


def replace_fenced(markdown: str, lang: str, render: Callable[[str, int], str]) -> str:
    """Replace each fenced block of language `lang` by render(body, line of the body's first line)."""
    found = [fence for fence in fences(markdown) if fence.lang == lang]
    if not found:
        return markdown
    starts = _line_starts(markdown)
    out, position = [], 0
    for fence in found:
        start, end = _span(markdown, starts, fence.first, fence.last)
        out += [markdown[position:start], render(fence.body, fence.first + 1)]
        position = end
    return "".join(out) + markdown[position:] if out else markdown


def outside_fences(markdown: str) -> Iterator[tuple[bool, str]]:
    """Yield (is_prose, chunk) so line-based rewrites can skip fenced blocks."""
    found = fences(markdown)
    starts = _line_starts(markdown) if found else []
    position = 0
    for fence in found:
        start, end = _span(markdown, starts, fence.first, fence.last)
        yield True, markdown[position:start]
        yield False, markdown[start:end]
        position = end
    yield True, markdown[position:]


def map_prose(markdown: str, rewrite: Callable[[str, int], str]) -> str:
    """Apply rewrite(chunk, first_line_offset) to the parts of markdown outside fenced blocks."""
    out, line = [], 0
    for is_prose, chunk in outside_fences(markdown):
        out.append(rewrite(chunk, line) if is_prose else chunk)
        line += chunk.count("\n")
    return "".join(out)


def _inline_with_line(markdown: str, mode: str = INLINE) -> Iterator[tuple[Token, int]]:
    """Each inline child token (text, link, image, ...) with the line it is on."""
    for token in tokens(markdown, mode):
        if token.type != "inline" or not token.map:
            continue
        line = token.map[0]
        for child in token.children or ():
            yield child, line
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            elif child.type in ("text", "html_inline", "code_inline"):
                line += child.content.count("\n")


def links(markdown: str) -> list[tuple[str, int]]:
    """Every link and image target written with brackets (inline and reference definitions), not in code,
    with its line. An autolink (<https://...>) always has a scheme, so it is not read here."""
    found = [(child.attrs["href" if child.type == "link_open" else "src"], line)
             for child, line in _inline_with_line(markdown, LINKS) if child.type in ("link_open", "image")]
    for definition in _parse(markdown, LINKS)[1].get("references", {}).values():
        found.append((definition["href"], definition["map"][0]))
    return sorted(found, key=lambda link: link[1])


def in_text(markdown: str, pattern: re.Pattern) -> list[tuple[re.Match, int]]:
    """Matches of pattern in the prose text (not in code, not in link targets), with their line."""
    found: list[tuple[re.Match, int]] = []
    if not pattern.search(markdown):        # nowhere in the text, so not in its prose either
        return found
    for child, line in _inline_with_line(markdown):
        if child.type == "text":
            for match in pattern.finditer(child.content):
                found.append((match, line + child.content.count("\n", 0, match.start())))
    return found


def placeholders(markdown: str) -> list[tuple[str, int]]:
    """Each `<!-- codewijzer: NAME -->` on a line of its own (not in code), with its line."""
    found: list[tuple[str, int]] = []
    if "codewijzer:" not in markdown:       # no placeholder at all: no need to parse
        return found
    for token in tokens(markdown, BLOCKS):
        if token.type == "html_block" and token.map:
            for offset, text in enumerate(token.content.split("\n")):
                match = PLACEHOLDER.match(text.strip())
                if match:
                    found.append((match.group("name"), token.map[0] + offset))
    return found


def rewrite_link_targets(markdown: str, rewrite: Callable[[str], str]) -> str:
    """Markdown with each relative inline link target replaced by rewrite(target) (not in code)."""
    lines = markdown.split("\n")
    done: set[tuple[int, str]] = set()
    for child, line in _inline_with_line(markdown, LINKS):
        if child.type not in ("link_open", "image"):
            continue
        target = child.attrs["href" if child.type == "link_open" else "src"]
        if re.match(r"^[a-z]+:", target) or (line, target) in done:
            continue
        done.add((line, target))
        lines[line] = lines[line].replace(f"]({target}", f"]({rewrite(target)}")
    return "\n".join(lines)


def heading_line(markdown: str, level: int = 1) -> int | None:
    """The line of the first heading of `level` (e.g. the page title), or None."""
    return next((token.map[0] for token in tokens(markdown, BLOCKS)
                 if token.type == "heading_open" and token.tag == f"h{level}" and token.map), None)
