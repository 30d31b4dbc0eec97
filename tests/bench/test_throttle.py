"""The benchmark's throttling server: one shared link (concurrent responses share the bandwidth),
one latency per request, a log per response; and the floor's critical chain read from that log."""
from __future__ import annotations

import threading
import time
import urllib.request

from bench.network import RUNTIME_FILES, floor
from bench.throttle import Profile, serve_throttled
from build_scripts.serve import SiteHandler

PROFILE = Profile("test", mbit_per_s=8.0, latency_ms=100)       # 1 MB/s


def test_concurrent_responses_share_one_link_and_each_request_waits_its_latency(tmp_path):
    for name in ("a.bin", "b.bin"):
        (tmp_path / name).write_bytes(bytes(300_000))            # not compressible by the server: no .br beside it
    server, base, link = serve_throttled(tmp_path, SiteHandler, PROFILE)
    try:
        link.reset()
        start = time.monotonic()
        threads = [threading.Thread(target=lambda n=n: urllib.request.urlopen(base + n).read()) for n in ("a.bin", "b.bin")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - start
    finally:
        server.shutdown()
    # 600 kB over one 1 MB/s link after one 100 ms round trip: about 0.7 s, not 0.4 s (two links).
    assert 0.65 < elapsed < 1.5
    assert sorted(e["path"] for e in link.log) == ["/a.bin", "/b.bin"]
    assert all(e["bytes"] > 300_000 and e["first_byte_ms"] >= 100 for e in link.log)


def entry(path, arrival, end, size=1000):
    return {"path": path, "arrival_ms": arrival, "first_byte_ms": arrival + 100, "end_ms": end, "bytes": size}


def test_the_floor_counts_the_round_trips_of_the_chain_not_the_parallel_requests():
    log = [entry("/org/page/", 0, 200), entry("/assets/javascripts/codewijzer-check.js", 210, 400),
           entry("/assets/stylesheets/main.css", 210, 390),      # not needed for the start: left out
           entry("/assets/javascripts/codewijzer-worker.js", 410, 600),
           entry("/assets/pyodide/pyodide.mjs", 610, 800),
           entry("/assets/pyodide/pyodide.asm.wasm", 810, 3000, 3_000_000),     # these two in parallel
           entry("/assets/pyodide/python_stdlib-abc.zip", 812, 2000, 1_000_000),
           entry("/assets/checkers/codewijzer_checkers.whl", 3010, 3200)]
    result = floor(log, RUNTIME_FILES, PROFILE)
    assert result["round_trips"] == 6
    assert result["bytes"] == 4_005_000
    assert result["ms"] == 4_005_000 / 1e6 * 1000 + 6 * 100
