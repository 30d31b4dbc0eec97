"""Everything one build knows, in one object: made by the prepare stage, read by the engine's
extensions and templates, completed by the finish stage. A new build (make serve rebuilds) starts
with a new object, so nothing of a previous build leaks into the next."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .content_model import SourcePage
from .site_index import SiteIndex


@dataclass
class BuildState:
    site: SiteIndex
    only_code: str | None = None              # make build CODE=...: the one code this site holds
    left_out: set[str] = field(default_factory=set)      # docs paths of pages left out of a one-code site
    left_out_files: set[str] = field(default_factory=set)   # every docs file (pages, data, sources) left out
    generated: dict[str, str] = field(default_factory=dict)   # docs path -> Markdown of a generated page
    quick_exit_themes: set[str] = field(default_factory=set)
    last_changed: dict[str, dt.date] = field(default_factory=dict)   # docs path -> date of its last commit
    edit_base: str = ""                       # "Bewerk deze pagina": address + docs path
    wheel: bytes = b""                        # the checkers' source wheel (the browser's: site.wheel_name)
    sample_requests: list[dict[str, Any]] = field(default_factory=list)   # for the Pyodide snapshot
    policies: set[str] = field(default_factory=set)      # every page's inline-script hashes
    change_pages: dict[str, str] = field(default_factory=dict)   # organisation -> its 'Wijzigingen' page
    checker_pages: dict[str, list[str]] = field(default_factory=dict)   # docs path -> checkers on it
    open_items: list[Any] = field(default_factory=list)   # a new code's open items (open_items.OpenItem)
    current: SourcePage | None = None         # the page the engine renders now (for our extensions)

    def source(self, src_path: str) -> SourcePage | None:
        """The editor's page behind a docs path; None for generated pages (workshops)."""
        return self.site.pages.get(src_path)
