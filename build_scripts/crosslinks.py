"""Links a reader needs without an editor writing them: 'Zie ook', where an example belongs,
and every mention of the vertrouwenspersoon leading to who that is."""
from __future__ import annotations

import re

from .content_model import SourcePage
from .frontmatter_schema import resolve_link
from .links import rel, try_in_checker
from .site_index import SiteIndex

SEE_ALSO_KINDS = {"thema", "meldroute", "hulp", "rapport"}
TRUSTED_PERSON = re.compile(r"(?<![\w-])([Vv]ertrouwensperso(?:on|nen))(?![\w-])")
# Text inside these elements is never turned into a link (md_extension.TrustedPersonLinks).
NO_LINK_TAGS = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "svg", "script", "style", "title",
                "figcaption", "button", "label", "summary"}


def see_also(page: SourcePage, site: SiteIndex) -> str:
    """The 'Zie ook' section for theme, flow and help pages."""
    if page.kind not in SEE_ALSO_KINDS or not page.organisation:
        return ""
    links: list[tuple[str, str]] = []
    for link in page.meta.get("gerelateerd", []):
        target = site.pages.get(resolve_link(page, link))
        links.append((target.meta["title"] if target else link, link))
    for target in [site.help_page(page.organisation)] + site.pages_of(page.organisation, {"meldroute"}):
        if target.src_path != page.src_path:
            links.append((target.meta["title"], rel(page, target.src_path)))
    if page.kind == "thema":
        for peer in site.peer_theme_pages(page):
            links.append((f"{site.organisation_name(peer.organisation)}: {peer.meta['title']}", rel(page, peer.src_path)))
        if "codes-naast-elkaar.md" in site.pages:     # absent in a one-code site
            links.append(("Codes naast elkaar", rel(page, "codes-naast-elkaar.md")))
    seen, unique = set(), []
    for title, link in links:   # one link per page: the first, which may point at an anchor
        if link.split("#", 1)[0] not in seen:
            seen.add(link.split("#", 1)[0])
            unique.append((title, link))
    if not unique:
        return ""
    return "\n\n## Zie ook {#zie-ook}\n\n" + "\n".join(f"- [{title}]({link})" for title, link in unique) + "\n"


def example_context(page: SourcePage, site: SiteIndex) -> str:
    """On an example's own page: where it is discussed and which agreements it illustrates."""
    lines = ["", "---", ""]
    theme_pages = site.theme_pages_for(page)
    if theme_pages:
        lines.append("Dit voorbeeld hoort bij: " + ", ".join(
            f"[{p.meta['title']}]({rel(page, p.src_path)}#voorbeeld-{page.meta['id']})" for p in theme_pages) + ".")
    if page.meta.get("afspraken"):
        lines += ["", "De afspraken waar het om gaat:", ""]
        lines += [f"- [{_agreement_label(link, site, page)}]({link})" for link in page.meta["afspraken"]]
    if page.meta.get("check"):
        lines += ["", try_in_checker(page, page, site)]
    lines += ["", "[Alle praktijkvoorbeelden](" + rel(page, "voorbeelden.md") + ")"]
    return "\n".join(lines) + "\n"


def _agreement_label(link: str, site: SiteIndex, page: SourcePage) -> str:
    target = site.pages.get(resolve_link(page, link))
    anchor = link.partition("#")[2]
    number = anchor.removeprefix("afspraak-").replace("-", ".") if anchor.startswith("afspraak-") else ""
    title = target.meta["title"] if target else link
    return f"{title}, afspraak {number}" if number else title
