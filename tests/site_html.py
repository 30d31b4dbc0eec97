"""Read the built site: pages, their main content as text, their links, ids and resources."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

SKIP_TEXT = {"script", "style", "svg", "title"}


@dataclass
class ParsedPage:
    ids: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)             # <a href> inside the main content
    resources: list[tuple[str, str, str]] = field(default_factory=list)   # (tag, attribute, url) that load
    content_text: str = ""


class _Parser(HTMLParser):
    LOADING = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("video", "src"),
               ("audio", "src"), ("embed", "src"), ("object", "data"), ("track", "src"), ("input", "src"),
               ("image", "href"), ("use", "href"), ("form", "action")}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self.depth_content = 0
        self.skip = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.page.ids.append(attrs["id"])
        for (t, a) in self.LOADING:
            if tag == t and attrs.get(a):
                self.page.resources.append((tag, a, attrs[a]))
        if tag == "link" and attrs.get("href") and not {"canonical", "alternate", "prev", "next"} & set(
                (attrs.get("rel") or "").split()):
            self.page.resources.append((tag, "href", attrs["href"]))
        if tag == "article":
            self.depth_content += 1
        if self.depth_content and tag == "a" and attrs.get("href"):
            self.page.links.append(attrs["href"])
        if tag in SKIP_TEXT:
            self.skip += 1
        if tag in {"p", "li", "h1", "h2", "h3", "h4", "td", "th", "br", "div"}:
            self.text.append("\n")

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth_content -= 1
        if tag in SKIP_TEXT and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth_content and not self.skip:
            self.text.append(data)


def parse(path: Path, without_tables: bool = False) -> ParsedPage:
    """Parse a built page; without_tables drops tables (their cells would read as loose lines)."""
    return parse_html(path.read_text(encoding="utf-8"), without_tables)


def parse_html(html: str, without_tables: bool = False) -> ParsedPage:
    if without_tables:
        html = re.sub(r"<table\b.*?</table>", "", html, flags=re.S)
    parser = _Parser()
    parser.feed(html)
    parser.page.content_text = "".join(parser.text)
    return parser.page


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def page_url(site: Path, path: Path) -> str:
    """The site-relative URL of a built page ('' for the start page)."""
    rel = path.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel
