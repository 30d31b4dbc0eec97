"""A site with one organisation's code only (`make build CODE=<slug>`), e.g. for its intranet.

The pages of the other organisations, their rule data and source texts are left out, as are
pages that only make sense with every code (the comparison), and the editors' guide unless
HANDLEIDING=ja (an intranet's readers are employees; the guide is about GitHub and every code). Links on the remaining pages to
what was left out are taken away, so the smaller site still builds with --strict.
"""
from __future__ import annotations

import os
import re

from .content_model import SourcePage
from .frontmatter_schema import resolve_link

ENV = "CODEWIJZER_CODE"
GUIDE_ENV = "CODEWIJZER_HANDLEIDING"  # make build CODE=... HANDLEIDING=ja keeps the editors' guide
ALL_CODES_ONLY = {"vergelijking"}     # page kinds that compare every code
GUIDE = "handleiding/"                # the editors' guide: GitHub, pull requests, other codes' examples
LIST_ITEM = re.compile(r"^([-*+]|\d+\.)[ \t]")
LINK = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)\)")


class UnknownCode(ValueError):
    pass


def selected_code() -> str | None:
    return os.environ.get(ENV, "").strip() or None


def keep_guide() -> bool:
    return os.environ.get(GUIDE_ENV, "").strip().lower() in {"ja", "1", "true"}


def restrict(pages: dict[str, SourcePage], code: str) -> tuple[dict[str, SourcePage], set[str]]:
    """The pages of a one-code site, and the docs paths of every page left out."""
    codes = sorted({p.organisation for p in pages.values() if p.organisation})
    if code not in codes:
        raise UnknownCode(f"CODE={code} is geen organisatie in docs/. Kies uit: {', '.join(codes)}. "
                          "De naam is de naam van de map, bijvoorbeeld: make build CODE=gemeente-utrecht")
    removed = {path for path, page in pages.items()
               if (page.organisation and page.organisation != code) or page.kind in ALL_CODES_ONLY
               or (path.startswith(GUIDE) and not keep_guide())}
    kept = {path: page for path, page in pages.items() if path not in removed}
    for page in kept.values():
        page.body = without_links_to(page.body, page, removed)
        if isinstance(page.meta.get("gerelateerd"), list):
            page.meta["gerelateerd"] = [link for link in page.meta["gerelateerd"]
                                        if resolve_link(page, link) not in removed]
    return kept, removed


def without_links_to(markdown: str, page: SourcePage, removed: set[str]) -> str:
    """Drop list items that link to a removed page; elsewhere keep only the link text.

    Lines are blanked rather than deleted, so line numbers in error messages still match the file."""
    def is_removed(target: str) -> bool:
        return ".md" in target and not re.match(r"^[a-z]+:", target) and resolve_link(page, target) in removed

    out, dropping = [], False
    for line in markdown.split("\n"):
        if LIST_ITEM.match(line):
            dropping = any(is_removed(m.group("target")) for m in LINK.finditer(line))
        elif not line.startswith((" ", "\t")) or not line.strip():
            dropping = False
        if dropping:
            out.append("")
            continue
        out.append(LINK.sub(lambda m: m.group("text") if is_removed(m.group("target")) else m.group(0), line))
    return "\n".join(out)


def other_files(paths: list[str], code: str, removed: set[str], sources: set[str]) -> set[str]:
    """Files (docs paths) to leave out: removed pages, other codes' folders, other codes' source texts."""
    leave_out = set()
    for path in paths:
        top = path.split("/", 1)[0]
        if path in removed:
            leave_out.add(path)
        elif "/" in path and top not in {code, "bronnen"} and any(p.startswith(top + "/") for p in removed):
            leave_out.add(path)
        elif top == "bronnen" and path.removeprefix("bronnen/") not in sources:
            leave_out.add(path)
    return leave_out
