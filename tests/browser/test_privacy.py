"""Privacy across the whole site: a search, then every page is opened and every checker answered
(amounts with a sentinel), and afterwards nothing went to another origin, no answer or search word
travelled in a request or sits in the URL, and the browser holds no cookie, no IndexedDB database and no storage entry
except Material's own interface state (allow-listed below, and holding no answer), and no cache except
the checker's runtime cache, which holds the Python snapshot files and nothing else."""
from __future__ import annotations

import json
import re

import pytest

from tests.browser.conftest import dedicated_worker
from tests.browser.test_snapshot_policy import FAST_LINK
from tests.browser.test_checkers import READY_TIMEOUT, wait_for_verdict
from tests.site_html import html_pages, page_url

pytestmark = pytest.mark.browser
SENTINEL = "4711,13"
SENTINEL_FORMS = (SENTINEL, "4711", "4.711", "4711.13")
SEARCH_WORD = "intimidatie"          # found on several pages, in no page's address
# Material keeps interface state in storage under its scope ("/." here): the palette, the search
# query it may restore, open tabs, consent. None of these holds an answer of a checker.
MATERIAL_KEY = re.compile(r"^/?\.?__(palette|search|tabs|consent|prefix)$")

STORAGE = """async () => ({
    local: Object.entries(localStorage), session: Object.entries(sessionStorage),
    cookie: document.cookie,
    indexeddb: (await indexedDB.databases()).map(d => d.name),
    caches: await caches.keys(),
    runtime: await Promise.all((await (await caches.open('codewijzer-runtime')).keys()).map(async r => ({
        url: r.url, method: r.method, bytes: (await (await caches.match(r)).arrayBuffer()).byteLength }))),
})"""
RUNTIME_CACHE = "codewijzer-runtime"          # the snapshot for next time (codewijzer-worker.js)
SNAPSHOT_URL = re.compile(r"/assets/pyodide/snapshot-[0-9a-f]{12}\.bin$")


def answer_everything(page, checker: str) -> None:
    """Answer every question that shows up (first option; amounts: the sentinel) until an outcome."""
    section = f"section.cw-check[data-checker='{checker}']"
    for _ in range(40):
        if page.get_attribute(f"{section} .cw-check-uitkomst", "data-verdict"):
            return
        open_question = page.evaluate(f"""() => [...document.querySelectorAll("{section} .cw-vraag:not([hidden])")]
            .map(q => ({{id: q.dataset.vraag, amount: !!q.querySelector('.cw-bedrag'),
                        answered: !!q.querySelector('input:checked') || !!q.querySelector('.cw-bedrag')?.value}}))
            .find(q => !q.answered)""")
        if not open_question:       # every question answered, the last one typed: ask for the outcome
            page.locator(section).get_by_role("button", name="Naar de uitkomst").click()
            page.wait_for_timeout(50)
            continue
        field = page.locator(f"{section} .cw-vraag[data-vraag='{open_question['id']}']")
        if open_question["amount"]:
            field.locator("input.cw-bedrag").fill(SENTINEL)
        else:
            field.locator("input[type=radio]").first.check()
        page.wait_for_timeout(50)
    raise AssertionError(f"{checker}: never reached an outcome")


def test_no_answer_leaves_the_page_or_stays_behind(browser, built_site, site_url):
    context = dedicated_worker(browser.new_context(service_workers="block"))
    context.add_init_script(FAST_LINK)           # so the runtime cache is filled and checked below
    requests: list[tuple[str, str]] = []
    context.on("request", lambda r: requests.append((r.url, r.post_data or "")))
    page = context.new_page()
    page.goto(site_url)                          # a search and a click on a result
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").fill(SEARCH_WORD)
    page.locator(".md-search__input").press("End")   # Material reads the query on keyup
    page.locator(".md-search-result__item > a").first.click(timeout=60_000)   # the index is built first
    page.wait_for_load_state("networkidle")
    assert SEARCH_WORD not in page.url
    pages = html_pages(built_site)
    checkers_answered, amounts_typed, last_checker_url = 0, 0, site_url
    for path in pages:
        url = site_url + page_url(built_site, path)
        page.goto(url, wait_until="load")
        for checker in page.eval_on_selector_all("section.cw-check", "els => els.map(e => e.dataset.checker)"):
            page.wait_for_selector(f"section.cw-check[data-checker='{checker}'][data-state='ready']",
                                   timeout=READY_TIMEOUT)
            answer_everything(page, checker)
            assert wait_for_verdict(page, checker)
            amounts_typed += page.locator(f"section[data-checker='{checker}'] input.cw-bedrag").count()
            checkers_answered += 1
            last_checker_url = url
            assert page.url == url, "an answer changed the address"
            if checker == "geschenken" and amounts_typed:
                with page.expect_download():          # the saved outcome is made in the browser
                    page.get_by_role("button", name="Uitkomst opslaan als bestand").first.click()
    # The snapshot for next time is stored once no answer came for 3 s, by the worker of a page still open: stay on
    # a checker page until it is there, so the storage checked below is not trivially empty.
    page.goto(last_checker_url, wait_until="load")
    page.wait_for_selector("section.cw-check[data-state='ready']", timeout=READY_TIMEOUT)
    for _ in range(120):
        if page.evaluate(f"async () => (await (await caches.open('{RUNTIME_CACHE}')).keys()).length"):
            break
        page.wait_for_timeout(500)
    page.wait_for_load_state("networkidle")
    stored = page.evaluate(STORAGE)
    cookies = context.cookies()
    context.close()

    assert len(pages) > 40 and checkers_answered >= 10 and amounts_typed >= 2
    foreign = [u for u, _ in requests if not u.startswith((site_url, "data:", "blob:"))]
    assert foreign == []
    for needle in SENTINEL_FORMS + (SEARCH_WORD,):
        assert not any(needle in u or needle in body for u, body in requests), needle
    assert cookies == [] and stored["cookie"] == ""
    assert stored["indexeddb"] == [] and stored["caches"] == [RUNTIME_CACHE]
    snapshot = next((built_site / "assets" / "pyodide").glob("snapshot-*.bin"))
    assert [(SNAPSHOT_URL.search(e["url"]) is not None, e["url"].startswith(site_url), e["method"], e["bytes"])
            for e in stored["runtime"]] == [(True, True, "GET", snapshot.stat().st_size)], stored["runtime"]
    assert not any(needle in entry["url"] for entry in stored["runtime"] for needle in SENTINEL_FORMS)
    for key, value in stored["local"] + stored["session"]:
        assert MATERIAL_KEY.match(key), f"unexpected storage entry {key}={value[:80]}"
        assert not any(needle in value for needle in SENTINEL_FORMS), key
    assert not any(needle in json.dumps(stored) for needle in SENTINEL_FORMS)
