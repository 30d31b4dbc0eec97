"""NL Design System form components for the checkers, and design tokens for the whole site, vendored
from npm at build time.

The design tokens are those of NL Design System's neutral "Voorbeeld" theme: only its basis tokens
(--basis-*: colours, text sizes, line heights, spacing) and the palette they refer to (--voorbeeld-*),
put on :root so codewijzer.css can use them for headings, text and colours; the component tokens of
the theme (some 200 kB) are left out.

Only the component stylesheets the checker form uses are copied, at the head of the site's one
stylesheet (build_scripts/site_stylesheet.py, linked on every page, so Material's instant navigation
never meets a checker without its styles). The components read their look from design tokens (CSS
custom properties); codewijzer.css gives those tokens the site's colours.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NPM = ROOT / "node_modules" / "@utrecht"
# The component packages of the Utrecht component library (NL Design System), pinned in package.json.
COMPONENTS = ["form-fieldset", "form-field", "form-label", "form-field-description", "form-field-error-message",
              "radio-button", "textbox"]
TOKENS = ROOT / "node_modules" / "@nl-design-system-unstable" / "voorbeeld-design-tokens"
TOKEN_DECLARATION = re.compile(r"^\s*(--(?:basis|voorbeeld)-[a-z0-9-]+:[^;]+;)", re.M)


class AssetError(Exception):
    pass


def design_tokens() -> str:
    """The basis design tokens of the Voorbeeld theme as custom properties on :root."""
    source = TOKENS / "dist" / "variables.css"
    if not source.is_file():
        raise AssetError(f"NL Design System-pakket ontbreekt ({TOKENS}). Voer 'make build' uit: dat "
                         "installeert de npm-pakketten uit package.json.")
    meta = json.loads((TOKENS / "package.json").read_text(encoding="utf-8"))
    declarations = TOKEN_DECLARATION.findall(source.read_text(encoding="utf-8"))
    return (f"/* {meta['name']} {meta['version']} ({meta['license']}): basis tokens only */\n"
            ":root{" + "".join(d.replace(": ", ":") for d in declarations) + "}")


def stylesheet() -> str:
    """The design tokens and the components' minified CSS, each under a header naming its package,
    version and licence."""
    parts = ["/* NL Design System design tokens and form components, vendored at build time from npm (see package.json).\n"
             "   Copyright (c) 2020-2024 Frameless B.V., (c) 2021-2024 Gemeente Utrecht, Community for NL Design System. "
             "Licence: EUPL-1.2. */", design_tokens()]
    for name in COMPONENTS:
        package = NPM / f"{name}-css"
        if not (package / "dist" / "index.min.css").is_file():
            raise AssetError(f"NL Design System-pakket ontbreekt ({package}). Voer 'make build' uit: dat "
                             "installeert de npm-pakketten uit package.json.")
        meta = json.loads((package / "package.json").read_text(encoding="utf-8"))
        css = (package / "dist" / "index.min.css").read_text(encoding="utf-8")
        parts.append(f"/* {meta['name']} {meta['version']} ({meta['license']}) */\n{css.strip()}")
    return "\n".join(parts) + "\n"
