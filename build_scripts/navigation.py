"""The menu, built from front matter, so adding a page never means editing mkdocs.yml."""
from __future__ import annotations

from typing import Any

from .site_index import SiteIndex

TRAINERS_PAGE = "workshop.md"   # build_scripts/workshops.py generates the sets it lists
IN_MENU = {"start", "overzicht", "thema", "meldroute", "hulp", "rapport", "index", "vergelijking", "info",
           "wijzigingen"}


def build_nav(site: SiteIndex) -> list[Any]:
    root = site.pages_of(None, IN_MENU)
    nav: list[Any] = []
    start = [p for p in root if p.kind == "start"]
    nav += [{"Start": p.src_path} for p in start]
    for org in site.organisations():
        children: list[Any] = [f"{org}/index.md"]
        children += [{p.meta["title"]: p.src_path} for p in site.pages_of(org, IN_MENU - {"overzicht"})]
        nav.append({site.organisation_name(org): children})
    # The workshop overview stands in the menu as the trainers' section, where its volgorde puts it.
    nav += [{"Voor trainers": [{p.meta["title"]: p.src_path}]} if p.src_path == TRAINERS_PAGE
            else {p.meta["title"]: p.src_path} for p in root if p.kind != "start" and "/" not in p.src_path]
    # The editors' guide (handleiding/) is not in the employees' menu: every page links it in the footer
    # ("Voor redacteuren", overrides/partials/copyright.html), and it links its own pages.
    return nav
