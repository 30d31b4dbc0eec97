"""Page paths and relative URLs: the one place that knows how a page in docs/ becomes a URL.

Two kinds of path meet in the build:
- docs paths ('gemeente-utrecht/geschenken.md'), relative to docs/; Markdown links between pages are
  written with these, and the engine turns them into URLs (and checks them);
- URLs of the built site ('gemeente-utrecht/geschenken/', directory URLs); raw HTML the build
  writes (scripts, buttons, the checker's base) is not rewritten by the engine, so it needs these,
  always relative, so the site works from any folder.
"""
from __future__ import annotations

import posixpath


def page_url(src_path: str) -> str:
    """'gemeente-utrecht/geschenken.md' -> 'gemeente-utrecht/geschenken/'; 'org/index.md' -> 'org/';
    'index.md' -> '' (directory URLs, use_directory_urls: true)."""
    page = src_path.removesuffix(".md")
    return page.removesuffix("index") if page == "index" or page.endswith("/index") else page + "/"


def to_root(src_path: str) -> str:
    """The relative prefix from a page's URL to the site root: '../../' for 'org/thema.md'."""
    url = page_url(src_path).strip("/")
    return "../" * (len(url.split("/")) if url else 0)


def relative_url(target_url: str, from_url: str) -> str:
    """A URL of the site (a page's directory URL or a file) as seen from the page at `from_url`."""
    if from_url not in ("", "."):
        head, tail = posixpath.split(from_url)
        from_url = head if "." in tail else from_url
    relative = posixpath.relpath("/" + target_url, "/" + from_url)
    return relative + "/" if target_url.endswith("/") else relative


def asset_url(src_path: str, asset: str) -> str:
    """A file under the site root (e.g. 'assets/javascripts/x.js') as seen from a page."""
    return to_root(src_path) + asset


def page_href(from_src: str, target_src: str) -> str:
    """A raw-HTML link from one page to another; '' when it is the same page (then only a fragment)."""
    here, there = page_url(from_src), page_url(target_src)
    return "" if here == there else posixpath.relpath(there or ".", here or ".") + "/"


def doc_link(from_src: str, target_src: str) -> str:
    """A Markdown link from one docs path to another, as the engine expects it ('../hulp.md')."""
    return posixpath.relpath(target_src, posixpath.dirname(from_src) or ".")


def resolve_doc(from_src: str, link: str) -> str:
    """A page-relative link ('../hulp.md#x') as a docs path ('hulp.md'), anchor dropped."""
    target = link.split("#", 1)[0]
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_src), target))
