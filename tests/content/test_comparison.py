"""'Codes naast elkaar': every subject the issue names, every organisation, every cell a working link."""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlparse

from tests.conftest import ORGANISATIONS
from tests.site_html import parse

SUBJECTS = ["geschenken", "uitnodigingen", "nevenwerkzaamheden", "priverelaties", "misstand-melden",
            "vertrouwenspersoon", "ongewenst-gedrag"]


def sections(html: str) -> dict[str, str]:
    parts = re.split(r'<h2 id="([\w-]+)"', html)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def test_every_subject_compares_every_organisation(built_site):
    html = (built_site / "codes-naast-elkaar" / "index.html").read_text(encoding="utf-8")
    found = sections(html)
    for subject in SUBJECTS:
        assert subject in found, f"subject {subject} missing"
        rows = re.findall(r"<tr>(.*?)</tr>", found[subject], re.S)[1:]
        assert len(rows) == len(ORGANISATIONS), subject
        for row in rows:
            cell = re.findall(r"<td>(.*?)</td>", row, re.S)[1]
            assert "<a href=" in cell, f"{subject}: a cell without a link to its agreement"


def test_every_link_resolves_to_an_existing_anchor(built_site):
    base = "http://site/codes-naast-elkaar/"
    links = [link for link in parse(built_site / "codes-naast-elkaar" / "index.html").links
             if not link.startswith(("#", "http"))]
    assert len(links) >= 40
    for link in links:
        target = urlparse(urljoin(base, link))
        page = built_site / target.path.lstrip("/") / "index.html"
        assert page.is_file(), link
        if target.fragment:
            assert target.fragment in parse(page).ids, f"{link}: anchor does not exist"
