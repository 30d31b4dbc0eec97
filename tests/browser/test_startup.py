"""Start-up: the memory snapshot is used once cached, and a corrupt, stale or missing snapshot
falls back to a normal start. (Speed itself is measured by `make bench`, not asserted here.)"""
from __future__ import annotations

import functools
import json
import shutil
import threading
from http.server import ThreadingHTTPServer

import pytest

from build_scripts.serve import SiteHandler

pytestmark = pytest.mark.browser
PAGE = "gemeente-utrecht/geschenken/"


@pytest.fixture
def serve_copy(built_site, tmp_path):
    """Serve a copy of the built site after `damage(site)` changed it."""
    servers = []

    def start(damage=None) -> str:
        site = tmp_path / f"site{len(servers)}"
        shutil.copytree(built_site, site)
        if damage:
            damage(site)
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SiteHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"
    yield start
    for server in servers:
        server.shutdown()


def snapshots(site):
    return list((site / "assets" / "pyodide").glob("snapshot-*.bin*"))


def start_source(browser, url: str) -> list[str]:
    """Load the checker page twice in one browser profile; how Python started each time."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    sources = []
    for visit in range(2):
        page.goto(url + PAGE)
        page.wait_for_selector("section[data-checker=geschenken][data-state='ready']", timeout=90_000)
        sources.append(json.loads(page.evaluate("() => document.documentElement.dataset.cwWorkerTimings"))["source"])
        section = page.locator("section[data-checker=geschenken]")
        section.locator("input[value='geld']").check()
        page.wait_for_selector("section[data-checker=geschenken] .cw-check-uitkomst[data-verdict='mag-niet']")
        if visit == 0:
            page.wait_for_timeout(6_000)     # the page fetches the snapshot for next time
    context.close()
    return sources


def test_the_snapshot_is_used_once_the_browser_has_it(browser, serve_copy):
    assert start_source(browser, serve_copy()) == ["normal", "snapshot"]


def corrupt(site):
    for path in snapshots(site):
        path.write_bytes(b"geen snapshot" * 1000)


def truncate(site):
    """A snapshot from another build: right header, wrong contents."""
    for path in snapshots(site):
        if path.suffix == ".bin":
            path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
        else:
            path.unlink()


def remove(site):
    for path in snapshots(site):
        path.unlink()


@pytest.mark.parametrize("damage", [corrupt, truncate, remove], ids=["corrupt", "stale", "missing"])
def test_a_bad_snapshot_falls_back_to_a_normal_start(browser, serve_copy, damage):
    assert start_source(browser, serve_copy(damage)) == ["normal", "normal"]
