"""NL Design System form components for the checkers, vendored from npm at build time.

Only the component stylesheets the checker form uses are copied, concatenated into one file
(linked on every page through mkdocs.yml's extra_css, so Material's instant navigation never
meets a checker without its styles). The components read their look from design tokens (CSS
custom properties); codewijzer.css gives those tokens the site's colours.
"""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NPM = ROOT / "node_modules" / "@utrecht"
# The component packages of the Utrecht component library (NL Design System), pinned in package.json.
COMPONENTS = ["form-fieldset", "form-field", "form-label", "form-field-description", "form-field-error-message",
              "radio-button", "textbox"]
TARGET = Path("assets") / "stylesheets" / "nl-design-system.css"


class AssetError(Exception):
    pass


def stylesheet() -> str:
    """The components' minified CSS, each under a header naming its package, version and licence."""
    parts = ["/* NL Design System form components, vendored at build time from npm (see package.json).\n"
             "   Copyright (c) 2020-2024 Frameless B.V., (c) 2021-2024 Gemeente Utrecht. Licence: EUPL-1.2. */"]
    for name in COMPONENTS:
        package = NPM / f"{name}-css"
        if not (package / "dist" / "index.min.css").is_file():
            raise AssetError(f"NL Design System-pakket ontbreekt ({package}). Voer 'make build' uit: dat "
                             "installeert de npm-pakketten uit package.json.")
        meta = json.loads((package / "package.json").read_text(encoding="utf-8"))
        css = (package / "dist" / "index.min.css").read_text(encoding="utf-8")
        parts.append(f"/* {meta['name']} {meta['version']} ({meta['license']}) */\n{css.strip()}")
    return "\n".join(parts) + "\n"


def write(site_dir: Path) -> None:
    target = site_dir / TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(stylesheet(), encoding="utf-8")
