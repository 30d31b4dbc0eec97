"""Network rows of `make bench`: cold loads of a checker page and of the naive page through the
bench's throttling server (bench/throttle.py) under the "4G" and "3G" profiles, with Chromium's
CPU slowed down 4x, and beside each measure its floor.

Per load: time to the first answerable question, to ready, and to an outcome for an answer given
as soon as the question can be answered; bytes the server sent before the outcome. The floor of a
measure is the bytes needed before it divided by the bandwidth, plus the round trips of its critical
chain (each one request latency). Needed bytes: the page and its stylesheets and checker module for
the first question; the page, the checker module, the worker and the start path's Pyodide, standard
library and wheel (or snapshot) for ready and outcome. The round trips are read from the server's
log: a needed request depends on the needed response that ended last before it arrived.

Start paths (issue #16, point 4) are measured on the same checker page with the page's runtime
rewritten by the bench's server (`?bench-start=<variant>`): the default (bytecode standard library,
snapshot only when stored), the snapshot downloaded as part of the start, and the standard library
as source instead of bytecode.
"""
from __future__ import annotations

import html
import io
import json
import re
import statistics
import zipfile
from pathlib import Path

import brotli

from bench.throttle import PROFILES, Profile, serve_throttled

CPU_SLOWDOWN = 4
ANSWER = "section[data-checker=geschenken] input[value='geld']"   # an outcome at once: mag-niet
# Recorded in the page: first answerable question, ready, outcome (performance.now(), navigation start = 0).
PROBE = """
window.__cw = {};
new MutationObserver(() => {
  const now = performance.now();
  if (__cw.question === undefined
      && document.querySelector('section.cw-check .cw-vraag:not([hidden]) input:not([disabled])')) __cw.question = now;
  if (__cw.ready === undefined && document.querySelector('[data-state="ready"]')) __cw.ready = now;
  if (__cw.outcome === undefined
      && document.querySelector('.cw-check-uitkomst[data-verdict]:not([data-verdict=""])')) __cw.outcome = now;
}).observe(document, { attributes: true, childList: true, subtree: true });
"""
START_VARIANTS = {"default": None, "snapshot-at-once": {"start": "snapshot"}, "source-stdlib": {"stdlib": "source"}}
SOURCE_STDLIB = "__bench/python_stdlib-source.zip"
FIRST_QUESTION_FILES = re.compile(r"(/index\.html$|/$|\.css$|codewijzer-check\.js$)")
RUNTIME_FILES = re.compile(r"(/index\.html$|/$|codewijzer-check\.js$|codewijzer-worker\.js$|/assets/pyodide/|/assets/checkers/"
                           r"|/__bench/python_stdlib)")
GROUPS = [("Pyodide and Python", re.compile(r"/assets/pyodide/|/assets/checkers/|/__bench/python_stdlib")),
          ("checker scripts", re.compile(r"codewijzer-(check|worker)\.js")),
          ("Material's scripts", re.compile(r"/assets/javascripts/(bundle|workers/)")),
          ("stylesheets", re.compile(r"\.css$")), ("fonts", re.compile(r"\.(woff2?|ttf)$")),
          ("page", re.compile(r"(/|\.html)$"))]
RUNTIME_META = re.compile(r'(<meta name="codewijzer-runtime" content=")([^"]*)(")')


# --- served by the bench's handler (bench/run.py) ------------------------------------------------

def start_variant(page_html: str, variant: str) -> str:
    """The checker page with its runtime rewritten to one start path."""
    change = START_VARIANTS[variant]
    if not change:
        return page_html

    def rewrite(match: re.Match) -> str:
        runtime = json.loads(html.unescape(match.group(2)))
        if change.get("stdlib") == "source":
            runtime["stdlib"] = "../../" + SOURCE_STDLIB      # relative to assets/pyodide/
            runtime["start"] = "normal"                        # the snapshot was taken with the bytecode zip
        else:
            runtime.update(change)
        return match.group(1) + html.escape(json.dumps(runtime), quote=True) + match.group(3)
    # The page starts its worker from this <meta> (overrides/partials/codewijzer-start.js); a checker's own
    # runtime data is used only when instant navigation brings the page, which the bench does not do.
    return RUNTIME_META.sub(rewrite, page_html)


_source_zip: dict[str, bytes] = {}


def source_stdlib(site: Path, encoding: str | None) -> bytes:
    """The lean standard library as source (.py) instead of bytecode: the same modules as the
    site's lean zip, taken from Pyodide's full zip; stored entries, compressed as the build would."""
    if not _source_zip:
        lean = next((site / "assets" / "pyodide").glob("python_stdlib-*.zip"))
        names = {n[:-1] if n.endswith(".pyc") else n for n in zipfile.ZipFile(lean).namelist()}
        full = zipfile.ZipFile(site / "assets" / "pyodide" / "python_stdlib.zip")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as out:
            for info in full.infolist():
                if info.filename in names:
                    out.writestr(zipfile.ZipInfo(info.filename, info.date_time), full.read(info.filename))
        _source_zip[None] = buffer.getvalue()
        _source_zip["br"] = brotli.compress(_source_zip[None], quality=9)
    return _source_zip.get(encoding, _source_zip[None])


# --- measuring ------------------------------------------------------------------------------------

def cold_load(browser, base: str, link, path: str, profile: Profile, answer: bool) -> dict:
    context = browser.new_context(service_workers="block")
    context.add_init_script(PROBE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    # Chromium applies this to the page's main thread only: for a worker it answers "Operation is only
    # supported for pages, not workers", so Python itself starts at this machine's full speed.
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    # What navigator.connection says on such a link (the throttling itself is the server's).
    cdp.send("Network.enable")
    cdp.send("Network.overrideNetworkState", {"offline": False, "latency": profile.latency_ms,
                                              "downloadThroughput": profile.bytes_per_s, "uploadThroughput": profile.bytes_per_s})
    link.reset()
    page.goto(base + path, wait_until="commit", timeout=300_000)
    if answer:
        page.locator(ANSWER).check(timeout=300_000)
        page.wait_for_function("() => window.__cw.outcome !== undefined", timeout=300_000)
    else:
        page.wait_for_function("() => window.__cw.ready !== undefined", timeout=300_000)
    marks = page.evaluate("window.__cw")
    log = [dict(e) for e in link.log]
    context.close()
    end = marks.get("outcome", marks.get("ready"))
    before = [e for e in log if e.get("first_byte_ms") is not None and e["first_byte_ms"] <= end]
    return {"marks": marks, "log": log, "bytes": sum(e["bytes"] for e in before),
            "groups": {name: sum(e["bytes"] for e in before if pattern.search(e["path"] or "")) for name, pattern in GROUPS},
            "floor_question_ms": floor(before, FIRST_QUESTION_FILES, profile) if answer else None,
            "floor_ready_ms": floor(before, RUNTIME_FILES, profile)}


def floor(log: list[dict], needed: re.Pattern, profile: Profile) -> dict:
    """Bytes needed / bandwidth + round trips of the critical chain (from the server's log)."""
    entries = sorted((e for e in log if needed.search((e["path"] or "").split("?")[0])), key=lambda e: e["arrival_ms"])
    depth: dict[int, int] = {}
    for index, entry in enumerate(entries):
        triggers = [j for j in range(index) if entries[j].get("end_ms", 1e12) <= entry["arrival_ms"]]
        trigger = max(triggers, key=lambda j: entries[j]["end_ms"]) if triggers else None
        depth[index] = 1 + (depth[trigger] if trigger is not None else 0)
    round_trips = max(depth.values(), default=0)
    needed_bytes = sum(e["bytes"] for e in entries)
    chain = []
    if entries:        # the deepest request's chain, for the JSON
        index = max(depth, key=depth.get)
        chain = [entries[index]["path"]]
    return {"ms": needed_bytes / profile.bytes_per_s * 1000 + round_trips * profile.latency_ms,
            "bytes": needed_bytes, "round_trips": round_trips, "deepest": chain}


def measure_network(browser, site: Path, handler_class, runs: int, profiles: list[str], checker_page: str,
                    naive_page: str, variants: list[str]) -> dict:
    result = {"cpu_slowdown": CPU_SLOWDOWN, "runs": runs, "profiles": {}}
    for name in profiles:
        profile = PROFILES[name]
        server, base, link = serve_throttled(site, handler_class, profile)
        rows = {}
        pages = [(f"checker {v}", checker_page + ("" if v == "default" else f"?bench-start={v}"), True) for v in variants]
        pages.append(("naive", naive_page, False))
        samples = {label: [] for label, _, _ in pages}
        for _ in range(runs):                       # interleaved: the machine's load hits every page alike
            for label, path, answer in pages:
                samples[label].append(cold_load(browser, base, link, path, profile, answer))
                print(f"network {name} {label}: {_summary(samples[label][-1])}", flush=True)
        for label, values in samples.items():
            rows[label] = summarise(values)
        server.shutdown()
        result["profiles"][name] = {"mbit_per_s": profile.mbit_per_s, "latency_ms": profile.latency_ms, "pages": rows}
    return result


def _summary(sample: dict) -> str:
    marks = sample["marks"]
    return ", ".join(f"{k} {v:.0f} ms" for k, v in marks.items()) + f", {sample['bytes'] / 1e6:.2f} MB"


def summarise(values: list[dict]) -> dict:
    def median(key: str):
        found = [v["marks"][key] for v in values if key in v["marks"]]
        return statistics.median(found) if found else None

    def floor_median(key: str):
        found = [v[key]["ms"] for v in values if v[key]]
        return statistics.median(found) if found else None
    return {"question_ms": median("question"), "ready_ms": median("ready"), "outcome_ms": median("outcome"),
            "n": len(values), "spread_ready_ms": [min(v["marks"]["ready"] for v in values), max(v["marks"]["ready"] for v in values)],
            "bytes": statistics.median(v["bytes"] for v in values),
            "groups": {k: statistics.median(v["groups"][k] for v in values) for k in values[0]["groups"]},
            "floor_question_ms": floor_median("floor_question_ms"), "floor_ready_ms": floor_median("floor_ready_ms"),
            "round_trips": values[0]["floor_ready_ms"]["round_trips"], "needed_bytes": values[0]["floor_ready_ms"]["bytes"]}


def table(network: dict) -> str:
    def ms(value, floor_ms=None):
        if value is None:
            return "—"
        text = f"{value / 1000:.1f} s"
        return text + (f" (floor {floor_ms / 1000:.1f} s)" if floor_ms else "")
    lines = ["| Profile | Page | First answerable question | Ready | Outcome, answered at once | Bytes before outcome |",
             "| --- | --- | --- | --- | --- | --- |"]
    for name, data in network["profiles"].items():
        for label, row in data["pages"].items():
            lines.append(f"| {name} ({data['mbit_per_s']:g} Mbit/s, {data['latency_ms']:g} ms) | {label} (n={row['n']}) "
                         f"| {ms(row['question_ms'], row['floor_question_ms'])} | {ms(row['ready_ms'], row['floor_ready_ms'])} "
                         f"| {ms(row['outcome_ms'], row['floor_ready_ms'])} | {row['bytes'] / 1e6:.2f} MB "
                         f"({row['round_trips']} round trips) |")
    groups = ["| Profile | Page | " + " | ".join(g for g, _ in GROUPS) + " |", "|" + " --- |" * (len(GROUPS) + 2)]
    for name, data in network["profiles"].items():
        for label, row in data["pages"].items():
            groups.append(f"| {name} | {label} | " + " | ".join(f"{row['groups'][g] / 1e6:.2f} MB" for g, _ in GROUPS) + " |")
    return "\n".join(lines) + "\n\nBytes before the outcome (or ready), by kind:\n\n" + "\n".join(groups)
