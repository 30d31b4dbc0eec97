"""The menu, built from front matter, so adding a page never means editing mkdocs.yml."""
from __future__ import annotations

from typing import Any

from .site_index import SiteIndex

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
    nav += [{p.meta["title"]: p.src_path} for p in root if p.kind != "start"]
    return nav
