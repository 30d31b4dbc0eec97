"""Content-Security-Policy: scripts only from the site itself, no eval; Material's few inline
scripts are allowed by their hash, computed per page at build time."""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S)
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


def script_hashes(html: str) -> list[str]:
    return sorted({"'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
                   for body in INLINE_SCRIPT.findall(html)})


def policy(hashes: list[str]) -> str:
    directives = {**BASE_POLICY, "script-src": BASE_POLICY["script-src"] + hashes}
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def add_meta_policy(html: str) -> str:
    """Insert the policy right after the charset, before any script runs."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(script_hashes(html))}">'
    anchor = '<meta charset="utf-8">' if '<meta charset="utf-8">' in html else "<head>"
    return html.replace(anchor, anchor + "\n    " + meta, 1)


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
