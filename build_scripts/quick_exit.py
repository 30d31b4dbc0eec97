"""'Snel weg' (quick exit): on pages about unwanted behaviour, intimidation, private relationships
and help, a control that leaves the site at once for a neutral page.

Editors choose the themes (`snel_weg: true` in docs/themas.yml); every page with such a theme gets
the control at its top, early in the tab order (overrides/partials/codewijzer-snel-weg.html, with the
data from build_scripts/page_frame.py). It is a plain link, so it works without JavaScript; a small
inline script in <head> of every page (overrides/partials/codewijzer-snel-weg.js) makes it replace the
current history entry, so Back does not return to the page, and adds the keyboard shortcut (Shift
three times, as GOV.UK's "Exit this page"). Inline, so it listens before the link is drawn.
The control sits in the header (codewijzer-snel-weg.css), covering no text; its explanation names the
shortcut only on devices with a keyboard and a fine pointer, and says "tik" on touch screens.
"""
from __future__ import annotations

from typing import Any


# Neutral, Dutch, stable, and gives away nothing: the weather forecast.
NEUTRAL_PAGE = "https://www.knmi.nl/nederland-nu/weer/verwachtingen"
STYLESHEET = "assets/stylesheets/codewijzer-snel-weg.css"


def flagged_themes(entries: dict[str, dict[str, Any]]) -> set[str]:
    return {key for key, entry in entries.items() if entry.get("snel_weg")}


def wants_quick_exit(meta: dict[str, Any], flagged: set[str]) -> bool:
    return bool(flagged & set(meta.get("themas") or []))
