"""Links and anchors, checked by Codewijzer itself so an editor gets one Dutch message with file and line.

Two moments: links to files are checked in the editor's Markdown before anything is rendered
(check_file_links); anchors can only be checked once every page is rendered and its ids are known
(check_anchors, run from on_env, before MkDocs' own English anchor warnings).
"""
from __future__ import annotations

import difflib
import posixpath
import re
from pathlib import Path
from typing import Any

from .content_model import ContentError, SourcePage
from .markdown_blocks import INLINE_CODE, map_prose
from .site_index import SiteIndex

MD_LINK = re.compile(r"\]\((?P<target><[^>\n]*>|[^)\s]+)(?:\s+\"[^\"\n]*\")?\)")
REFERENCE = re.compile(r"^[ \t]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(?P<target><[^>\n]*>|\S+)", re.M)   # [naam]: doel.md
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def _blank(match: re.Match) -> str:
    """Inline code keeps its length and line breaks, but its links are not links."""
    return re.sub(r"[^\n]", " ", match.group(0))


def body_links(page: SourcePage) -> list[tuple[str, int]]:
    """Every Markdown link target in a page's body (not in code), with its line in the file."""
    found: list[tuple[str, int]] = []

    def collect(chunk: str, offset: int) -> str:
        text = INLINE_CODE.sub(_blank, chunk)
        for match in [*MD_LINK.finditer(text), *REFERENCE.finditer(text)]:
            line = page.body_start_line + offset + text.count("\n", 0, match.start())
            found.append((match.group("target").strip("<>"), line))
        return chunk

    map_prose(page.body, collect)
    return found


def check_file_links(pages: dict[str, SourcePage], docs_dir: Path) -> list[ContentError]:
    """Links to pages or files that do not exist, or that MkDocs would not recognise as a page."""
    errors = []
    for page in pages.values():
        for target, line in body_links(page):
            if SCHEME.match(target) or target.startswith("#"):
                continue
            path = target.split("#", 1)[0]
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.src_path), path))
            if path.startswith("/"):
                errors.append(ContentError(page.src_path, f"de link '{target}' begint met '/'. Gebruik een pad vanaf "
                                           "deze pagina, zoals ../gemeente-utrecht/geschenken.md.", line=line, key="link"))
            elif path.endswith(".md"):
                if resolved not in pages:
                    errors.append(ContentError(page.src_path, f"de link '{target}' wijst naar een pagina die niet "
                                               f"bestaat (gezocht: docs/{resolved}). Controleer de bestandsnaam en het "
                                               "pad vanaf deze pagina, of haal de link weg.", line=line, key="link"))
            elif not (docs_dir / resolved).is_file():
                errors.append(ContentError(page.src_path, f"de link '{target}' wijst niet naar een .md-bestand of een "
                                           "ander bestand in docs/. Link naar het bestand zelf, bijvoorbeeld "
                                           "geschenken.md of hulp.md#vertrouwenspersoon.", line=line, key="link"))
    return errors


def _line_in(text: str, needle: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    return None


def check_anchors(files: Any, site: SiteIndex, docs_dir: Path) -> list[ContentError]:
    """Links to an anchor (#...) that the target page does not have, and rule sources ('bron') likewise.

    `files` is MkDocs' file collection after rendering: each page knows the ids it has
    (present_anchor_ids) and the anchor links it makes (links_to_anchors)."""
    errors: dict[tuple[str, int | None, str], ContentError] = {}

    def anchors_of(doc: str) -> set[str] | None:
        file = files.get_file_from_path(doc)
        return None if file is None or file.page is None else (file.page.present_anchor_ids or set())

    def add(error: ContentError, anchor: str) -> None:
        # One message per written link: an example's link is also rendered (rebased) on its theme page.
        errors.setdefault((error.path, error.line, anchor), error)

    for (org, checker), rules in sorted(site.checks.items()):
        rel = f"{org}/regels/{checker}.toml"
        text = (docs_dir / rel).read_text(encoding="utf-8")
        limit_sources = [v.source for limit in rules.limits.values() for v in limit.values if v.source]
        for source in [s for rule in rules.rules + (rules.default,) for s in rule.sources] + limit_sources:
            present = anchors_of(source.doc)
            if present is not None and source.anchor not in present:
                add(ContentError(rel, f"de bron '#{source.anchor}' bestaat niet (meer) op {source.doc}. "
                                 "Is de afspraak vernummerd of verwijderd? " + nearest_anchor(source.anchor, present),
                                 line=_line_in(text, "#" + source.anchor), key="bron"), source.anchor)

    for org in site.organisations():
        doc, anchor = site.code_link(org, "vertrouwenspersoon")
        present = anchors_of(doc)
        if anchor and present is not None and anchor not in present:
            overview = site.pages[f"{org}/index.md"]
            add(ContentError(overview.src_path, f"het anker '#{anchor}' staat niet op {doc}. Zet daar een kopje met "
                             f"{{#{anchor}}} of verwijs naar een anker dat er wel staat.",
                             line=overview.line_of("code.vertrouwenspersoon"), key="code.vertrouwenspersoon"), anchor)

    rule_pages = {site.check_page(org, checker) for org, checker in site.checks}
    for file in files.documentation_pages():
        page = file.page
        if page is None or file.src_uri not in site.pages:
            continue
        for to_file, links in (page.links_to_anchors or {}).items():
            present = to_file.page.present_anchor_ids if to_file.page else None
            for anchor, original in links.items():
                if present is None or anchor in present:
                    continue
                where = _origin(file.src_uri, original, anchor, site, docs_dir)
                if where is None:
                    if file.src_uri in rule_pages:
                        continue        # a checker's source link: reported above against the rule file
                    where = (file.src_uri, None)
                if where[0] != file.src_uri:     # written in an example, found on the theme page showing it
                    message = f"een link wijst naar het anker '#{anchor}', maar dat staat niet op {to_file.src_uri}. "
                elif to_file.src_uri != file.src_uri:
                    message = (f"de link '{original}' wijst naar het anker '#{anchor}', maar dat staat niet op "
                               f"{to_file.src_uri}. ")
                else:
                    message = f"de link '{original}' wijst naar het anker '#{anchor}', maar dat staat niet op deze pagina. "
                close = difflib.get_close_matches(anchor, sorted(present), n=1, cutoff=0.6)
                if close:
                    message += f"Bedoel je #{close[0]}? Dat anker staat wel op die pagina. "
                add(ContentError(where[0], message + "Controleer het nummer of kopje (afspraak 2.5a heeft het anker "
                                 "#afspraak-2-5a), of haal '#...' weg.", line=where[1], key="link"), anchor)
    return sorted(errors.values(), key=lambda e: (e.path, e.line or 0))


def _origin(src_uri: str, original: str, anchor: str, site: SiteIndex,
            docs_dir: Path) -> tuple[str, int | None] | None:
    """The file and line an anchor link was written in: the page itself, or an example shown on it."""
    page = site.pages[src_uri]
    candidates = [page] + (site.examples_for_theme_page(page) if page.kind == "thema" else [])
    for candidate in candidates:
        text = (docs_dir / candidate.src_path).read_text(encoding="utf-8")
        needle = original if candidate is page else "#" + anchor
        line = _line_in(text, needle)
        if line is not None:
            return candidate.src_path, line
    return None


def nearest_anchor(anchor: str, present: set[str]) -> str:
    """The Dutch hint for a missing anchor: the closest anchor that is on the page, if one is close."""
    close = difflib.get_close_matches(anchor, sorted(present), n=1, cutoff=0.6)
    if close:
        return f"Bedoel je #{close[0]}? Dat anker staat wel op die pagina."
    return "Verwijs naar een anker dat nu op die pagina staat, bijvoorbeeld #afspraak-2-5a."
