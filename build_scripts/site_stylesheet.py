"""The site's own styles as one stylesheet, linked on every page (mkdocs.yml, extra_css).

They are written as five files (NL Design System's vendored components, codewijzer.css, the public
look, workshops, print) and served as one: a page asks for Material's two stylesheets and this one.
On a phone link every request is a round trip, and HTTP/1.1 gives a page six connections: with seven
stylesheets the checker's module waited for a free one (ADR 0024). The order is the cascade's.
"""
from __future__ import annotations

from pathlib import Path

from . import nl_design_system

TARGET = Path("assets") / "stylesheets" / "codewijzer-site.css"
# The source files in docs/, after the vendored NL Design System components, in cascade order.
PARTS = ["assets/stylesheets/codewijzer.css", "assets/stylesheets/codewijzer-huisstijl.css",
         "assets/stylesheets/codewijzer-workshop.css", "assets/stylesheets/codewijzer-print.css"]


def stylesheet(docs_dir: Path) -> str:
    parts = [nl_design_system.stylesheet()]
    parts += [f"/* {part} */\n" + (docs_dir / part).read_text(encoding="utf-8").strip() + "\n" for part in PARTS]
    return "\n".join(parts)


def write(site_dir: Path, docs_dir: Path) -> None:
    target = site_dir / TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(stylesheet(docs_dir), encoding="utf-8")
