"""Questions about the site as a whole (which examples, which organisations), asked while rendering."""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .content_model import SourcePage

if TYPE_CHECKING:
    from .contact_points import ContactPoint

EXAMPLES_PLACEHOLDER = re.compile(r"<!--\s*codewijzer:\s*voorbeelden\s*-->")


@dataclass
class SiteIndex:
    pages: dict[str, SourcePage]
    themes: dict[str, str]
    checks: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)   # (org, checker) -> rules
    wheel_name: str = ""
    runtime: dict[str, Any] = field(default_factory=dict)    # lean stdlib and snapshot file names, sizes
    contact_points: dict[str, list[ContactPoint]] = field(default_factory=dict)   # org -> its contactpunten.yml
    glossary: dict[str, str] = field(default_factory=dict)   # docs/afkortingen.yml: abbreviation -> explanation

    def organisations(self) -> list[str]:
        """Organisation slugs, sorted by display name (the order of the menu and the start page)."""
        orgs = {p.organisation for p in self.pages.values() if p.organisation}
        return sorted(orgs, key=self.organisation_name)

    def code(self, org: str) -> dict[str, Any]:
        return self.pages[f"{org}/index.md"].meta["code"]

    def code_link(self, org: str, key: str) -> tuple[str, str]:
        """A link in an overview's code block (hulp, vertrouwenspersoon) as (docs path, anchor)."""
        path, _, anchor = self.code(org)[key].partition("#")
        return posixpath.normpath(f"{org}/{path}"), anchor

    def help_page(self, org: str) -> SourcePage:
        return self.pages[self.code_link(org, "hulp")[0]]

    def organisation_name(self, org: str) -> str:
        return self.code(org)["organisatie"]

    def examples(self) -> list[SourcePage]:
        return sorted((p for p in self.pages.values() if p.kind == "voorbeeld"),
                      key=lambda p: (p.organisation, p.meta["title"].lower()))

    def examples_for_theme_page(self, page: SourcePage) -> list[SourcePage]:
        themes = set(page.meta.get("themas", []))
        return [e for e in self.examples() if e.organisation == page.organisation and e.meta["themas"][0] in themes]

    def theme_pages_for(self, example: SourcePage) -> list[SourcePage]:
        """The theme pages on which an example is shown."""
        return [p for p in self.pages.values() if p.kind == "thema" and p.organisation == example.organisation
                and example.meta["themas"][0] in p.meta.get("themas", []) and EXAMPLES_PLACEHOLDER.search(p.body)]

    def peer_theme_pages(self, page: SourcePage) -> list[SourcePage]:
        """Theme pages of other organisations about the same main theme."""
        theme = page.meta["themas"][0]
        return sorted((p for p in self.pages.values() if p.kind == "thema" and p.organisation != page.organisation
                       and p.meta["themas"][0] == theme), key=lambda p: p.src_path)

    def checks_of(self, org: str) -> list[tuple[str, dict[str, Any]]]:
        return sorted((checker, rules) for (o, checker), rules in self.checks.items() if o == org)

    def check_page(self, org: str, checker: str) -> str:
        """The page (docs path) that embeds an organisation's checker."""
        return posixpath.normpath(f"{org}/regels/{self.checks[(org, checker)].page}")

    def examples_with_check(self, org: str, checker: str) -> dict[str, dict[str, Any]]:
        return {e.meta["id"]: e.meta["check"]["antwoorden"] for e in self.examples()
                if e.organisation == org and e.meta.get("check", {}).get("naam") == checker}

    def pages_of(self, org: str | None, kinds: set[str]) -> list[SourcePage]:
        return sorted((p for p in self.pages.values() if p.organisation == org and p.kind in kinds),
                      key=lambda p: (p.meta.get("volgorde", 0), p.src_path))
