"""Links the build writes between pages: examples shown on other pages, 'Probeer in de check'."""
from __future__ import annotations

from .content_model import SourcePage
from .markdown_blocks import rewrite_link_targets
from .paths import doc_link, page_href, resolve_doc
from .site_index import SiteIndex


def rel(page: SourcePage, target: str) -> str:
    """A Markdown link from page to target (a docs path), as the engine expects it."""
    return doc_link(page.src_path, target)


def rebase_links(markdown: str, source: SourcePage, page: SourcePage) -> str:
    """Rewrite the relative links of source's Markdown so they work when shown on page."""
    def rebase(target: str) -> str:
        path, _, anchor = target.partition("#")
        absolute = resolve_doc(source.src_path, path) if path else source.src_path
        return doc_link(page.src_path, absolute) + ("#" + anchor if anchor else "")
    return rewrite_link_targets(markdown, rebase)


def try_in_checker(page: SourcePage, example: SourcePage, site: SiteIndex) -> str:
    """'Probeer in de check': the checker's page, with only the example's id in the fragment.

    Raw HTML, because '#check=<id>' is read by the page script, not an anchor the engine could validate.
    """
    check = example.meta.get("check")
    if not check:
        return ""
    href = page_href(page.src_path, site.check_page(example.organisation, check["naam"]))
    return (f'<a class="md-button cw-probeer" href="{href}#check={example.meta["id"]}">'
            f"Probeer in de check</a>")
