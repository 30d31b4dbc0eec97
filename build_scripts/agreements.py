"""Agreements: `[[2.5a]]` at the start of a list item or paragraph becomes a numbered, linkable rule.

The anchor is derived from the number (`#afspraak-2-5a`), so it stays stable while the text is
edited, and checkers and trainers can link to exactly one agreement.
"""
from __future__ import annotations

import re

from .content_model import ContentError
from .markdown_blocks import in_text, map_prose

LABEL = r"[0-9A-Za-z]+(?:[.\-][0-9A-Za-z]+)*"
AGREEMENT = re.compile(rf"^(?P<lead>[ \t]*(?:(?:[-*+]|\d+\.)[ \t]+)?)\[\[(?P<label>{LABEL})\]\](?=[ \t])", re.M)
STRAY = re.compile(r"\[\[[^\]\n]*\]\]")


def anchor_for(label: str) -> str:
    return "afspraak-" + re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")


def render_agreements(markdown: str, src_path: str, first_line: int = 1) -> str:
    """Replace agreement markers by self-links carrying the anchor; reject duplicates and strays."""
    seen: dict[str, int] = {}

    def rewrite(chunk: str, offset: int) -> str:
        def substitute(match: re.Match) -> str:
            label = match.group("label")
            anchor = anchor_for(label)
            line = first_line + offset + chunk.count("\n", 0, match.start())
            if anchor in seen:
                raise ContentError(src_path, f"afspraak [[{label}]] staat twee keer op deze pagina (ook op regel "
                                             f"{seen[anchor]}). Elk nummer mag één keer voorkomen: geef een van beide een "
                                             "ander nummer.", line=line)
            seen[anchor] = line
            return (f'{match.group("lead")}[{label}](#{anchor}){{#{anchor} .cw-afspraak '
                    f'title="Vaste link naar afspraak {label}"}}')

        return AGREEMENT.sub(substitute, chunk)

    rewritten = map_prose(markdown, rewrite)
    strays = in_text(rewritten, STRAY)       # not in code: `[[2.5a]]` in the editors' guide is fine
    if strays:
        stray, line = strays[0]
        raise ContentError(src_path, f"'{stray.group(0)}' wordt niet herkend als afspraaknummer. Zet het "
                                     "nummer aan het begin van een regel of opsommingsteken, alleen cijfers, "
                                     "letters en punten, gevolgd door een spatie: '- [[2.5a]] Tekst'.",
                           line=first_line + line)
    return rewritten


def agreement_anchors(markdown: str) -> list[str]:
    """The anchors a page's agreements will get (for tests and rule-data checks)."""
    anchors: list[str] = []
    map_prose(markdown, lambda chunk, _: anchors.extend(anchor_for(m.group("label"))
                                                         for m in AGREEMENT.finditer(chunk)) or chunk)
    return anchors
