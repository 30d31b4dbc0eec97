"""In a real browser: Dutch search finds the gift pages, and instant navigation requests nothing from
elsewhere (every page and checker: test_privacy.py)."""
from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from tests.browser.conftest import dedicated_worker


pytestmark = pytest.mark.browser


def search(page, site_url: str, query: str, path: str = "") -> list[str]:
    page.goto(site_url + path)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").fill(query)
    # Material reads the query on keyup (fill sends only 'input'); without a key it may search for ''.
    page.locator(".md-search__input").press("End")
    page.wait_for_selector(".md-search-result__item", timeout=60_000)
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")


def test_searching_geschenk_finds_the_gift_pages(page, site_url):
    results = search(page, site_url, "geschenk")
    paths = [urlparse(url).path for url in results]
    assert any(p.startswith("/gemeente-utrecht/") and "geschenk" in p for p in paths), paths
    assert any(p.startswith("/provincie-utrecht/") and "geschenk" in p for p in paths), paths


def test_searching_the_plural_finds_the_same_pages(page, site_url):
    """The Dutch stemmer maps 'geschenken' and 'geschenk' to one stem."""
    singular = {urlparse(u).path for u in search(page, site_url, "geschenk")}
    plural = {urlparse(u).path for u in search(page, site_url, "geschenken")}
    assert singular & plural


CHECKER_PAGE = "gemeente-utrecht/geschenken/"


def test_search_on_a_checker_page_starts_once_the_checker_is_ready(page, site_url):
    """On a checker page the search index is built after Python has started (not at the same time)."""
    page.goto(site_url + CHECKER_PAGE)
    config = page.evaluate("() => JSON.parse(document.getElementById('__config').textContent).search")
    assert "codewijzer-search.js?material=search." in config
    page.wait_for_selector("section[data-checker=geschenken][data-state=ready]", timeout=90_000)
    results = search(page, site_url, "geschenk", CHECKER_PAGE)
    assert any("/gemeente-utrecht/geschenken/" in url for url in results), results


def test_search_on_a_checker_page_works_when_the_checker_fails(page, site_url):
    dedicated_worker(page).route("**/codewijzer-worker.js", lambda route: route.fulfill(status=404, body="weg"))
    page.goto(site_url + CHECKER_PAGE)
    page.wait_for_selector("section[data-checker=geschenken][data-state=error]", timeout=90_000)
    assert search(page, site_url, "geschenk", CHECKER_PAGE)


READY_AT = """
new MutationObserver(() => {
  if (window.__readyAt === undefined && document.querySelector('section.cw-check[data-state="ready"]'))
    window.__readyAt = performance.now();
}).observe(document, { attributes: true, subtree: true });
"""
INDEX_ASKED_AT = """() => performance.getEntriesByType('resource')
    .filter((e) => e.name.endsWith('/search/search_index.json')).map((e) => e.startTime)"""


def test_a_checker_page_asks_for_the_search_index_only_once_the_checker_has_settled(page, site_url):
    """Material asks for its index as soon as its script runs; on a checker page that request waits for the
    checker (ready or failed), so that it does not share the link with Python's downloads."""
    asked: list[str] = []                     # in the order asked, the search worker's requests too
    page.on("request", lambda request: asked.append(urlparse(request.url).path))
    page.add_init_script(READY_AT)
    page.goto(site_url + CHECKER_PAGE)
    page.wait_for_selector("section[data-checker=geschenken][data-state=ready]", timeout=90_000)
    page.wait_for_function(f"() => ({INDEX_ASKED_AT})().length > 0", timeout=30_000)
    ready_at = page.evaluate("window.__readyAt")
    assert min(page.evaluate(INDEX_ASKED_AT)) >= ready_at
    assert search(page, site_url, "geschenk", CHECKER_PAGE)
    # Material's search worker script (lunr, the Dutch stemmer) is loaded only with the index
    material_worker = [i for i, path in enumerate(asked) if re.search(r"/workers/search\.[0-9a-f]+\.min\.js$", path)]
    assert material_worker and material_worker[0] > asked.index("/search/search_index.json"), asked


def test_a_content_page_asks_for_the_search_index_at_once(page, site_url):
    page.goto(site_url + "gemeente-utrecht/kernwaarden/")
    page.wait_for_function(f"() => ({INDEX_ASKED_AT})().length > 0", timeout=30_000)
    assert min(page.evaluate(INDEX_ASKED_AT)) < 5_000


def test_search_on_a_checker_page_works_when_the_checker_s_script_never_arrives(page, site_url):
    """Nothing says 'settled' then: the index and the search worker wait at most 10 s."""
    page.route("**/codewijzer-check.js", lambda route: route.fulfill(status=404, body="weg"))
    page.goto(site_url + CHECKER_PAGE)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").fill("geschenk")
    page.locator(".md-search__input").press("End")
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    assert min(page.evaluate(INDEX_ASKED_AT)) >= 9_000


def test_instant_navigation_keeps_requests_local(browser, site_url):
    context = dedicated_worker(browser.new_context(service_workers="block"))
    foreign: list[str] = []
    context.on("request", lambda r: foreign.append(r.url) if not r.url.startswith((site_url, "data:", "blob:")) else None)
    page = context.new_page()
    page.goto(site_url, wait_until="networkidle")
    # Material's instant navigation rewrites links to absolute URLs
    page.locator("article a[href$='/gemeente-utrecht/']").first.click()
    page.wait_for_url("**/gemeente-utrecht/**")
    page.wait_for_load_state("networkidle")
    context.close()
    assert foreign == []


ORGANISATION_NAMES = {"gemeente-utrecht": "Gemeente Utrecht", "provincie-utrecht": "Provincie Utrecht",
                      "universiteit-twente": "Universiteit Twente", "universiteit-maastricht": "Universiteit Maastricht"}


def labelled_results(page) -> list[tuple[str, str]]:
    page.wait_for_function("() => document.querySelector('.md-search-result__item .cw-zoek-org')")
    return page.eval_on_selector_all(
        ".md-search-result__item", "els => els.map(e => [new URL(e.querySelector('a').href).pathname, "
                                   "e.querySelector('.cw-zoek-org')?.textContent || ''])")


def test_results_name_their_organisation_and_the_readers_own_come_first(page, site_url):
    search(page, site_url, "geschenk", "gemeente-utrecht/")
    results = labelled_results(page)
    orgs = []
    for path, label in results:
        org = path.strip("/").split("/")[0]
        assert not path.startswith("/handleiding/"), "an editors' page in the employees' search"
        if org in ORGANISATION_NAMES:
            assert label == ORGANISATION_NAMES[org], (path, label)
            orgs.append(org)
    assert orgs[0] == "gemeente-utrecht" and "provincie-utrecht" in orgs
    first_other = next(i for i, org in enumerate(orgs) if org != "gemeente-utrecht")
    assert all(org != "gemeente-utrecht" for org in orgs[first_other:]), orgs
    # the other organisations are one click away
    page.get_by_role("button", name=re.compile("Naar andere organisaties")).click()
    focused = page.evaluate("() => new URL(document.activeElement.href).pathname")
    assert not focused.startswith("/gemeente-utrecht/")
