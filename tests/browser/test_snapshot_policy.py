"""The snapshot for next time is fetched only when it pays: not when the reader asked to save data,
not on a link the browser reports as 3G or slower; on a fast link (or when the browser says nothing)
it is fetched after the checker is ready, once the reader has not answered for a few seconds, and kept
in the runtime cache. (Why: ADR 0006, amended; ADR 0023.)"""
from __future__ import annotations

import json
import time

import pytest

from tests.browser.conftest import dedicated_worker

pytestmark = pytest.mark.browser
PAGE = "gemeente-utrecht/geschenken/"
READY = "section[data-checker=geschenken][data-state='ready']"


def connection(effective_type: str | None, save_data: bool = False) -> str:
    """An init script: what navigator.connection reports (None: a browser without it)."""
    value = "undefined" if effective_type is None else json.dumps({"effectiveType": effective_type, "saveData": save_data})
    return f"Object.defineProperty(navigator, 'connection', {{ get: () => ({value}), configurable: true }});"


# A link the browser reports as fast: on a loaded machine Chromium's own estimate of loopback could
# drift, and tests that need the snapshot stored would then depend on it.
FAST_LINK = connection("4g")


def snapshot_fetched_for_next_time(browser, site_url: str, script: str) -> tuple[bool, list[str]]:
    context = dedicated_worker(browser.new_context(service_workers="block"))   # Playwright sees its requests
    context.add_init_script(script)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.goto(site_url + PAGE)
    page.wait_for_selector(READY, timeout=90_000)
    before_ready = [u for u in requests if "/snapshot-" in u]
    page.wait_for_timeout(6_000)                   # fetched once no answer came for 3 s, when it pays
    stored = page.evaluate("async () => (await (await caches.open('codewijzer-runtime')).keys()).map(r => r.url)")
    context.close()
    assert before_ready == []
    fetched = any("/snapshot-" in u for u in requests)
    assert fetched == bool(stored)
    return fetched, stored


@pytest.mark.parametrize("effective_type, save_data, expected", [
    ("4g", False, True), (None, False, True), ("4g", True, False), ("3g", False, False), ("2g", False, False)],
    ids=["4g", "not-reported", "save-data", "3g", "2g"])
def test_the_snapshot_is_fetched_for_next_time_only_when_it_pays(browser, site_url, effective_type, save_data, expected):
    fetched, stored = snapshot_fetched_for_next_time(browser, site_url, connection(effective_type, save_data))
    assert fetched is expected
    if expected:
        assert len(stored) == 1 and "/assets/pyodide/snapshot-" in stored[0]


def test_the_snapshot_waits_while_the_reader_answers(browser, site_url):
    """Storing the snapshot keeps the worker busy, so it waits until no answer has come for 3 s: not
    while the reader taps through the questions (an answer would wait behind it)."""
    context = dedicated_worker(browser.new_context(service_workers="block"))
    context.add_init_script(FAST_LINK)
    asked_at: list[float] = []
    context.on("request", lambda r: asked_at.append(time.monotonic()) if "/snapshot-" in r.url else None)
    page = context.new_page()
    page.goto(site_url + PAGE)
    page.wait_for_selector(READY, timeout=90_000)
    options = page.locator("section[data-checker=geschenken] .cw-vraag:not([hidden]) input[type=radio]")
    answering_until = time.monotonic() + 6
    while time.monotonic() < answering_until:      # an answer every second, for twice the quiet time
        for index in (0, 1):
            options.nth(index).check()
            page.wait_for_timeout(1_000)
    last_answer = time.monotonic()
    page.wait_for_timeout(6_000)
    context.close()
    assert asked_at, "the snapshot was never fetched after the answers stopped"
    assert asked_at[0] > last_answer - 1.5, "the snapshot was fetched while the reader was answering"
