"""No PDF-extraction noise survives in the published text."""
from __future__ import annotations

import re
from collections import Counter

from tests.conftest import DOCS
from tests.site_html import html_pages, parse

# A word broken across lines and glued back with a space: "burgerini- tiatieven". Dutch compounds
# like "werk- en privérelaties" or "dienst- en poolauto's" are legitimate, so "- en/of/tot" is allowed.
HYPHEN_BREAK = re.compile(r"\b[a-zà-ÿ]{2,}- (?!(?:en|of|tot|als|en/of|noch)\b)[a-zà-ÿ]{2,}")
RUNNING_HEADERS = ["BELANGENVERSTRENGELING EN GEBRUIK PUBLIEKE MIDDELEN", "INFORMATIE EN COMMUNICATIE",
                   "WERK- EN PRIVÉRELATIES"]


def published_text(site, without_tables=False):
    return {path: parse(path, without_tables).content_text for path in html_pages(site)
            if not path.relative_to(site).as_posix().startswith("bronnen/")}


def test_no_hyphenation_breaks(built_site):
    hits = [(p.relative_to(built_site).as_posix(), m.group(0)) for p, text in published_text(built_site).items()
            for m in HYPHEN_BREAK.finditer(text)]
    assert hits == []


def test_no_soft_hyphens_or_replacement_characters(built_site):
    for path, text in published_text(built_site).items():
        assert "\u00ad" not in text and "\ufffd" not in text, path


def test_no_glued_footnote_markers(built_site):
    """Markers like 'privérelatiesi' or 'faciliteitenii' from the UT source."""
    known = {"privérelatiesi", "faciliteitenii", "gaaniii"}
    words = set()
    for text in published_text(built_site).values():
        words |= set(re.findall(r"\w+", text.lower()))
    assert not (known & words)


def test_no_running_headers_or_page_numbers(built_site):
    for path, text in published_text(built_site, without_tables=True).items():
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert not [line for line in lines if re.fullmatch(r"\d{1,3}", line)], f"{path}: a bare page number"
        for header in RUNNING_HEADERS:
            assert text.count(header) <= 1, f"{path}: running header '{header}' repeated"


def test_no_repeated_urls_in_sources():
    for md in DOCS.rglob("*.md"):
        urls = Counter(re.findall(r"https?://[^\s)>\]]+", md.read_text(encoding="utf-8")))
        assert all(n <= 2 for n in urls.values()), f"{md}: {[u for u, n in urls.items() if n > 2]}"


def test_hyphen_rule_catches_breaks_and_spares_compounds():
    assert HYPHEN_BREAK.search("het enthousiasme van burgerini- tiatieven")
    assert not HYPHEN_BREAK.search("werk- en privérelaties, dienst- of poolauto")
