"""`make bench`: the performance benchmark, in one run, in headless Chromium against the built site.

Prints a table and writes JSON (bench/results/latest.json). Measures:
 1. navigation -> checker data-state="ready", cold and warm cache (median and spread of N runs); warm
    twice: with Python still running in the shared worker, and with a new Python (dedicated worker);
 2. the same for a naive baseline page (loadPyodide() on the main thread, same vendored files,
    no worker, no snapshot, full standard library) and the ratio;
 3. answer latency: input event -> outcome rendered, p50/p95 over >= 100 answers across checkers;
 4. bytes transferred on a cold load of a checker page and a content page, with and without compression;
 5. main-thread long tasks (> 50 ms) while a checker page loads and on a content page; first paint;
 6. build time of the full site, and the marginal build time per page for 1000 generated extra pages.
"""
from __future__ import annotations

import argparse
import functools
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from http.server import ThreadingHTTPServer
from pathlib import Path

from bench import network
from build_scripts.serve import SiteHandler
from tests.browser.conftest import DEDICATED_WORKER
from tests.browser.test_snapshot_policy import FAST_LINK

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic", "--no-first-run"]
CHECKER_PAGE = "gemeente-utrecht/geschenken/"
CONTENT_PAGE = "gemeente-utrecht/kernwaarden/"
NAIVE_PAGE = "__bench/naive/"
NAIVE_HTML = b"""<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Naive Pyodide</title></head>
<body><p>Naive baseline: loadPyodide() on the main thread.</p>
<script type="module">
import { loadPyodide } from "/assets/pyodide/pyodide.mjs";
const pyodide = await loadPyodide({ indexURL: "/assets/pyodide/" });
window.__readyAt = performance.now();
document.body.dataset.state = "ready";
</script></body></html>"""
# The floor of a start with a new Python: the checker's worker alone on a bare page (no Material, no
# checker form), started the way the checker page starts it.
WORKER_ONLY_PAGE = "__bench/worker-only/"
WORKER_ONLY_HTML = b"""<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Worker only</title></head>
<body><p>The checker's worker alone.</p>
<script type="module">
const runtime = JSON.parse(new URLSearchParams(location.search).get("runtime"));
const worker = new Worker("/assets/javascripts/codewijzer-worker.js", { type: "module" });
worker.onmessage = ({ data }) => { if (data.type === "ready") document.body.dataset.state = "ready"; };
worker.postMessage({ type: "start", runtime, wheel: new URL("/assets/checkers/" + runtime.wheel, location.href).href });
</script></body></html>"""
# Recorded in every page: when data-state becomes "ready", long tasks, first contentful paint.
PROBE = """
window.__longTasks = [];
new PerformanceObserver(list => list.getEntries().forEach(e => __longTasks.push([e.startTime, e.duration])))
  .observe({ type: 'longtask', buffered: true });
new MutationObserver(() => {
  if (!window.__readyAt && document.querySelector('[data-state="ready"]')) window.__readyAt = performance.now();
}).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-state'] });
"""


# The checker page without its checker: the same text, to tell what the checker costs the first paint.
WITHOUT_CHECKER = "?bench-zonder-check"
CHECKER_PARTS = [re.compile(p, re.S) for p in (r'<meta name="codewijzer-runtime"[^>]*>\s*',
                                                r'<script type="module" async src="[^"]*codewijzer-check\.js"></script>\s*',
                                                r'<section class="cw-check".*?</section>\s*',
                                                r'<div class="cw-check-regels".*?</details>\s*</div>\s*')]


def without_checker(page_html: str) -> str:
    for part in CHECKER_PARTS:
        page_html = part.sub("", page_html)
    return page_html


class BenchHandler(SiteHandler):
    def send_head(self):
        path, _, query = self.path.partition("?")
        if path == "/" + NAIVE_PAGE:          # its inline script is not in the site's policy: no CSP header
            return self._send_html(NAIVE_HTML, site_policy=False)
        if path == "/" + WORKER_ONLY_PAGE:
            return self._send_html(WORKER_ONLY_HTML, site_policy=False)
        if path == "/" + network.SOURCE_STDLIB:
            encoding = "br" if "br" in self.headers.get("Accept-Encoding", "") else None
            return self._send_body(network.source_stdlib(Path(self.directory), encoding), "application/zip", encoding)
        if query.startswith("bench-start="):   # a start path of the checker page (bench/network.py)
            page = Path(self.translate_path(path)) / "index.html"
            variant = network.start_variant(page.read_text(encoding="utf-8"), query.removeprefix("bench-start="))
            return self._send_html(variant.encode(), site_policy=True)
        if "?" + query == WITHOUT_CHECKER:
            page = Path(self.translate_path(path)) / "index.html"
            return self._send_html(without_checker(page.read_text(encoding="utf-8")).encode(), site_policy=True)
        return super().send_head()

    def _send_body(self, body: bytes, content_type: str, encoding: str | None):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self._send_security_headers()
        self.end_headers()
        return io.BytesIO(body)

    def _send_html(self, body: bytes, site_policy: bool):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        if site_policy:
            self._send_security_headers()
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(BenchHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def stats(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


# Where the benchmark counts or refuses the worker's requests, and for a warm start with a new
# Python, the page gets a dedicated worker (see DEDICATED_WORKER in the browser tests).


def new_context(browser, dedicated_worker: bool = False, **kwargs):
    context = browser.new_context(service_workers="block", **kwargs)
    context.add_init_script(PROBE)
    context.add_init_script(FAST_LINK)      # loopback is a fast link: the snapshot is fetched for next time
    if dedicated_worker:
        context.add_init_script(DEDICATED_WORKER)
    return context


def time_to_ready(page, url: str) -> float:
    page.goto(url)
    page.wait_for_function("() => window.__readyAt !== undefined", timeout=120_000)
    return page.evaluate("window.__readyAt")


def measure_ready(browser, base: str, runs: int) -> dict:
    result = {}
    for name, path in (("checker", CHECKER_PAGE), ("naive", NAIVE_PAGE)):
        cold = []
        for _ in range(runs):
            context = new_context(browser)
            cold.append(time_to_ready(context.new_page(), base + path))
            context.close()
        context = new_context(browser)
        page = context.new_page()
        time_to_ready(page, base + path)
        if name == "checker":      # let the page fetch the snapshot for next time, as a reader's browser would
            page.wait_for_timeout(8_000)
        warm = [time_to_ready(page, base + path) for _ in range(runs)]
        result[name] = {"cold_ms": stats(cold), "warm_ms": stats(warm)}
        if name == "checker":      # the same warm cache, a new Python each time (a dedicated worker)
            runtime = page.evaluate("document.querySelector('meta[name=codewijzer-runtime]').content")
            page = context.new_page()
            page.add_init_script(DEDICATED_WORKER)
            result[name]["warm_new_python_ms"] = stats([time_to_ready(page, base + path) for _ in range(runs)])
            floor = f"{base}{WORKER_ONLY_PAGE}?{urllib.parse.urlencode({'runtime': runtime})}"
            result["worker_only"] = {"warm_new_python_ms": stats([time_to_ready(page, floor) for _ in range(runs)])}
        context.close()
    naive, checker = result["naive"], result["checker"]
    result["ratio_warm"] = naive["warm_ms"]["median"] / checker["warm_ms"]["median"]
    result["ratio_warm_new_python"] = naive["warm_ms"]["median"] / checker["warm_new_python_ms"]["median"]
    result["ratio_cold"] = naive["cold_ms"]["median"] / checker["cold_ms"]["median"]
    return result


def on_screen(page, locator) -> None:
    """A person scrolls to a question before answering it, so the scroll and what it sets off (Material's
    header animates when the page leaves the top) are over before the tap. Playwright scrolls in the same
    instant as it clicks: the tap's first frames would carry the scroll's animation frames."""
    locator.scroll_into_view_if_needed()
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')", timeout=5_000)


def measure_latency(browser, base: str, minimum: int) -> dict:
    """Change answers on every checker page and time input event -> outcome rendered."""
    sys.path.insert(0, str(ROOT))
    from checkers.rules import rule_files
    context = new_context(browser)
    page = context.new_page()
    page.add_init_script(LATENCY_PROBE)
    pages = sorted(_checker_page(p) for p in rule_files(ROOT / "docs"))
    latencies: list[float] = []
    breakdown: list[dict] = []
    while True:
        for url, checker in pages:
            page.goto(base + url)
            section = f"section[data-checker='{checker}']"
            page.wait_for_selector(f"{section}[data-state='ready']", timeout=120_000)
            radios = page.locator(f"{section} .cw-vraag:not([hidden]) input[type=radio]")
            for index in range(min(radios.count(), 6)):
                on_screen(page, radios.nth(index))
                before = page.evaluate("__latencies.length")
                radios.nth(index).check()
                page.wait_for_function(f"() => __latencies.length > {before}", timeout=5_000)
            amount = page.locator(f"{section} input.cw-bedrag")
            if amount.count():
                for value in ["10", "49,99", "50", "50,01", "€ 1.000", "abc"]:
                    if not amount.first.is_visible():
                        break
                    on_screen(page, amount.first)
                    before = page.evaluate("__latencies.length")
                    amount.first.fill(value)
                    page.wait_for_function(f"() => __latencies.length > {before}", timeout=5_000)
            latencies += page.evaluate("__latencies")     # per page: a new document starts a new list
            breakdown += page.evaluate("__breakdown")
        if len(latencies) >= minimum:
            break
    context.close()
    parts = {key: [b[key] for b in breakdown if b.get(key) is not None] for key in BREAKDOWN}
    return {"n": len(latencies), "p50_ms": percentile(latencies, 50), "p95_ms": percentile(latencies, 95),
            "max_ms": max(latencies),
            "breakdown": {key: {"p50_ms": percentile(v, 50), "p95_ms": percentile(v, 95), "mean": statistics.mean(v),
                                "n": len(v)} for key, v in parts.items() if v}}


# Where an answer's time goes, from the performance marks the page and worker make only when
# window.__codewijzerMeasure is set (codewijzer-check.js, mark): input event -> message sent (the page's
# own handling) -> worker received (the message) -> Python started (waiting in the worker) -> Python
# done -> page received (the message back) -> outcome rendered (MutationObserver after the render).
BREAKDOWN = {"asked_ahead": "Answers asked on pointerdown, before the input event (share)",
             "page_before_send": "Page: input event to message sent (negative: asked ahead)",
             "message_to_worker": "Message to the worker",
             "worker_wait": "Worker: waiting before Python", "python": "Python (checkers.evaluate_json)",
             "message_back": "Message back to the page",
             "messages": "Messages both ways (exact; the split above assumes the page's and worker's clocks agree)",
             "frame_before_result": "Answers whose result came after the frame the input caused (share)",
             "received_after_frame": "Result received after that frame's requestAnimationFrame",
             "render": "Page: message received to outcome rendered",
             "total": "Total, input event to rendered (first round trip)"}
LATENCY_PROBE = """
  window.__codewijzerMeasure = true;
  window.__latencies = [];
  window.__breakdown = [];
  // The first animation frame after the input: does the result wait for the frame the input caused?
  const frameAfter = () => { window.__frame = undefined; requestAnimationFrame(t => { window.__frame = performance.now(); }); };
  // A tap fires 'input' and then 'change' (the page asks Python once): time from the first of them.
  const started = e => { if (window.__lastInput === undefined) { window.__lastInput = e.timeStamp; frameAfter(); } };
  document.addEventListener('input', started, true);
  document.addEventListener('change', started, true);
  new MutationObserver(() => {
    if (window.__lastInput === undefined) return;
    const input = __lastInput, now = performance.now(), abs = t => performance.timeOrigin + t;
    __latencies.push(now - input);
    window.__lastInput = undefined;
    const marks = performance.getEntriesByType('mark');
    // The answer shown is the last one received; its question may have been sent before the input event
    // (asked on pointerdown: Checker.foresee), so it is matched by id, not by time.
    const received = marks.filter(m => m.name === 'cw-received').at(-1);
    const sent = received && marks.find(m => m.name === 'cw-sent' && m.detail?.id === received.detail?.id);
    const w = sent && received.detail?.worker;
    if (w) __breakdown.push({ asked_ahead: sent.startTime < input ? 1 : 0,
        page_before_send: sent.startTime - input, message_to_worker: w.received - abs(sent.startTime),
        worker_wait: w.python - w.received, python: w.python_done - w.python, message_back: abs(received.startTime) - w.python_done,
        render: now - received.startTime, total: now - input,
        messages: (received.startTime - sent.startTime) - (w.python_done - w.received),
        frame_before_result: window.__frame !== undefined && window.__frame <= received.startTime ? 1 : 0,
        received_after_frame: window.__frame !== undefined ? received.startTime - window.__frame : null });
    performance.clearMarks();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-renders'] });
"""


def latency_breakdown_table(breakdown: dict) -> str:
    rows = [f"| {BREAKDOWN[key]} | {value['mean']:.0%} |" if key in ("frame_before_result", "asked_ahead")
            else f"| {BREAKDOWN[key]} | {value['p50_ms']:.2f} / {value['p95_ms']:.2f} ms |" for key, value in breakdown.items()]
    return "\n".join(["| Part | p50 / p95 |", "| --- | --- |"] + rows)


def _checker_page(rule_file: Path) -> tuple[str, str]:
    """(page URL, checker) of a rule file."""
    import tomllib
    from checkers.rules import doc_to_url
    data = tomllib.loads(rule_file.read_text(encoding="utf-8"))
    doc = os.path.normpath(f"{rule_file.parent.parent.name}/regels/{data['pagina']}")
    return doc_to_url(doc), rule_file.stem


def measure_paint(browser, base: str, runs: int) -> dict:
    """First contentful paint and main-thread long tasks on cold loads, interleaved: a content page,
    the checker page, the same page without its checker (the same text: what the checker costs the
    first paint), and the checker page with its worker refused (what the page costs without Python,
    to tell Material's and the layout's long tasks from any that Python's start-up causes)."""
    variants = {"content": (CONTENT_PAGE, False), "checker": (CHECKER_PAGE, False),
                "checker_page_without_checker": (CHECKER_PAGE + WITHOUT_CHECKER, False),
                "checker_without_worker": (CHECKER_PAGE, True)}
    samples = {name: [] for name in variants}
    for _ in range(runs):
        for name, (path, block) in variants.items():
            context = new_context(browser, dedicated_worker=block)
            page = context.new_page()
            if block:
                page.route("**/codewijzer-worker.js", lambda route: route.abort())
            page.goto(base + path)
            if name == "checker":
                page.wait_for_function("() => window.__readyAt !== undefined", timeout=120_000)
            # Not "networkidle": Playwright never sees a shared worker's script request finish.
            page.wait_for_timeout(1_000)
            paint = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null")
            tasks = page.evaluate("__longTasks")
            samples[name].append((paint, len(tasks), sum(d for _, d in tasks)))
            context.close()
    return {name: {"first_contentful_paint_ms": stats([s[0] for s in values]),
                   "long_tasks": statistics.median(s[1] for s in values),
                   "long_task_ms": statistics.median(s[2] for s in values)} for name, values in samples.items()}


def measure_load(browser, base: str, path: str, compressed: bool, checker: bool) -> dict:
    headers = {} if compressed else {"Accept-Encoding": "identity"}
    context = new_context(browser, dedicated_worker=True, extra_http_headers=headers)
    page = context.new_page()
    sizes: list[tuple[str, int]] = []
    page.on("requestfinished", lambda r: sizes.append((r.url, _size(r))))
    context.on("requestfinished", lambda r: None)
    page.goto(base + path)
    if checker:
        page.wait_for_function("() => window.__readyAt !== undefined", timeout=120_000)
    page.wait_for_load_state("networkidle")
    until_ready = list(sizes)
    page.wait_for_timeout(500)
    paint = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null")
    long_tasks = page.evaluate("__longTasks")
    worker_requests: list[tuple[str, int]] = []
    if checker:        # the snapshot prefetch for next time, after the checker is ready
        context.on("requestfinished", lambda r: worker_requests.append((r.url, _size(r))))
        page.wait_for_timeout(8_000)
    context.close()
    pyodide_bytes = sum(s for u, s in until_ready if "/assets/pyodide/" in u or "/assets/checkers/" in u
                        or "codewijzer-check" in u or "codewijzer-worker" in u)
    return {"bytes": sum(s for _, s in until_ready), "requests": len(until_ready), "pyodide_and_checker_bytes": pyodide_bytes,
            "first_contentful_paint_ms": paint, "long_tasks": len(long_tasks),
            "long_task_ms": sum(d for _, d in long_tasks), "later_prefetch_bytes": sum(s for _, s in worker_requests)}


def _size(request) -> int:
    sizes = request.sizes()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


def measure_build(extra_pages: int) -> dict:
    """Full build, then the marginal cost per page of two ways the site grows by `extra_pages` pages:
    practice examples (how a code grows: each lands on its theme page and in the indexes, not in the
    menu) and, as the worst case, pages at the top level of the menu (Material renders the whole
    menu on every page, so that cost per page grows with the number of pages)."""
    sys.path.insert(0, str(ROOT))
    from tests.conftest import copy_project
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

    def build(project: Path) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"),
                        "-d", str(project / "site")], cwd=project, env=env, check=True, capture_output=True)
        return time.perf_counter() - start

    result = {"extra_pages": extra_pages}
    with tempfile.TemporaryDirectory() as tmp:
        base_project = copy_project(Path(tmp) / "base")
        result["full_build_s"] = statistics.median(build(base_project) for _ in range(3))
        for shape, add in (("examples", _add_examples), ("menu", _add_menu_pages)):
            project = copy_project(Path(tmp) / shape)
            add(project, extra_pages)
            result[f"{shape}_build_s"] = build(project)
            result[f"{shape}_marginal_ms_per_page"] = (result[f"{shape}_build_s"] - result["full_build_s"]) / extra_pages * 1000
    return result


TEXT = "Een alinea tekst over een situatie op het werk. " * 12


def _add_examples(project: Path, count: int) -> None:
    """Practice examples spread over the theme pages that list examples."""
    import yaml
    theme_pages = []
    for page in sorted((project / "docs").glob("*/*.md")):
        text = page.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---")[1]) or {}
        if meta.get("soort") == "thema" and "<!-- codewijzer: voorbeelden -->" in text:
            theme_pages.append((meta["organisatie"], meta["themas"][0]))
    prefixes = {"gemeente-utrecht": "gu", "provincie-utrecht": "pu", "universiteit-twente": "ut", "universiteit-maastricht": "um"}
    for number in range(count):
        org, theme = theme_pages[number % len(theme_pages)]
        example_id = f"{prefixes[org]}-bench-{number:04d}"
        (project / "docs" / org / "voorbeelden" / f"{example_id}.md").write_text(
            f"---\ntitle: Extra voorbeeld {number}\ndescription: Gegenereerd door de benchmark.\nsoort: voorbeeld\n"
            f"organisatie: {org}\nid: {example_id}\nthemas: [{theme}]\n---\n\n{TEXT}\n\n## Wat kun je doen?\n\n{TEXT}\n",
            encoding="utf-8")


def _add_menu_pages(project: Path, count: int) -> None:
    for number in range(count):
        (project / "docs" / f"bench-{number:04d}.md").write_text(
            f"---\ntitle: Extra pagina {number}\ndescription: Gegenereerd door de benchmark.\nsoort: info\n"
            f"volgorde: {100 + number}\n---\n\n# Extra pagina {number}\n\n{TEXT}\n", encoding="utf-8")


def _tasks(variant: dict) -> str:
    return f"{variant['long_tasks']:.0f} ({variant['long_task_ms']:.0f} ms)"


def table(results: dict) -> str:
    r, l, b = results["ready"], results["latency"], results["build"]
    load, paint = results["load"], results["paint"]

    def ms(s):
        return f"{s['median']:.0f} ms ({s['min']:.0f}–{s['max']:.0f}, n={s['n']})"
    rows = [
        ("Checker ready, cold cache", ms(r["checker"]["cold_ms"])),
        ("Checker ready, warm cache, Python still running (reload, next page)", ms(r["checker"]["warm_ms"])),
        ("Checker ready, warm cache, new Python", ms(r["checker"]["warm_new_python_ms"])),
        ("Naive baseline ready, cold cache", ms(r["naive"]["cold_ms"])),
        ("Naive baseline ready, warm cache", ms(r["naive"]["warm_ms"])),
        ("Checker's worker alone on a bare page, warm cache, new Python (floor)", ms(r["worker_only"]["warm_new_python_ms"])),
        ("Warm: naive / checker, Python still running (target >= 4)", f"{r['ratio_warm']:.2f}x"),
        ("Warm: naive / checker, new Python (target >= 4)", f"{r['ratio_warm_new_python']:.2f}x"),
        ("Cold: naive / checker (target >= 1)", f"{r['ratio_cold']:.2f}x"),
        ("Answer latency p50 / p95 (target p95 <= 16 ms)", f"{l['p50_ms']:.1f} / {l['p95_ms']:.1f} ms (n={l['n']})"),
    ]
    for key, label in (("checker_br", "Cold checker page, compressed"), ("checker_identity", "Cold checker page, uncompressed"),
                       ("content_br", "Cold content page, compressed"), ("content_identity", "Cold content page, uncompressed")):
        rows.append((label, f"{load[key]['bytes'] / 1e6:.2f} MB in {load[key]['requests']} requests"))
    rows += [
        ("Snapshot fetched for next time, after ready (compressed)", f"{load['checker_br']['later_prefetch_bytes'] / 1e6:.2f} MB"),
        ("Content page: Pyodide/checker bytes", f"{load['content_br']['pyodide_and_checker_bytes']} B"),
        ("First contentful paint: checker / content page (median)",
         f"{paint['checker']['first_contentful_paint_ms']['median']:.0f} / {paint['content']['first_contentful_paint_ms']['median']:.0f} ms"),
        ("First contentful paint: same page without its checker (median)",
         f"{paint['checker_page_without_checker']['first_contentful_paint_ms']['median']:.0f} ms"),
        ("Long tasks while a checker page loads (median count, ms)", _tasks(paint["checker"])),
        ("Long tasks, same page without its checker", _tasks(paint["checker_page_without_checker"])),
        ("Long tasks, same checker page with its worker refused", _tasks(paint["checker_without_worker"])),
        ("Long tasks on a content page", _tasks(paint["content"])),
        ("Full site build (target <= 30 s)", f"{b['full_build_s']:.1f} s"),
        (f"Marginal build time per extra page: {b['extra_pages']} examples (target <= 30 ms)",
         f"{b['examples_marginal_ms_per_page']:.1f} ms"),
        (f"Marginal build time per extra page: {b['extra_pages']} pages in the top menu (worst case)",
         f"{b['menu_marginal_ms_per_page']:.1f} ms"),
    ]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"| {k.ljust(width)} | {v} |" for k, v in [("Measure", "Result"), ("---", "---")] + rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--paint-runs", type=int, default=11, help="first paint differs by tens of ms: more runs")
    parser.add_argument("--answers", type=int, default=300)   # p95 of 300 rests on its 15 slowest
    parser.add_argument("--extra-pages", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    parser.add_argument("--build-only", action="store_true", help="only the build measurements (prints JSON)")
    parser.add_argument("--network-runs", type=int, default=3, help="cold loads per page and profile (each takes 5-40 s)")
    parser.add_argument("--profiles", default="4G,3G", help="network profiles, comma-separated (bench/throttle.py)")
    parser.add_argument("--start-paths", default=",".join(network.START_VARIANTS),
                        help="start paths of the checker page on the network rows (bench/network.py)")
    parser.add_argument("--only", default="", help="a quick run of some parts only: ready,latency,load,paint,network,build")
    args = parser.parse_args()
    if args.build_only:
        print(json.dumps(measure_build(args.extra_pages), indent=2))
        return
    parts = set(args.only.split(",")) if args.only else {"ready", "latency", "load", "paint", "network", "build"}
    from playwright.sync_api import sync_playwright
    server, base = serve(args.site)
    results = {"machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version(),
                           "load_average": os.getloadavg()},
               "date": time.strftime("%Y-%m-%d %H:%M")}
    with sync_playwright() as playwright:
        executable = "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        results["machine"]["browser"] = f"Chromium {browser.version}"
        if "ready" in parts:
            results["ready"] = measure_ready(browser, base, args.runs)
            print("ready:", json.dumps(results["ready"]), flush=True)
        if "latency" in parts:
            results["latency"] = measure_latency(browser, base, args.answers)
            print("latency:", json.dumps(results["latency"]), flush=True)
        if "load" in parts:
            results["load"] = {f"{kind}_{'br' if compressed else 'identity'}":
                               measure_load(browser, base, CHECKER_PAGE if kind == "checker" else CONTENT_PAGE, compressed,
                                            kind == "checker")
                               for kind in ("checker", "content") for compressed in (True, False)}
        if "paint" in parts:
            results["paint"] = measure_paint(browser, base, args.paint_runs)
        if "network" in parts:
            results["network"] = network.measure_network(
                browser, args.site, BenchHandler, args.network_runs, args.profiles.split(","), CHECKER_PAGE, NAIVE_PAGE,
                args.start_paths.split(","))
        browser.close()
    server.shutdown()
    if "build" in parts:
        results["build"] = measure_build(args.extra_pages)
    results["machine"]["load_average_after"] = os.getloadavg()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"Machine: {results['machine']}\n")
    if {"ready", "latency", "load", "paint", "build"} <= parts:
        print(table(results))
    if "latency" in parts and results["latency"].get("breakdown"):
        print("\nAnswer latency, where the time goes (median / p95 ms):\n")
        print(latency_breakdown_table(results["latency"]["breakdown"]))
    if "network" in parts:
        print(f"\nNetwork rows: cold loads, CPU {network.CPU_SLOWDOWN}x slower (main thread), n={args.network_runs}:\n")
        print(network.table(results["network"]))
    print(f"\nJSON: {args.out}")


if __name__ == "__main__":
    main()
