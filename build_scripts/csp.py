"""Content-Security-Policy: scripts only from the site itself, no eval; Material's few inline
scripts are allowed by their hash, computed per page at build time."""
from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser
from pathlib import Path

BASE_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "worker-src": ["'self'"],
    "connect-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
}


class _ScriptTag(HTMLParser):
    """The attributes of one <script ...> start tag."""

    def __init__(self, tag: str) -> None:
        super().__init__()
        self.attrs: dict[str, str | None] = {}
        self.feed(tag)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs = dict(attrs)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script that runs (not src=..., not JSON data blocks), as the browser
    hashes it: the exact characters up to the first '</script' (script text cannot contain it).
    Only the script tags go through the HTML parser: parsing whole pages (a menu of a thousand
    pages on each) made the build several times slower."""
    bodies, position = [], html.find("<script")
    while position != -1:
        tag_end = html.find(">", position)
        close = html.find("</script", tag_end)
        if tag_end == -1 or close == -1:
            break
        attrs = _ScriptTag(html[position:tag_end + 1]).attrs
        if "src" not in attrs and attrs.get("type") != "application/json":
            bodies.append(html[tag_end + 1:close])
        position = html.find("<script", close)
    return bodies


def script_hashes(html: str) -> list[str]:
    return sorted({"'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
                   for body in inline_scripts(html)})


def policy(hashes: list[str]) -> str:
    directives = {**BASE_POLICY, "script-src": BASE_POLICY["script-src"] + hashes}
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


# Written by overrides/main.html right after the charset, before any script: the policy's place.
POLICY_SLOT = "<!-- codewijzer:content-security-policy -->"


def add_meta_policy(html: str, hashes: list[str] | None = None) -> str:
    """Fill the page's policy slot (before any script runs) with its policy."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(script_hashes(html) if hashes is None else hashes)}">'
    if POLICY_SLOT not in html:
        raise ValueError("the page has no Content-Security-Policy slot: overrides/main.html writes it "
                         f"({POLICY_SLOT}) in <head>; a page not made from that template cannot be finished.")
    return html.replace(POLICY_SLOT, meta, 1)


# Only a header can forbid framing (browsers ignore frame-ancestors in a meta tag).
HEADER_ONLY = "frame-ancestors 'none'"
HEADER_FILE = "content-security-policy.txt"
NGINX_FILE = "content-security-policy.nginx"


def header_policy(hashes: list[str]) -> str:
    """One policy for a server header that covers every page: the union of all inline-script hashes."""
    return f"{policy(hashes)}; {HEADER_ONLY}"


def write_server_policies(site_dir: Path, hashes: list[str]) -> None:
    """The header value as plain text, and as an nginx snippet that deploy/nginx.conf includes."""
    value = header_policy(hashes)
    (site_dir / HEADER_FILE).write_text(value + "\n", encoding="utf-8")
    (site_dir / NGINX_FILE).write_text(
        "# Written by the build (build_scripts/csp.py); included by deploy/nginx.conf.\n"
        f'add_header Content-Security-Policy "{value}" always;\n', encoding="utf-8")
