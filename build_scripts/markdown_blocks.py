"""Find the editor's special blocks in Markdown while leaving code fences alone."""
from __future__ import annotations

import re
from typing import Callable, Iterator

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>```+|~~~+)[ \t]*(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
                   re.M | re.S)


def replace_fenced(markdown: str, lang: str, render: Callable[[str, int], str]) -> str:
    """Replace each fenced block of language `lang` by render(body, line_offset)."""
    def substitute(match: re.Match) -> str:
        if match.group("lang") != lang:
            return match.group(0)
        line = markdown.count("\n", 0, match.start("body"))
        return render(match.group("body"), line)
    return FENCE.sub(substitute, markdown)


def outside_fences(markdown: str) -> Iterator[tuple[bool, str]]:
    """Yield (is_prose, chunk) so line-based rewrites can skip code blocks."""
    position = 0
    for match in FENCE.finditer(markdown):
        yield True, markdown[position:match.start()]
        yield False, match.group(0)
        position = match.end()
    yield True, markdown[position:]


def map_prose(markdown: str, rewrite: Callable[[str, int], str]) -> str:
    """Apply rewrite(chunk, first_line_offset) to the parts of markdown outside code fences."""
    out, line = [], 0
    for is_prose, chunk in outside_fences(markdown):
        out.append(rewrite(chunk, line) if is_prose else chunk)
        line += chunk.count("\n")
    return "".join(out)


INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)


def prose_only(markdown: str) -> str:
    """The Markdown with inline code and fenced blocks blanked out (same length and line breaks),
    so examples of syntax in a guide are not taken for the real thing."""
    out = []
    for is_prose, chunk in outside_fences(markdown):
        out.append(INLINE_CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), chunk) if is_prose
                   else re.sub(r"[^\n]", " ", chunk))
    return "".join(out)


MD_LINK = re.compile(r"(\]\()(?P<target>[^)\s]+)(\))")


def rewrite_link_targets(markdown: str, rewrite: Callable[[str], str]) -> str:
    """Markdown with each relative inline link target replaced by rewrite(target)."""
    def substitute(match: re.Match) -> str:
        target = match.group("target")
        if re.match(r"^[a-z]+:", target):
            return match.group(0)
        return f"{match.group(1)}{rewrite(target)}{match.group(3)}"
    return MD_LINK.sub(substitute, markdown)
