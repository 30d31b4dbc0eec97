"""In a real browser: Dutch search finds the gift pages, and instant navigation requests nothing from
elsewhere (every page and checker: test_privacy.py)."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest


pytestmark = pytest.mark.browser


def search(page, site_url: str, query: str) -> list[str]:
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").fill(query)
    page.locator(".md-search__input").press("End")   # Material reads the query on keyup (or when its index is ready)
    page.wait_for_selector(".md-search-result__item", timeout=30_000)   # the index is built in a worker: slow under load
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


def test_instant_navigation_keeps_requests_local(browser, site_url):
    context = browser.new_context(service_workers="block")
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
