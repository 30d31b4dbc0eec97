"""What the page's frame shows (overrides/main.html and its partials), as data for the templates:
quick exit, the checker's early start in <head>, the line under the page. The engine adapter puts it
in page.meta["codewijzer"]; the templates turn it into HTML."""
from __future__ import annotations

from typing import Any

from checkers import to_json

from . import page_history, quick_exit
from .checker_assets import page_runtime
from .build_state import BuildState
from .paths import asset_url, page_href
from .theme_contract import delay_search

CHECKER_SCRIPT = "assets/javascripts/codewijzer-check.js"
WORKER_SCRIPT = "assets/javascripts/codewijzer-worker.js"


def checkers_on(state: BuildState, src_path: str) -> list[str]:
    """The checkers embedded in a page (the rule data names each checker's page)."""
    return state.checker_pages.get(src_path, [])


def frame_data(state: BuildState, src_path: str) -> dict[str, Any]:
    source = state.source(src_path)
    data: dict[str, Any] = {"snel_weg": None, "checker_start": None, "footer": "",
                            # on every page, so it also serves the sensitive pages instant navigation swaps in
                            "snel_weg_listener": bool(state.quick_exit_themes),
                            # make serve: a new code's open items, shown above every page's content
                            "concept": [{"where": f"docs/{i.path}:{i.line}", "what": i.what, "text": i.text}
                                        for i in state.open_items]}
    if source is None:      # a generated workshop page
        return data
    if quick_exit.wants_quick_exit(source.meta, state.quick_exit_themes):
        data["snel_weg"] = {"href": quick_exit.NEUTRAL_PAGE, "stylesheet": asset_url(src_path, quick_exit.STYLESHEET)}
    if checkers_on(state, src_path):
        runtime = state.site.runtime
        # The worker is opened and the checker module loaded from <head>, so Python starts while the page
        # parses (overrides/main.html).
        data["checker_start"] = {"script": asset_url(src_path, CHECKER_SCRIPT),
                                 "worker": asset_url(src_path, WORKER_SCRIPT),
                                 "wheel": asset_url(src_path, f"assets/checkers/{state.site.wheel_name}"),
                                 "runtime": to_json({"wheel": state.site.wheel_name, **page_runtime(runtime)})}
    data["footer"] = _footer(state, source)
    return data


def _footer(state: BuildState, source) -> str:
    """The line under the page: the code's version, when the page last changed, "Bewerk deze pagina"."""
    org = source.organisation
    changes = state.change_pages.get(org) if org else None
    changes_href = page_href(source.src_path, changes) if changes not in (None, source.src_path) else None
    return page_history.page_footer(source.src_path, state.last_changed.get(source.src_path), state.edit_base,
                                    state.site.code(org) if org else None, changes_href)


def after_theme(state: BuildState, src_path: str, page_html: str) -> str:
    """What only works on the theme's finished page: on a checker page, delay Material's search worker."""
    if state.source(src_path) is not None and checkers_on(state, src_path):
        return delay_search(page_html, src_path)
    return page_html
