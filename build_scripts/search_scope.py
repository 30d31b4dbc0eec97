"""What the employees' search finds: content, not the machinery.

Pages an employee does not need (the editors' guide, the page of build messages) carry
`search: exclude: true` in their front matter (Material's search plugin leaves them out). A
checker's rule list (the fallback without JavaScript) is marked data-search-exclude here, so search
results never show raw rules as snippets; the theme page's own text still finds the checker.
The organisation of each result and "own organisation first" are done in the browser by
assets/javascripts/codewijzer-zoeken.js, from the page's path.
"""
from __future__ import annotations

import re

RULE_LIST = re.compile(r'<div class="cw-check-regels"(?![^>]*data-search-exclude)')


def exclude_rule_lists(html: str) -> str:
    return RULE_LIST.sub('<div class="cw-check-regels" data-search-exclude', html)
