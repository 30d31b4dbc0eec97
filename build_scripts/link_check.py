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

from .content_model import ContentError, SourcePage
from .markdown_blocks import links
from .site_index import SiteIndex

SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def body_links(page: SourcePage) -> list[tuple[str, int]]:
    """Every Markdown link target in a page's body (not in code), with its line in the file."""
    return [(target, page.body_start_line + line) for target, line in links(page.body)]


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


def check_anchors(present_ids: dict[str, set[str]], anchor_links: dict[str, dict[str, dict[str, str]]],
                  site: SiteIndex, docs_dir: Path) -> list[ContentError]:
    """Links to an anchor (#...) that the target page does not have, and rule sources ('bron') likewise.

    From the rendered site: present_ids (docs path -> the ids its page has) and anchor_links (docs
    path -> target docs path -> {anchor: the link as written})."""
    errors: dict[tuple[str, int | None, str], ContentError] = {}

    def anchors_of(doc: str) -> set[str] | None:
        return present_ids.get(doc)

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
    for src_uri, targets in anchor_links.items():
        if src_uri not in site.pages:
            continue
        for to_src, links in targets.items():
            present = present_ids.get(to_src)
            for anchor, original in links.items():
                if present is None or anchor in present:
                    continue
                where = _origin(src_uri, original, anchor, site, docs_dir)
                if where is None:
                    if src_uri in rule_pages:
                        continue        # a checker's source link: reported above against the rule file
                    where = (src_uri, None)
                if where[0] != src_uri:     # written in an example, found on the theme page showing it
                    message = f"een link wijst naar het anker '#{anchor}', maar dat staat niet op {to_src}. "
                elif to_src != src_uri:
                    message = (f"de link '{original}' wijst naar het anker '#{anchor}', maar dat staat niet op "
                               f"{to_src}. ")
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
