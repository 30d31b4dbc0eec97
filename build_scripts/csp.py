"""Content-Security-Policy: scripts only from the site itself, no eval; Material's few inline
scripts are allowed by their hash, computed per page at build time."""
from __future__ import annotations

import base64
import hashlib
import re

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
