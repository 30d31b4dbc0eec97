"""Serve the built site on loopback and drive it with headless Chromium (Debian's when present)."""
from __future__ import annotations

import functools
import os
import threading
from http.server import ThreadingHTTPServer

import pytest

from build_scripts.serve import SiteHandler

DEBIAN_CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]


@pytest.fixture(scope="session")
def site_url(built_site):
    handler = functools.partial(SiteHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        executable = DEBIAN_CHROMIUM if os.path.exists(DEBIAN_CHROMIUM) else None
        chromium = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", service_workers="block")
    page = context.new_page()
    yield page
    context.close()
