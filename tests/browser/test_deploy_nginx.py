"""deploy/nginx.conf as shipped: pre-compressed files with the right encoding and type, the policy
as a header, and every checker reaching an outcome under it without a single violation."""
from __future__ import annotations

import json
import urllib.request

import pytest

from build_scripts import csp
from tests.browser.conftest import dedicated_worker
from tests.browser.test_checkers import RULE_FILES, answer_first_options, open_checker, wait_for_verdict

pytestmark = pytest.mark.browser
LONG_LIVED = "public, max-age=31536000, immutable"
VIOLATIONS = ("window.__problems = []; document.addEventListener('securitypolicyviolation', "
              "e => window.__problems.push(e.violatedDirective + ' ' + e.blockedURI));")



def fetch(url: str, encoding: str = "") -> tuple[int, dict[str, str]]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}


def test_nginx_sends_compressed_wasm_with_its_type_and_the_policy(nginx_url, built_site):
    wasm = f"{nginx_url}assets/pyodide/pyodide.asm.wasm"
    status, headers = fetch(wasm, "gzip, deflate, br")
    assert status == 200 and headers["content-encoding"] == "br" and headers["content-type"] == "application/wasm"
    assert headers["cache-control"] == LONG_LIVED and "accept-encoding" in headers["vary"].lower()
    assert fetch(wasm, "gzip")[1]["content-encoding"] == "gzip"
    assert "content-encoding" not in fetch(wasm)[1]
    assert fetch(f"{nginx_url}assets/pyodide/pyodide.mjs")[1]["content-type"].startswith("text/javascript")
    status, headers = fetch(f"{nginx_url}gemeente-utrecht/geschenken/", "br")
    expected_policy = (built_site / csp.HEADER_FILE).read_text(encoding="utf-8").strip()
    assert status == 200 and headers["content-security-policy"] == expected_policy
    assert headers["cache-control"] == "no-cache" and headers["referrer-policy"] == "no-referrer"
    assert fetch(f"{nginx_url}{csp.NGINX_FILE}")[0] == 404
    status, headers = fetch(f"{nginx_url}bestaat-niet/")
    assert status == 404 and "content-security-policy" in headers


@pytest.mark.parametrize("code, checker", RULE_FILES, ids=[f"{c}-{k}" for c, k in RULE_FILES])
def test_every_checker_works_under_the_header_from_nginx(browser, nginx_url, code, checker):
    context = dedicated_worker(browser.new_context(service_workers="block"))    # to see the worker's responses
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    errors, encodings = [], {}
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    context.on("response", lambda r: encodings.update({r.url.rsplit("/", 1)[-1]: r.headers.get("content-encoding")}))
    open_checker(page, nginx_url, code, checker)
    response_policy = page.evaluate("() => fetch(location.href).then(r => r.headers.get('content-security-policy'))")
    assert response_policy and "frame-ancestors 'none'" in response_policy
    answer_first_options(page, checker)
    assert wait_for_verdict(page, checker)
    problems = page.evaluate("window.__problems")
    context.close()
    assert problems == [] and errors == []
    assert encodings.get("pyodide.asm.wasm") in ("br", "gzip"), encodings.get("pyodide.asm.wasm")


def test_the_shared_worker_works_under_the_header_from_nginx(browser, nginx_url):
    """The same under nginx's header with the shared worker (its requests are not visible to Playwright)."""
    context = browser.new_context(service_workers="block")
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    for checker in ("geschenken", "relaties"):
        open_checker(page, nginx_url, "gemeente-utrecht", checker)
        answer_first_options(page, checker)
        assert wait_for_verdict(page, checker)
        assert not any(w.url.endswith("/codewijzer-worker.js") for w in page.workers)
    served = json.loads(page.evaluate("() => document.documentElement.dataset.cwWorkerTimings"))["pages"]
    problems = page.evaluate("window.__problems")
    context.close()
    assert problems == [] and errors == [] and served == 2
