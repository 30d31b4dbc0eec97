"""What the build relies on in Material for MkDocs' markup, in one place (see adr/0015).

Each function checks its assumption and fails the build loudly when Material changes it, instead of
silently doing nothing: a renamed search worker or container would otherwise go unnoticed.
"""
from __future__ import annotations

import re


class ThemeChanged(Exception):
    """The theme's markup no longer has what the build relies on."""


# Material's config for its JavaScript names the search worker file: "search": "<base>/workers/search.<hash>.min.js".
MATERIAL_SEARCH = re.compile(r'("search": "[^"]*workers/)(search\.[0-9a-f]+\.min\.js)"')


def delay_search(page_html: str, page_url: str) -> str:
    """On a checker page, Material's search worker starts with the search index, which waits until the
    checker has settled (our wrapper codewijzer-search.js loads Material's worker on its first message)."""
    page_html, count = MATERIAL_SEARCH.subn(r'\1codewijzer-search.js?material=\2"', page_html, count=1)
    if count != 1:
        raise ThemeChanged(f"{page_url}: Material's search worker ('workers/search.<hash>.min.js' in its "
                           "config) is not in the page; codewijzer-search.js can no longer delay it. Has Material "
                           "renamed its search worker? Update build_scripts/theme_contract.py.")
    return page_html
