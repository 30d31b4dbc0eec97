"""Stage 1 of 3, before the engine runs: read and validate the content and the rule data, index the
site, write the generated pages as Markdown and build the checkers' wheel and runtime names.

Engine-free: it knows docs/ and returns a BuildState; the engine adapter (hooks.py) hands the
generated pages and the menu to the engine. Editor mistakes are collected per step and reported
together; a step that needs valid input from the steps before it runs only when they found nothing.
"""
from __future__ import annotations

from pathlib import Path

from . import (checker_assets, checks, contact_points, open_items, page_history, plain_language, public_look,
               quick_exit, single_code, workshops)
from .build_state import BuildState
from .content_model import ContentError, read_pages, read_theme_entries, read_themes
from .frontmatter_schema import validate_site
from .link_check import check_file_links
from .site_index import SiteIndex


class ContentErrors(Exception):
    """The content has errors an editor must fix; each names its file, line and key."""

    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        super().__init__(report(errors))


class BuildStopped(Exception):
    """A problem that is not in one file (an unknown CODE=..., a missing runtime asset)."""


def report(errors: list[ContentError]) -> str:
    lines = "\n".join(f"  - docs/{e}" for e in errors)
    return f"De inhoud bevat {len(errors)} fout(en). Los ze op en bouw opnieuw:\n{lines}"


def run(docs_dir: Path, configured_edit_base: str = "") -> BuildState:
    """Everything the engine needs, checked; raises ContentErrors or BuildStopped."""
    pages, themes, theme_entries = _read_content(docs_dir)
    only, pages, removed = _select_code(pages)
    errors = validate_site(pages, themes) + check_file_links(pages, docs_dir)
    errors += _missing_source_documents(pages, docs_dir) + public_look.check_accents(pages)
    points, point_errors = contact_points.load(docs_dir, {p.organisation for p in pages.values() if p.organisation})
    glossary, glossary_errors = plain_language.load_glossary(docs_dir)
    rule_sets, rule_errors = _load_rules(docs_dir, only)
    errors += point_errors + glossary_errors + rule_errors
    if errors:     # what follows relies on valid front matter and rule data
        raise ContentErrors(errors)
    state = _index_site(pages, themes, rule_sets)
    state.site.contact_points, state.site.glossary = points, glossary
    errors = checks.check_wiring(state.site, docs_dir) + _examples_on_no_theme_page(state.site)
    if errors:
        raise ContentErrors(errors)
    state.only_code, state.left_out = only, removed
    state.left_out_files, state.open_items = _publication_guard(docs_dir, state)
    state.quick_exit_themes = quick_exit.flagged_themes(theme_entries)
    state.generated = workshops.generated_pages(state.site)
    for page in state.site.pages.values():
        if page.organisation and page.kind == "wijzigingen":
            state.change_pages.setdefault(page.organisation, page.src_path)
    for org, checker in sorted(state.site.checks):
        state.checker_pages.setdefault(state.site.check_page(org, checker), []).append(checker)
    state.last_changed = page_history.last_changed(docs_dir)
    state.edit_base = page_history.edit_base(configured_edit_base, docs_dir)
    try:   # the lean standard library and the snapshot (cached in .cache/ per key)
        checker_assets.prepare_runtime(state.wheel, state.sample_requests, state.site.runtime)
    except checker_assets.AssetError as error:
        raise BuildStopped(str(error)) from None
    return state


def _read_content(docs_dir: Path) -> tuple[dict, dict, dict]:
    """Every page's front matter and the themes; ends the build on any error in them."""
    pages, errors = read_pages(docs_dir)
    try:
        theme_entries = read_theme_entries(docs_dir)
        themes = read_themes(docs_dir)
    except ContentError as error:
        raise ContentErrors(errors + [error]) from None
    if errors:
        raise ContentErrors(errors)
    return pages, themes, theme_entries


def _select_code(pages: dict) -> tuple[str | None, dict, set[str]]:
    """The one code to build (make build CODE=...), its pages, and the pages left out."""
    only = single_code.selected_code()
    if not only:
        return None, pages, set()
    try:
        pages, removed = single_code.restrict(pages, only)
    except single_code.UnknownCode as error:
        raise BuildStopped(str(error)) from None
    return only, pages, removed


def _publication_guard(docs_dir: Path, state: BuildState) -> tuple[set[str], list[open_items.OpenItem]]:
    """The docs files a one-code site leaves out, and the open items in the files the site publishes.
    Open items stop the build unless it is a concept (make serve shows them as a banner)."""
    paths = sorted(path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*")
                   if path.is_file() and not any(part.startswith(".") for part in path.relative_to(docs_dir).parts))
    left_out: set[str] = set()
    if state.only_code:
        kept_source = {state.site.code(state.only_code)["bronbestand"]}
        left_out = single_code.other_files(paths, state.only_code, state.left_out, kept_source)
    items = open_items.find(docs_dir, [path for path in paths if path not in left_out])
    if items and not open_items.concept_mode():
        raise BuildStopped(open_items.failure_message(items))
    return left_out, items


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


def _index_site(pages: dict, themes: dict, rule_sets: dict) -> BuildState:
    """The site index, with the checkers' wheel and the Pyodide runtime it needs."""
    wheel = checker_assets.build_wheel()
    site = SiteIndex(pages, themes, rule_sets)
    state = BuildState(site, wheel=wheel)
    state.sample_requests = checks.sample_requests(site)
    site.runtime = checker_assets.runtime_names(wheel, state.sample_requests)
    site.wheel_name = checker_assets.bytecode_wheel_name(site.runtime)
    return state


def _examples_on_no_theme_page(site: SiteIndex) -> list[ContentError]:
    return [ContentError(e.src_path, "dit voorbeeld staat op geen enkele themapagina. Het eerste thema in "
                         "'themas' moet ook bij 'themas' staan van een themapagina van dezelfde organisatie "
                         "met de regel <!-- codewijzer: voorbeelden -->.", line=e.line_of("themas"), key="themas")
            for e in site.examples() if not site.theme_pages_for(e)]


def main(argv: list[str] | None = None) -> int:
    """`python -m build_scripts.prepare [--write DIR]`: the prepare stage without an engine: check the
    content and rule data (Dutch messages, exit 1 on errors); --write puts the generated pages there."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m build_scripts.prepare", description=main.__doc__)
    parser.add_argument("--docs", type=Path, default=Path("docs"))
    parser.add_argument("--write", type=Path, help="folder for the generated pages (Markdown)")
    args = parser.parse_args(argv)
    try:
        state = run(args.docs)
    except (ContentErrors, BuildStopped) as error:
        print(error, file=sys.stderr)
        return 1
    if args.write:
        for path, markdown in state.generated.items():
            target = args.write / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown, encoding="utf-8")
    print(f"{len(state.site.pages)} pagina's, {len(state.site.checks)} checks, "
          f"{len(state.generated)} gegenereerde pagina's: in orde.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
