"""'Codes naast elkaar' is generated from the content: every organisation in every section, every cell
a working link, the former sections' addresses kept, and the checks' limits with their agreements.
A new organisation appearing by itself is tested on the skeleton of make new-code (test_new_code.py)."""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlparse

from build_scripts.comparison import FORMER_ANCHORS
from build_scripts.content_model import read_themes
from tests.conftest import DOCS, ORGANISATIONS
from tests.site_html import parse

PAGE = "codes-naast-elkaar"


def sections(html: str) -> dict[str, str]:
    parts = re.split(r'<h2 id="([\w-]+)"', html)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def test_every_theme_section_has_one_row_per_organisation_with_a_link(built_site):
    html = (built_site / PAGE / "index.html").read_text(encoding="utf-8")
    found = sections(html)
    themes = [key for key in read_themes(DOCS) if key in found]
    assert len(themes) >= 5
    for theme in themes:
        rows = re.findall(r"<tr>(.*?)</tr>", found[theme], re.S)[1:]
        assert len(rows) == len(ORGANISATIONS), theme
        for row in rows:
            cell = re.findall(r"<td>(.*?)</td>", row, re.S)[1]
            assert "<a href=" in cell, f"{theme}: a cell without a link"


def test_the_former_sections_addresses_still_lead_somewhere(built_site):
    ids = parse(built_site / PAGE / "index.html").ids
    for theme, former in FORMER_ANCHORS.items():
        if theme in ids:
            assert set(former) <= set(ids), former


def test_the_checks_limits_are_compared_with_their_agreements(built_site):
    html = (built_site / PAGE / "index.html").read_text(encoding="utf-8")
    with_limits = [org for org in ORGANISATIONS for path in (DOCS / org / "regels").glob("*.toml")
                   if "[grenzen]" in path.read_text(encoding="utf-8")]
    assert with_limits and 'id="checks"' in html
    checks = html.partition('id="checks"')[2]
    for row in re.findall(r"<tr>(.*?)</tr>", checks, re.S):
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        if cells and "€" in cells[1]:
            assert "#afspraak-" in cells[1] or "#artikel-" in cells[1], row


def test_every_link_resolves_to_an_existing_anchor(built_site):
    base = f"http://site/{PAGE}/"
    links = [link for link in parse(built_site / PAGE / "index.html").links if not link.startswith(("#", "http"))]
    assert len(links) >= 40
    for link in links:
        target = urlparse(urljoin(base, link))
        page = built_site / target.path.lstrip("/") / "index.html"
        assert page.is_file(), link
        if target.fragment:
            assert target.fragment in parse(page).ids, f"{link}: anchor does not exist"
