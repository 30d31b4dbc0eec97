"""The Content-Security-Policy of every page, of the header file and of the nginx snippet: scripts
only from the site itself or by hash, never eval and never inline script ('wasm-unsafe-eval', which
Pyodide needs to compile WebAssembly, is allowed)."""
from __future__ import annotations

import re

from build_scripts import csp
from tests.site_html import html_pages, parse

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


def assert_strict(policy: str, where: str) -> None:
    parsed = directives(policy)
    scripts = parsed["script-src"]
    assert "'unsafe-eval'" not in scripts and "'unsafe-inline'" not in scripts, where
    assert not any(s in ("*", "data:", "blob:", "http:", "https:") or "//" in s for s in scripts), where
    assert all(s in ("'self'", "'wasm-unsafe-eval'") or s.startswith("'sha256-") for s in scripts), where
    assert parsed["default-src"] == ["'self'"] and parsed["object-src"] == ["'none'"], where
    assert parsed["connect-src"] == ["'self'"] and parsed["worker-src"] == ["'self'"], where


def test_every_page_carries_a_strict_policy(built_site):
    pages = html_pages(built_site)
    assert len(pages) > 40
    for path in pages:
        found = META.findall(path.read_text(encoding="utf-8"))
        assert len(found) == 1, path
        assert_strict(found[0], str(path))
        assert "frame-ancestors" not in found[0], f"{path}: browsers ignore frame-ancestors in a meta tag"


def test_the_server_policy_is_strict_and_covers_every_page(built_site):
    header = (built_site / csp.HEADER_FILE).read_text(encoding="utf-8").strip()
    assert_strict(header, csp.HEADER_FILE)
    assert directives(header)["frame-ancestors"] == ["'none'"]
    allowed = set(directives(header)["script-src"])
    for path in html_pages(built_site):
        assert set(directives(META.findall(path.read_text(encoding="utf-8"))[0])["script-src"]) <= allowed, path
    snippet = (built_site / csp.NGINX_FILE).read_text(encoding="utf-8")
    assert f'add_header Content-Security-Policy "{header}" always;' in snippet


def test_an_unsafe_policy_is_caught():
    """The check above can fail."""
    for unsafe in ["'self' 'unsafe-inline'", "'self' 'unsafe-eval'", "'self' https://cdn.example"]:
        try:
            assert_strict(f"default-src 'self'; script-src {unsafe}; object-src 'none'; connect-src 'self'; "
                          "worker-src 'self'", unsafe)
        except AssertionError:
            continue
        raise AssertionError(f"not caught: {unsafe}")


def test_a_checker_page_asks_for_its_module_before_the_stylesheets(built_site):
    """The policy in a <meta> stops Chromium's preload scanner: a script below the stylesheets is asked
    for only when the parser gets there, after the stylesheets have loaded. The checker module (which
    starts Python's downloads) comes first, right after the policy (ADR 0023)."""
    checker_pages = [path for path in html_pages(built_site) if 'class="cw-check' in path.read_text(encoding="utf-8")]
    assert len(checker_pages) >= 8
    for path in checker_pages:
        resources = [url for tag, _, url in parse(path).resources if tag in ("script", "link")]
        module = next(i for i, url in enumerate(resources) if url.endswith("/codewijzer-check.js"))
        stylesheet = next(i for i, url in enumerate(resources) if url.endswith(".css"))
        assert module < stylesheet, path
        html = path.read_text(encoding="utf-8")
        assert html.index('name="codewijzer-runtime"') < html.index("codewijzer-check.js"), path
        assert META.search(html).start() < html.index("codewijzer-check.js"), path
