"""The engine adapter: the only module that speaks MkDocs/ProperDocs. Each hook calls a stage.

    prepare  (build_scripts/prepare.py)        on_files: content, rules, generated pages, wheel
    engine   (build_scripts/md_extension.py)   our Python-Markdown extension, registered in on_config;
             (build_scripts/page_frame.py)     what the frame templates (overrides/) show, as page.meta
    finish   (build_scripts/finish.py)         on_env: anchor check; on_post_page: CSP; on_post_build: assets

Errors an editor can cause end the build with one Dutch message per problem (file, line, key, hint).
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # hooks are loaded as loose files

from build_scripts import finish, page_frame, prepare, public_look, published, single_code, site_stylesheet  # noqa: E402
from build_scripts.build_state import BuildState  # noqa: E402
from build_scripts.content_model import ContentError  # noqa: E402
from build_scripts.md_extension import CodewijzerExtension  # noqa: E402
from build_scripts.navigation import build_nav  # noqa: E402
from build_scripts.theme_contract import ThemeChanged  # noqa: E402

_state: BuildState | None = None     # the one build's state; replaced by every build (make serve)


def _stop(error: Exception) -> PluginError:
    if isinstance(error, ContentError):
        error = prepare.ContentErrors([error])
    return PluginError(str(error))


def on_config(config):
    global _state
    _state = None
    config.markdown_extensions.append(CodewijzerExtension(lambda: _state, _stop))
    return config


def on_files(files, config):
    """Stage 1: prepare. Then hand the generated pages and the menu to the engine."""
    global _state
    docs_dir = Path(config["docs_dir"])
    try:
        _state = prepare.run(docs_dir, config["extra"].get("bewerk_basis") or "")
    except (prepare.ContentErrors, prepare.BuildStopped) as error:
        raise _stop(error) from None
    for file in [file for file in files if file.src_uri in _state.left_out_files]:   # a one-code site
        files.remove(file)
    for file in [file for file in files if file.src_uri in site_stylesheet.PARTS]:   # served as one stylesheet
        files.remove(file)
    for path, markdown in _state.generated.items():
        files.append(File.generated(config, path, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))
    config["nav"] = build_nav(_state.site)
    config["extra"]["bewerk_basis"] = _state.edit_base
    config["mdx_configs"].setdefault("abbr", {})["glossary"] = dict(_state.site.glossary)   # Python-Markdown's abbr
    public_look.configure(config, _state.site)
    return files


def on_page_markdown(markdown, page, config, files):
    """Stage 2 renders the page with our extension; it needs to know which page that is."""
    _state.current = source = _state.source(page.file.src_uri)
    if page.file.src_uri.startswith(single_code.GUIDE):      # the editors' guide: not in the employees' search
        page.meta.setdefault("search", {"exclude": True})
    if source is not None:
        # MkDocs drops the blank lines after the front matter; put them back so error lines match the file.
        markdown = "\n" * (len(source.body) - len(source.body.lstrip("\n"))) + markdown.lstrip("\n")
    return markdown


def on_page_content(html, page, config, files):
    _state.current = None
    return html


def on_page_context(context, page, config, nav):
    page.meta["codewijzer"] = page_frame.frame_data(_state, page.file.src_uri)
    page.codewijzer_footer = page.meta["codewijzer"]["footer"]
    source = _state.source(page.file.src_uri)
    page.cw_organisatie = public_look.band(source, _state.site) if source else None
    return context


def on_env(env, config, files):
    """Every page is rendered: stage 3 checks anchors, in Dutch, before MkDocs' own warnings."""
    present, anchor_links = {}, {}
    for file in files.documentation_pages():
        if file.page is None:
            continue
        present[file.src_uri] = set(file.page.present_anchor_ids or ())
        anchor_links[file.src_uri] = {to.src_uri: dict(links) for to, links in (file.page.links_to_anchors or {}).items()}
    try:
        finish.check_anchors(_state, Path(config["docs_dir"]), present, anchor_links)
    except prepare.ContentErrors as error:
        raise _stop(error) from None
    return env


def on_post_page(output, page, config):
    try:
        output = page_frame.after_theme(_state, page.file.src_uri, output)
    except ThemeChanged as error:
        raise PluginError(str(error)) from None
    return finish.finish_page(_state, output)


def on_post_build(config):
    try:
        finish.finish_site(_state, Path(config["site_dir"]), Path(config["docs_dir"]))
    except prepare.BuildStopped as error:
        raise _stop(error) from None
    # New anchors, example ids and workshop sets are recorded; a published one that disappeared stops the build.
    if message := published.record_and_check(Path(config["site_dir"]), Path(config["config_file_path"]).parent,
                                             _state.site, _state.only_code):
        raise PluginError(message)
