"""No built page makes the browser load anything from another host."""
from __future__ import annotations

import re
from urllib.parse import urlparse

from tests.site_html import html_pages, parse

CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


def is_external(url: str) -> bool:
    parsed = urlparse(url.strip())
    return bool(parsed.netloc) or parsed.scheme not in ("", "data")


def test_html_loads_nothing_from_another_host(built_site):
    offenders = []
    for path in html_pages(built_site):
        html = path.read_text(encoding="utf-8")
        offenders += [(path.relative_to(built_site).as_posix(), tag, url)
                      for tag, _, url in parse(path).resources if is_external(url)]
        offenders += [(path.relative_to(built_site).as_posix(), "style", m) for m in CSS_URL.findall(html)
                      for m in m if m and is_external(m)]
    assert offenders == []


def test_stylesheets_load_nothing_from_another_host(built_site):
    offenders = []
    for css in built_site.rglob("*.css"):
        for match in CSS_URL.findall(css.read_text(encoding="utf-8")):
            offenders += [(css.name, url) for url in match if url and is_external(url)]
    assert offenders == []


def test_no_web_fonts_and_no_source_facts(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    assert "md-source" not in html, "a repo_url makes Material fetch repository facts from GitHub"


def test_the_checker_is_meaningful():
    assert is_external("https://fonts.googleapis.com/css") and is_external("//cdn.example/x.js")
    assert not is_external("../assets/x.js") and not is_external("data:image/svg+xml,abc")
