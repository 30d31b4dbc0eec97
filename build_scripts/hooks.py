"""MkDocs hooks: the only place where MkDocs meets Codewijzer's content model.

Each hook is thin; the work is in the modules beside it. Errors an editor can cause are
ContentError and end the build with one Dutch message per problem (file, line, key, hint).
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # hooks are loaded as loose files

from build_scripts import (agreements, checker_assets, checks, crosslinks, csp, diagrams,  # noqa: E402
                           nl_design_system, placeholders)
from build_scripts.content_model import ContentError, read_pages, read_themes  # noqa: E402
from build_scripts.frontmatter_schema import validate_site  # noqa: E402
from build_scripts.navigation import build_nav  # noqa: E402
from build_scripts.site_index import SiteIndex  # noqa: E402

_site: SiteIndex | None = None
_checker_build: dict[str, object] = {}
_policies: set[str] = set()


def _fail(errors: list[ContentError]) -> PluginError:
    lines = "\n".join(f"  - docs/{e}" for e in errors)
    return PluginError(f"De inhoud bevat {len(errors)} fout(en). Los ze op en bouw opnieuw:\n{lines}")


def on_files(files, config):
    """Read and validate every page before anything is rendered; derive the menu from front matter."""
    global _site
    _policies.clear()
    docs_dir = Path(config["docs_dir"])
    pages, errors = read_pages(docs_dir)
    try:
        themes = read_themes(docs_dir)
    except ContentError as error:
        raise _fail(errors + [error]) from None
    if errors:
        raise _fail(errors)
    errors = validate_site(pages, themes)
    for page in pages.values():
        code = page.meta.get("code") if page.kind == "overzicht" else None
        if isinstance(code, dict) and not (docs_dir / "bronnen" / str(code.get("bronbestand"))).is_file():
            errors.append(ContentError(page.src_path, f"het brondocument 'bronnen/{code.get('bronbestand')}' "
                                                      "bestaat niet. Zet de tekst van de code in docs/bronnen/.",
                                       line=page.line_of("code"), key="code.bronbestand"))
    rule_sets, rule_errors = checks.load_checks(docs_dir)
    wheel_name, _checker_build["bytes"] = checker_assets.build_wheel()
    _site = SiteIndex(pages, themes, rule_sets, wheel_name)
    errors += rule_errors + (checks.check_wiring(_site) if not rule_errors else [])
    _checker_build["requests"] = checks.sample_requests(_site)
    _site.runtime = checker_assets.runtime_names(_checker_build["bytes"], _checker_build["requests"])
    errors += [ContentError(e.src_path, "dit voorbeeld staat op geen enkele themapagina. Het eerste thema in "
                            "'themas' moet ook bij 'themas' staan van een themapagina van dezelfde organisatie "
                            "met de regel <!-- codewijzer: voorbeelden -->.", line=e.line_of("themas"), key="themas")
               for e in _site.examples() if not _site.theme_pages_for(e)]
    if errors:
        raise _fail(errors)
    config["nav"] = build_nav(_site)
    return files


def on_page_markdown(markdown, page, config, files):
    source = _site.pages[page.file.src_uri]
    try:
        markdown = placeholders.render_placeholders(markdown, source, _site)
        markdown = agreements.render_agreements(markdown, source.src_path, source.body_start_line)
        markdown = diagrams.replace_flows_and_charts(markdown, source)
    except ContentError as error:
        raise _fail([error]) from None
    if source.kind == "voorbeeld":
        markdown += crosslinks.example_context(source, _site)
    return markdown + crosslinks.see_also(source, _site)


def on_page_content(html, page, config, files):
    source = _site.pages[page.file.src_uri]
    if not source.organisation:
        return html
    target_path, anchor = _site.code_link(source.organisation, "vertrouwenspersoon")
    target = files.get_file_from_path(target_path)
    href = get_relative_url(target.url, page.file.url) + (f"#{anchor}" if anchor else "")
    return crosslinks.link_trusted_person(html, href)


def on_post_page(output, page, config):
    """Every page carries its Content-Security-Policy as a meta tag (hashes of its inline scripts)."""
    _policies.update(csp.script_hashes(output))
    return csp.add_meta_policy(output)


def on_post_build(config):
    site_dir = Path(config["site_dir"])
    try:
        checker_assets.prepare_runtime(_checker_build["bytes"], _checker_build["requests"], _site.runtime)
        checker_assets.write_assets(site_dir, _site.wheel_name, _checker_build["bytes"], _site.runtime)
        nl_design_system.write(site_dir)
    except (checker_assets.AssetError, nl_design_system.AssetError) as error:
        raise PluginError(str(error)) from None
    # One policy for a server header covers every page: the union of all pages' inline-script hashes.
    (site_dir / "content-security-policy.txt").write_text(csp.policy(sorted(_policies)) + "\n", encoding="utf-8")
    checker_assets.precompress(site_dir)
