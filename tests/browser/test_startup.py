"""Start-up: the memory snapshot is used once cached, and a corrupt, stale or missing snapshot
falls back to a normal start; where the browser keeps a shared worker alive, later pages use the
running Python. (Speed itself is measured by `make bench`, not asserted here.)"""
from __future__ import annotations

import json
import shutil
import threading
import time

import pytest

from build_scripts.serve import SiteHandler
from checkers import evaluate
from tests.browser.conftest import dedicated_worker, serve_directory
from tests.browser.test_snapshot_policy import FAST_LINK
from tests.browser.test_checkers import EXAMPLES, open_checker, rules, wait_for_verdict

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
        server, url = serve_directory(site)
        servers.append(server)
        return url
    yield start
    for server in servers:
        server.shutdown()


def snapshots(site):
    return list((site / "assets" / "pyodide").glob("snapshot-*.bin*"))


def start_source(browser, url: str) -> list[str]:
    """Load the checker page twice in one browser profile; how Python started each time."""
    context = dedicated_worker(browser.new_context(service_workers="block"))   # a new Python each visit
    context.add_init_script(FAST_LINK)        # the snapshot is fetched for next time only on a fast link
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


# Shared worker with extendedLifetime (Chromium 148+): one Python for the site's pages.
def worker_timings(page) -> dict:
    return json.loads(page.evaluate("() => document.documentElement.dataset.cwWorkerTimings"))


def dedicated_workers(page) -> list[str]:
    return [w.url for w in page.workers if w.url.endswith("/codewijzer-worker.js")]


def example_verdict_in_page(page, site_url: str, example) -> tuple[str, str]:
    """(verdict in the page, verdict on the command line) of a practice example opened by its link."""
    code, checker = example.organisation, example.meta["check"]["naam"]
    open_checker(page, site_url, code, checker, f"#check={example.meta['id']}")
    expected = evaluate(checker, rules(code, checker), example.meta["check"]["antwoorden"])["verdict"]
    return wait_for_verdict(page, checker), expected


def test_a_reload_and_the_next_checker_page_find_python_running(browser, site_url):
    """Full page loads (no instant navigation): a reload and another checker page use the Python
    the first page started, and still give the command line's verdicts."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    gift, relation, side_job = (next(e for e in EXAMPLES if e.meta["check"]["naam"] == name)
                                for name in ("geschenken", "relaties", "nevenwerkzaamheden"))
    served = []

    def assert_verdict(in_page: str, expected: str) -> None:
        assert in_page == expected
        assert dedicated_workers(page) == []          # Python runs in the shared worker
        served.append(worker_timings(page)["pages"])

    assert_verdict(*example_verdict_in_page(page, site_url, gift))
    expected_gift = wait_for_verdict(page, "geschenken")
    page.reload()
    page.wait_for_selector("section[data-checker=geschenken][data-state='ready']", timeout=90_000)
    assert_verdict(wait_for_verdict(page, "geschenken"), expected_gift)
    for example in (relation, side_job):
        assert_verdict(*example_verdict_in_page(page, site_url, example))
    context.close()
    assert served == [1, 2, 3, 4]


# A browser that has SharedWorker but not its extendedLifetime option (Firefox, Safari): the option
# is never read, so the page must not rely on it.
WITHOUT_EXTENDED_LIFETIME = """(() => {
  const Native = window.SharedWorker;
  window.SharedWorker = function SharedWorker(url, options) {
    return new Native(url, { name: options.name, type: options.type });
  };
})();"""


def test_without_extended_lifetime_every_page_starts_its_own_worker(browser, site_url):
    context = browser.new_context(service_workers="block")
    context.add_init_script(WITHOUT_EXTENDED_LIFETIME)
    page = context.new_page()
    example = next(e for e in EXAMPLES if e.meta["check"]["naam"] == "geschenken")
    for _ in range(2):
        in_page, expected = example_verdict_in_page(page, site_url, example)
        assert in_page == expected
        assert len(dedicated_workers(page)) == 1 and worker_timings(page)["pages"] == 1
    context.close()


def remove_wasm(site):
    for path in (site / "assets" / "pyodide").glob("pyodide.asm.wasm*"):
        path.unlink()


def test_a_start_fault_in_the_shared_worker_shows_the_message_and_the_rules(browser, serve_copy):
    """The fault table in test_robustness runs in dedicated workers (Playwright cannot route a shared
    worker's requests); here the server itself lacks the wasm, and the shared worker is used."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(serve_copy(remove_wasm) + PAGE)
    page.wait_for_selector("section[data-checker=geschenken][data-state='error']", timeout=90_000)
    assert dedicated_workers(page) == []
    assert "kan in deze browser niet worden geladen" in page.inner_text("section[data-checker=geschenken] .cw-check-status")
    assert page.locator("#check-geschenken-regels details").get_attribute("open") is not None
    context.close()


# The start asks for Python's large files at once, not after Pyodide's own script has arrived (on a
# phone link that script is a round trip of its own), and each file once (ADR 0023); Pyodide's lock file
# never: the page brings the part of it Pyodide checks.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib-", ".whl")
HELD = "/assets/pyodide/pyodide.mjs"
HOLD_SECONDS = 2.0


def holding_server(site, requests: list[tuple[float, str]], held: str):
    """Serves `site`, records when each request arrives and holds one file back (`held`)."""
    class Holding(SiteHandler):
        def do_GET(self):
            requests.append((time.monotonic(), self.path))
            if self.path.split("?")[0] == held:
                time.sleep(HOLD_SECONDS)
            super().do_GET()
    return serve_directory(site, Holding)


def worker_context(browser, worker: str):
    """A new browser profile whose checkers run in a shared worker (where Chromium keeps it) or a dedicated one."""
    context = browser.new_context(service_workers="block")
    return dedicated_worker(context) if worker == "dedicated" else context


def answer_with_one_file_held(browser, site, worker: str, held: str) -> tuple[list[tuple[float, str]], dict]:
    """Answer "geld" on the gift checker (right outcome, one worker of the kind asked for) while the
    server holds `held` back; the requests the server saw and the worker's start-up timings."""
    requests: list[tuple[float, str]] = []
    server, url = holding_server(site, requests, held)
    context = worker_context(browser, worker)
    page = context.new_page()
    page.goto(url + PAGE)
    page.locator("section[data-checker=geschenken] input[value='geld']").check()
    assert wait_for_verdict(page, "geschenken") == "mag-niet"
    assert len(dedicated_workers(page)) == (0 if worker == "shared" else 1)
    timings = worker_timings(page)
    context.close()
    server.shutdown()
    return requests, timings


@pytest.mark.parametrize("worker", ["shared", "dedicated"])
def test_python_s_files_are_asked_for_at_once_and_once(browser, built_site, worker):
    requests, _ = answer_with_one_file_held(browser, built_site, worker, HELD)
    asked = {name: [at for at, path in requests if name in path.split("/")[-1]] for name in RUNTIME_FILES}
    assert {name: len(times) for name, times in asked.items()} == dict.fromkeys(RUNTIME_FILES, 1)
    assert not [path for _, path in requests if "pyodide-lock.json" in path]
    held_until = asked["pyodide.mjs"][0] + HOLD_SECONDS
    for name in ("pyodide.asm.wasm", "python_stdlib-", ".whl"):
        assert asked[name][0] < held_until, f"{name} waited for Pyodide's script"


# The page's <head> opens the worker and starts Python before the checker module has arrived (ADR 0024);
# the module takes that worker over: one worker, each file once, the right outcome.
CHECKER_MODULE = "/assets/javascripts/codewijzer-check.js"


@pytest.mark.parametrize("worker", ["shared", "dedicated"])
def test_python_starts_before_the_checker_module_has_arrived(browser, built_site, worker):
    requests, timings = answer_with_one_file_held(browser, built_site, worker, CHECKER_MODULE)
    assert timings["pages"] == 1                 # the module took over the worker <head> opened
    module_released = next(at for at, path in requests if path == CHECKER_MODULE) + HOLD_SECONDS
    asked = {name: [at for at, path in requests if name in path.split("/")[-1]]
             for name in RUNTIME_FILES + ("codewijzer-worker.js",)}
    assert {name: len(times) for name, times in asked.items()} == dict.fromkeys(asked, 1)
    for name in ("codewijzer-worker.js", "pyodide.asm.wasm", "python_stdlib-"):
        assert asked[name][0] < module_released, f"{name} waited for the checker module"


# While Python starts, the outcome area says how far (issue #16, point 1): the share of the start's two
# large downloads, then "starten" once they are in, and nothing of it once the check is ready.
def gated_server(site, gates: dict[str, threading.Event]):
    """Serves `site`; a request whose file name starts with a key of `gates` waits until that event is set."""
    class Gated(SiteHandler):
        def do_GET(self):
            name = self.path.split("?")[0].split("/")[-1]
            for start, gate in gates.items():
                if name.startswith(start):
                    gate.wait(60)
            super().do_GET()
    return serve_directory(site, Gated)


PROGRESS = """() => {
  const line = document.querySelector("section[data-checker=geschenken] .cw-check-voortgang");
  if (!line) return null;
  const bar = line.querySelector("progress");
  return { label: line.querySelector("label").textContent, named: bar.labels[0] === line.querySelector("label"),
           value: bar.hasAttribute("value") ? bar.value : null, share: line.querySelector(".cw-check-procent").textContent };
}"""


@pytest.mark.parametrize("worker", ["shared", "dedicated"])
def test_the_outcome_area_says_how_far_python_s_start_is(browser, built_site, worker):
    pyodide = built_site / "assets" / "pyodide"
    wasm = (pyodide / "pyodide.asm.wasm").stat().st_size
    stdlib = next(p for p in pyodide.glob("python_stdlib-*.zip")).stat().st_size
    gates = {"python_stdlib-": threading.Event(), "codewijzer_checkers-": threading.Event()}
    server, url = gated_server(built_site, gates)
    context = worker_context(browser, worker)
    page = context.new_page()
    page.goto(url + PAGE)
    section = page.locator("section[data-checker=geschenken]")
    try:
        # The wasm is in, the standard library held back: the share of the two that has arrived.
        share = (100 * wasm) // (wasm + stdlib)
        downloading = page.wait_for_function(f"() => {{ const p = ({PROGRESS})(); return p && p.value === {share} && p; }}",
                                             timeout=60_000).json_value()
        assert downloading == {"label": "Rekenhulp downloaden", "named": True, "value": share, "share": f"{share}%"}
        assert "wordt nog geladen" in section.locator(".cw-check-uitkomst").inner_text()
        assert section.locator(".cw-check-uitkomst").get_attribute("aria-busy") == "true"
        section.locator("input[value='geld']").check()           # answered meanwhile
        # Both files in, the wheel held back: Python starts, without a share.
        gates["python_stdlib-"].set()
        starting = page.wait_for_function(f"() => {{ const p = ({PROGRESS})(); return p && p.value === null && p; }}",
                                          timeout=60_000).json_value()
        assert starting == {"label": "Rekenhulp starten", "named": True, "value": None, "share": ""}
        assert section.get_attribute("data-state") == "loading"
        gates["codewijzer_checkers-"].set()
        assert wait_for_verdict(page, "geschenken") == "mag-niet"
        assert section.locator(".cw-check-voortgang").count() == 0
        assert section.locator(".cw-check-uitkomst").get_attribute("aria-busy") is None
    finally:
        for gate in gates.values():
            gate.set()
        context.close()
        server.shutdown()


def test_after_a_failed_start_the_next_start_counts_only_its_own_downloads(browser, built_site):
    """A start that fails (here: the standard library missing once) leaves its wasm download running. In
    the shared worker the next page's start must not count those bytes too: its share would reach 100%
    and say "starten" while its own standard library is still on the way."""
    pyodide = built_site / "assets" / "pyodide"
    wasm = (pyodide / "pyodide.asm.wasm").stat().st_size
    stdlib = next(p for p in pyodide.glob("python_stdlib-*.zip")).stat().st_size
    wasm_gate, stdlib_gate, second_start = threading.Event(), threading.Event(), threading.Event()
    stdlib_asked = []

    class FailsOnce(SiteHandler):
        def do_GET(self):
            name = self.path.split("?")[0].split("/")[-1]
            if name == "pyodide.asm.wasm":
                wasm_gate.wait(60)
            elif name.startswith("python_stdlib-"):
                stdlib_asked.append(name)
                if len(stdlib_asked) == 1:
                    return self.send_error(404)
                second_start.set()
                stdlib_gate.wait(60)
            super().do_GET()

    server, url = serve_directory(built_site, FailsOnce)
    context = worker_context(browser, "shared")
    try:
        first = context.new_page()
        first.goto(url + PAGE)
        first.wait_for_selector("section[data-checker=geschenken][data-state='error']", timeout=60_000)
        second = context.new_page()
        second.goto(url + PAGE)
        assert second_start.wait(60)          # the second start has asked for its own files
        wasm_gate.set()                       # both starts' wasm downloads run now; the standard library waits
        share = (100 * wasm) // (wasm + stdlib)
        # the wasm's share reached, or (counted twice) the share past it or "starten" already
        second.wait_for_function(f"() => {{ const p = ({PROGRESS})(); return p && (p.value === null || p.value >= {share}); }}",
                                 timeout=60_000)
        second.wait_for_timeout(1_000)        # an old download still being counted would add its bytes now
        assert second.evaluate(PROGRESS) == {"label": "Rekenhulp downloaden", "named": True, "value": share, "share": f"{share}%"}
        second.locator("section[data-checker=geschenken] input[value='geld']").check()
        stdlib_gate.set()
        assert wait_for_verdict(second, "geschenken") == "mag-niet"
    finally:
        wasm_gate.set()
        stdlib_gate.set()
        context.close()
        server.shutdown()
