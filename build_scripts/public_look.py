"""A public organisation's look: the organisation's name and accent colour in a band under the
site header, the editors' guide out of the employees' menu (a footer link instead).

The accent colour is the editor's (`huiskleur` in the code block of the organisation's index.md).
White text sits on it, so it must reach WCAG AA contrast (4.5:1) with white; the build says so in
Dutch when it does not.
"""
from __future__ import annotations

import re
from typing import Any

from .content_model import ContentError, SourcePage
from .paths import page_href
from .site_index import SiteIndex

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_ACCENT = "#154273"      # the site's own dark blue
GUIDE_INDEX = "handleiding/index.md"


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_with_white(colour: str) -> float:
    return 1.05 / (_luminance(colour) + 0.05)


def check_accents(pages: dict[str, SourcePage]) -> list[ContentError]:
    errors = []
    for page in pages.values():
        code = page.meta.get("code") if page.kind == "overzicht" else None
        if not isinstance(code, dict) or "huiskleur" not in code:
            continue
        colour, line = code["huiskleur"], page.key_lines.get("code.huiskleur", page.line_of("code"))
        if not isinstance(colour, str) or not HEX.match(colour):
            errors.append(ContentError(page.src_path, "'code.huiskleur' moet een kleur zijn als \"#cc0000\" "
                                                      "(tussen aanhalingstekens, # en zes tekens 0-9 of a-f).",
                                       line=line, key="code.huiskleur"))
        elif contrast_with_white(colour) < 4.5:
            errors.append(ContentError(page.src_path, f"de huiskleur {colour} is te licht: witte tekst erop is "
                                                      f"slecht leesbaar (contrast {contrast_with_white(colour):.1f}:1, "
                                                      "nodig is 4,5:1). Kies een donkerder tint.",
                                       line=line, key="code.huiskleur"))
    return errors


def configure(config: dict[str, Any], site: SiteIndex) -> None:
    """Site-wide template data: the organisations (for search) and whether the guide is built."""
    config["extra"]["organisaties"] = {org: site.organisation_name(org) for org in site.organisations()}
    config["extra"]["handleiding"] = "handleiding/" if GUIDE_INDEX in site.pages else ""


def band(source: SourcePage, site: SiteIndex) -> dict[str, str] | None:
    """The band under the header: the organisation's name (a link to its page) and its colour."""
    org = source.organisation
    if not org:
        return None
    code = site.code(org)
    return {
        "slug": org,
        "naam": code["organisatie"],
        "document": code["naam"],
        "href": page_href(source.src_path, f"{org}/index.md") or "./",
        "kleur": code.get("huiskleur") or DEFAULT_ACCENT,
        "hulp": page_href(source.src_path, site.code_link(org, "hulp")[0]) or "./",
    }
