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

from build_scripts import (agreements, checker_assets, checker_embed, checks, crosslinks, csp, diagrams,  # noqa: E402
                           link_check, nl_design_system, open_items, page_history, placeholders, published,
                           quick_exit, single_code, workshops)
from build_scripts.content_model import ContentError, read_pages, read_theme_entries, read_themes  # noqa: E402
from build_scripts.frontmatter_schema import validate_site  # noqa: E402
from build_scripts.navigation import build_nav  # noqa: E402
from build_scripts.site_index import SiteIndex  # noqa: E402
from checkers.rules import doc_to_url  # noqa: E402

_site: SiteIndex | None = None
_checker_build: dict[str, object] = {}
_policies: set[str] = set()
_left_out: set[str] = set()     # pages left out of a one-code site (make build CODE=...)
_last_changed: dict = {}
_quick_exit_themes: set[str] = set()
_open_items = open_items.Guard()     # open items of a skeleton: fail the build, or a banner (make serve)


def _fail(errors: list[ContentError]) -> PluginError:
    lines = "\n".join(f"  - docs/{e}" for e in errors)
    return PluginError(f"De inhoud bevat {len(errors)} fout(en). Los ze op en bouw opnieuw:\n{lines}")


def on_files(files, config):
    """Read and validate every page before anything is rendered; derive the menu from front matter.

    Editor mistakes are collected per step and reported together; a step that needs valid input
    from the steps before it runs only when they found nothing."""
    global _site
    _policies.clear()
    docs_dir = Path(config["docs_dir"])
    pages, themes = _read_content(docs_dir)
    only, pages, removed = _select_code(pages)
    errors = validate_site(pages, themes) + link_check.check_file_links(pages, docs_dir)
    errors += _missing_source_documents(pages, docs_dir)
    rule_sets, rule_errors = _load_rules(docs_dir, only)
    if errors or rule_errors:     # what follows relies on valid front matter and rule data
        raise _fail(errors + rule_errors)
    if only:
        source_text = pages[f"{only}/index.md"].meta["code"]["bronbestand"]
        for file in single_code.other_files(files, only, removed, {source_text}):
            files.remove(file)
    if message := _open_items.check(docs_dir, [file.src_uri for file in files]):
        raise PluginError(message)
    _site = _index_site(pages, themes, rule_sets)
    errors = checks.check_wiring(_site, docs_dir) + _examples_on_no_theme_page(_site)
    if errors:
        raise _fail(errors)
    config["nav"] = build_nav(_site)
    workshops.add_pages(files, config, _site)
    _last_changed.clear()
    _last_changed.update(page_history.last_changed(docs_dir))
    config["extra"]["bewerk_basis"] = page_history.edit_base(config["extra"].get("bewerk_basis") or "", docs_dir)
    return files


def _read_content(docs_dir: Path) -> tuple[dict, dict]:
    """Every page's front matter and the themes; ends the build on any error in them."""
    pages, errors = read_pages(docs_dir)
    try:
        themes = read_themes(docs_dir)
        _quick_exit_themes.clear()
        _quick_exit_themes.update(quick_exit.flagged_themes(read_theme_entries(docs_dir)))
    except ContentError as error:
        raise _fail(errors + [error]) from None
    if errors:
        raise _fail(errors)
    return pages, themes


def _select_code(pages: dict) -> tuple[str | None, dict, set[str]]:
    """The one code to build (make build CODE=...), its pages, and the pages left out."""
    only, removed = single_code.selected_code(), set()
    _left_out.clear()
    if only:
        try:
            pages, removed = single_code.restrict(pages, only)
            _left_out.update(removed)
        except single_code.UnknownCode as error:
            raise PluginError(str(error)) from None
    return only, pages, removed


def _missing_source_documents(pages: dict, docs_dir: Path) -> list[ContentError]:
    errors = []
    for page in pages.values():
        code = page.meta.get("code") if page.kind == "overzicht" else None
        if isinstance(code, dict) and not (docs_dir / "bronnen" / str(code.get("bronbestand"))).is_file():
            errors.append(ContentError(page.src_path, f"het brondocument 'bronnen/{code.get('bronbestand')}' "
                                                      "bestaat niet. Zet de tekst van de code in docs/bronnen/.",
                                       line=page.key_lines.get("code.bronbestand", page.line_of("code")),
                                       key="code.bronbestand"))
    return errors


def _load_rules(docs_dir: Path, only: str | None) -> tuple[dict, list[ContentError]]:
    rule_sets, rule_errors = checks.load_checks(docs_dir)
    if only:
        rule_sets = {key: rules for key, rules in rule_sets.items() if key[0] == only}
        rule_errors = [e for e in rule_errors if e.path.startswith(only + "/")]
    return rule_sets, rule_errors


def _index_site(pages: dict, themes: dict, rule_sets: dict) -> SiteIndex:
    """The site index, with the checkers' wheel and the Pyodide runtime it needs."""
    wheel_name, _checker_build["bytes"] = checker_assets.build_wheel()
    site = SiteIndex(pages, themes, rule_sets, wheel_name)
    _checker_build["requests"] = checks.sample_requests(site)
    site.runtime = checker_assets.runtime_names(_checker_build["bytes"], _checker_build["requests"])
    return site


def _examples_on_no_theme_page(site: SiteIndex) -> list[ContentError]:
    return [ContentError(e.src_path, "dit voorbeeld staat op geen enkele themapagina. Het eerste thema in "
                         "'themas' moet ook bij 'themas' staan van een themapagina van dezelfde organisatie "
                         "met de regel <!-- codewijzer: voorbeelden -->.", line=e.line_of("themas"), key="themas")
            for e in site.examples() if not site.theme_pages_for(e)]


def on_page_markdown(markdown, page, config, files):
    source = _site.pages.get(page.file.src_uri)
    if source is None:      # a generated workshop page: complete as it is
        return markdown
    # MkDocs drops the blank lines after the front matter; put them back so error lines match the file.
    markdown = "\n" * (len(source.body) - len(source.body.lstrip("\n"))) + markdown.lstrip("\n")
    if _left_out:
        markdown = single_code.without_links_to(markdown, source, _left_out)
    try:   # the editor's own text first, so line numbers in errors are those of the file
        markdown = agreements.render_agreements(markdown, source.src_path, source.body_start_line)
        markdown = diagrams.replace_flows_and_charts(markdown, source)
        markdown = placeholders.render_placeholders(markdown, source, _site)
    except ContentError as error:
        raise _fail([error]) from None
    if source.kind == "voorbeeld":
        markdown += crosslinks.example_context(source, _site)
    return markdown + crosslinks.see_also(source, _site)


def on_page_content(html, page, config, files):
    source = _site.pages.get(page.file.src_uri)
    if source is None or not source.organisation:
        return html
    target_path, anchor = _site.code_link(source.organisation, "vertrouwenspersoon")
    target = files.get_file_from_path(target_path)
    href = get_relative_url(target.url, page.file.url) + (f"#{anchor}" if anchor else "")
    return crosslinks.link_trusted_person(html, href)


def on_env(env, config, files):
    """Every page is rendered: check anchors ourselves, in Dutch, before MkDocs' own warnings."""
    errors = link_check.check_anchors(files, _site, Path(config["docs_dir"]))
    if errors:
        raise _fail(errors)
    return env


def on_page_context(context, page, config, nav):
    """The line under the page: the code's version, when the page last changed, "Bewerk deze pagina"."""
    source = _site.pages.get(page.file.src_uri)
    if source is None:      # a generated workshop page
        return context
    org = source.organisation
    changes = next((p.src_path for p in _site.pages.values() if org and p.organisation == org
                    and p.kind == "wijzigingen"), None)
    changes_href = get_relative_url(doc_to_url(changes), page.file.url) if changes not in (None, source.src_path) \
        else None
    page.codewijzer_footer = page_history.page_footer(
        source.src_path, _last_changed.get(source.src_path), config["extra"].get("bewerk_basis") or "",
        _site.code(org) if org else None, changes_href)
    return context


def on_post_page(output, page, config):
    """'Snel weg' on sensitive pages; every page carries its Content-Security-Policy as a meta tag
    (hashes of its inline scripts); a page with a checker starts loading it from <head>."""
    source = _site.pages.get(page.file.src_uri)
    if source:
        output = quick_exit.add_control(output, source.meta, _quick_exit_themes, page.file.url)
    head = checker_embed.head_tags(output, _site.wheel_name, _site.runtime)
    if head:
        output = checker_embed.delay_search(output.replace("</head>", head + "</head>", 1))
    output = _open_items.add_banner(output)
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
    if message := published.record_and_check(site_dir, Path(config["config_file_path"]).parent, _site,
                                                  single_code.selected_code()):
        raise PluginError(message)
    csp.write_server_policies(site_dir, sorted(_policies))
    checker_assets.precompress(site_dir)
