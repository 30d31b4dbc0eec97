"""Stage 3 of 3, on the rendered site: the anchor check, the Content-Security-Policy (hashes of each
page's inline scripts), the checkers' runtime files and NL Design System styles, pre-compression.

Engine-free: the engine adapter hands over each finished page and, once every page is rendered,
the ids each page has and the anchor links it makes (plain dicts)."""
from __future__ import annotations

from pathlib import Path

from . import checker_assets, contact_points, csp, link_check, nl_design_system, plain_language, site_stylesheet
from .build_state import BuildState
from .prepare import BuildStopped, ContentErrors


def check_anchors(state: BuildState, docs_dir: Path, present: dict[str, set[str]],
                  anchor_links: dict[str, dict[str, dict[str, str]]]) -> None:
    """Every link to an anchor, and every rule source, points at an id the target page has.
    present: docs path -> ids on the rendered page; anchor_links: docs path -> target docs path ->
    {anchor: the link as written}."""
    errors = link_check.check_anchors(present, anchor_links, state.site, docs_dir)
    if errors:
        raise ContentErrors(errors)


def finish_page(state: BuildState, page_html: str) -> str:
    """A rendered page with its Content-Security-Policy; its hashes join the site's header policy."""
    hashes = csp.script_hashes(page_html)
    state.policies.update(hashes)
    return csp.add_meta_policy(page_html, hashes)


def finish_site(state: BuildState, site_dir: Path, docs_dir: Path) -> None:
    try:
        checker_assets.write_assets(site_dir, state.site.wheel_name, state.site.runtime)
        site_stylesheet.write(site_dir, docs_dir)
    except (checker_assets.AssetError, nl_design_system.AssetError) as error:
        raise BuildStopped(str(error)) from None
    contact_points.write_export(site_dir, state.site)
    plain_language.write_glossary(site_dir, state.site.glossary)
    csp.write_server_policies(site_dir, sorted(state.policies))
    checker_assets.precompress(site_dir)
