"""The snapshot check in WebKit (Safari's engine), through WebKitGTK and Selenium.

WebKit ignores fetch(..., {cache: "only-if-cached"}): a worker that asked the HTTP cache that way
downloaded the 3.8 MB snapshot before Python started on every first visit. The worker now keeps the
snapshot in the Cache API under the site's own cache name (codewijzer-worker.js, cachedSnapshot).
Here, in WebKit: a first visit starts normally without requesting the snapshot before it is ready,
stores it afterwards, and the next checker page starts from it without asking the server again.
(Observed in WebKitGTK 2.50 under WebDriver: loading the very same URL again right after found the
runtime cache empty, while any other page of the site found it; so the test goes to the next page.)

Independent of the engine smoke set's fixtures: its own server (which logs requests), display and
session. Skipped where WebKitWebDriver, MiniBrowser, Xvfb or Selenium are missing.
"""
from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import time

import pytest

from build_scripts.serve import SiteHandler
from tests.browser.conftest import serve_directory

pytestmark = pytest.mark.browser
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = next(iter(sorted(glob.glob("/usr/lib/*/webkit2gtk-4.*/MiniBrowser"))), None)
PAGE = "gemeente-utrecht/geschenken/"
NEXT_PAGE = "gemeente-utrecht/belangenverstrengeling/"     # the next checker page: a new Python in WebKit
READY = "section.cw-check[data-state='ready']"
TIMEOUT = 180.0

if not (os.access(WEBKIT_DRIVER, os.X_OK) and MINIBROWSER and shutil.which("Xvfb")):
    pytest.skip("WebKitGTK (webkit2gtk-driver) or Xvfb is not installed", allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver")


@pytest.fixture
def logged_site(built_site):
    """The built site, served with a log of every requested path."""
    requests: list[str] = []

    class Logging(SiteHandler):
        def send_head(self):
            requests.append(self.path)
            return super().send_head()

    server, url = serve_directory(built_site, Logging)
    yield url, requests
    server.shutdown()


@pytest.fixture
def webkit():
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        display = ":" + pipe.readline().strip()
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service
    options = Options()
    options.binary_location = MINIBROWSER
    options.add_argument("--automation")
    session = webdriver.WebKitGTK(options=options, service=Service(executable_path=WEBKIT_DRIVER,
                                                                    env={**os.environ, "DISPLAY": display}))
    session.set_script_timeout(TIMEOUT)
    yield session
    session.quit()
    xvfb.terminate()
    xvfb.wait(timeout=10)


def wait(session, script: str, timeout: float = TIMEOUT):
    deadline = time.monotonic() + timeout
    while not (value := session.execute_script(script)):
        assert time.monotonic() < deadline, f"still waiting for: {script}"
        time.sleep(0.2)
    return value


def start_source(session, url: str) -> str:
    session.get(url)
    wait(session, f'return document.querySelector("{READY}") !== null')
    return json.loads(session.execute_script("return document.documentElement.dataset.cwWorkerTimings"))["source"]


STORED = """const done = arguments[arguments.length - 1];
caches.open("codewijzer-runtime").then((cache) => cache.keys()).then((keys) => done(keys.map((r) => r.url)));"""


def test_webkit_starts_from_the_stored_snapshot_and_never_downloads_it_before_python(webkit, logged_site):
    url, requests = logged_site
    snapshot_requests = lambda: [path for path in requests if "/snapshot-" in path]    # noqa: E731
    assert start_source(webkit, url + PAGE) == "normal"
    assert webkit.execute_script("return window.isSecureContext") is True
    assert snapshot_requests() == [], "the snapshot was requested before Python started"
    deadline = time.monotonic() + 60
    while not (stored := webkit.execute_async_script(STORED)):      # stored once no answer came for 3 s
        assert time.monotonic() < deadline, "the snapshot was never stored for next time"
        time.sleep(0.5)
    assert len(stored) == 1 and "/assets/pyodide/snapshot-" in stored[0]
    fetched = len(snapshot_requests())
    assert fetched == 1
    assert start_source(webkit, url + NEXT_PAGE) == "snapshot"     # a new page, a new Python
    assert len(snapshot_requests()) == fetched, "the stored snapshot was downloaded again"
