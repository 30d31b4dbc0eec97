"""'Snel weg' (quick exit): on pages about unwanted behaviour, intimidation, private relationships
and help, a control that leaves the site at once for a neutral page.

Editors choose the themes (`snel_weg: true` in docs/themas.yml); every page with such a theme gets
the control at its top, early in the tab order. It is a plain link, so it works without JavaScript; the
small script codewijzer-snel-weg.js makes it replace the current history entry, so Back does not
return to the page, and adds the keyboard shortcut (Shift three times, as GOV.UK's "Exit this page").
The control sits in the header (codewijzer-snel-weg.css), covering no text; its explanation names the
shortcut only on devices with a keyboard and a fine pointer, and says "tik" on touch screens.
"""
from __future__ import annotations

import html
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

# Neutral, Dutch, stable, and gives away nothing: the weather forecast.
NEUTRAL_PAGE = "https://www.knmi.nl/nederland-nu/weer/verwachtingen"
SCRIPT = "assets/javascripts/codewijzer-snel-weg.js"
STYLESHEET = "assets/stylesheets/codewijzer-snel-weg.css"


def flagged_themes(entries: dict[str, dict[str, Any]]) -> set[str]:
    return {key for key, entry in entries.items() if entry.get("snel_weg")}


def wants_quick_exit(meta: dict[str, Any], flagged: set[str]) -> bool:
    return bool(flagged & set(meta.get("themas") or []))


def control(page_url: str) -> str:
    """The control's HTML for a page at `page_url` (MkDocs' directory URL of the page)."""
    script = html.escape(get_relative_url(SCRIPT, page_url))
    style = html.escape(get_relative_url(STYLESHEET, page_url))
    return f"""<div class="cw-snel-weg md-grid md-typeset">
<link rel="stylesheet" href="{style}">
<a class="cw-snel-weg-knop md-button md-button--primary" href="{NEUTRAL_PAGE}" rel="noreferrer noopener" aria-describedby="cw-snel-weg-uitleg">Snel weg</a>
<script type="module" src="{script}"></script>
</div>
<p id="cw-snel-weg-uitleg" class="cw-snel-weg-uitleg md-grid md-typeset"><span class="cw-snel-weg-toetsenbord">Met de knop Snel weg (of drie keer de Shift-toets) verlaat je deze site meteen.</span><span class="cw-snel-weg-touch">Tik op Snel weg rechtsboven om deze site meteen te verlaten.</span> Je komt dan op de weersverwachting.</p>
"""


CONTAINER = '<div class="md-container" data-md-component="container">'


def add_control(page_html: str, meta: dict[str, Any], flagged: set[str], page_url: str) -> str:
    """Put the control first in Material's container of a finished page: early in the tab order (after
    the header, before the menu), swapped by instant navigation with the page, and after the search
    index has read the content (so search results do not show it)."""
    if not wants_quick_exit(meta, flagged):
        return page_html
    if CONTAINER not in page_html:
        raise PluginError(f"{page_url}: de knop 'Snel weg' kan nergens staan: de pagina heeft geen '{CONTAINER}' "
                          "(is het thema van de site veranderd?).")
    return page_html.replace(CONTAINER, CONTAINER + "\n" + control(page_url), 1)
