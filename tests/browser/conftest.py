"""Serve the built site on loopback and drive it with headless Chromium (Debian's when present)."""
from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import ThreadingHTTPServer

import pytest

from build_scripts.serve import SiteHandler
from tests.browser.nginx_server import nginx_binary, start_nginx
from tests.site_html import html_pages, page_url

DEBIAN_CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]


# Playwright neither routes nor reports the requests of a shared worker (microsoft/playwright#33917,
# #36690). Tests that watch or fault the worker's requests run the checker in a dedicated worker:
# the same script, and the path of every browser without SharedWorker's extendedLifetime.
DEDICATED_WORKER = "delete window.SharedWorker;"


def dedicated_worker(target):
    """A context or page whose checkers use a dedicated worker (see DEDICATED_WORKER)."""
    target.add_init_script(DEDICATED_WORKER)
    return target


def serve_directory(directory, handler=SiteHandler) -> tuple[ThreadingHTTPServer, str]:
    """`directory` served on a free loopback port in a thread, as `make serve` serves the site (or with a
    subclass of its handler); the server (to shut down) and its address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url(built_site):
    server, url = serve_directory(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def playwright():
    """One Playwright for the session: Chromium and the other engines (engines.py) share it."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright):
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


@pytest.fixture
def instant_site_url(built_site, tmp_path):
    """The built site with a sitemap that lists its pages, as MkDocs writes it when site_url is set.

    Material only navigates instantly to URLs in the sitemap. Codewijzer has no site_url (it works from
    any folder), so its sitemap is empty and every link loads a full page; a site published with a
    site_url gets instant navigation, and that is the case this fixture serves."""
    root = tmp_path / "site"
    root.mkdir()
    for entry in built_site.iterdir():
        if entry.name not in {"sitemap.xml", "sitemap.xml.gz"}:
            (root / entry.name).symlink_to(entry)
    server, url = serve_directory(root)
    entries = "".join(f"<url><loc>{url}{page_url(built_site, path)}</loc></url>" for path in html_pages(built_site))
    (root / "sitemap.xml").write_text('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns='
                                      f'"http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>\n')
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def nginx_url(built_site, tmp_path_factory):
    """The built site under deploy/nginx.conf as shipped (nginx_server.py)."""
    if not nginx_binary():
        if shutil.which("apt-get") and os.geteuid() == 0:
            pytest.fail("nginx is missing although `make nginx` could install it: run `make test`")
        pytest.skip("LET OP: nginx ontbreekt (installeer nginx, of draai `make test` als root): "
                    "deploy/nginx.conf is NIET getest")
    process, url = start_nginx(built_site, tmp_path_factory.mktemp("nginx"))
    yield url
    process.terminate()
    process.wait(timeout=10)
