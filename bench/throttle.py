"""A throttling HTTP server for the network rows of `make bench`: the built site served as
build_scripts/serve.py serves it (pre-compressed .br/.gz, MIME types, cache headers), through one
shared link with a bandwidth limit and a latency per request.

Throttling in the server, not in the browser: Chromium's network emulation does not reliably cover
a worker's requests (the worker fetches Pyodide, the standard library and the snapshot), and a
shared worker's requests are not even visible to Playwright. Here every byte the browser receives,
from the page or any worker, goes through the same link, and the server logs each response.
"""
from __future__ import annotations

import dataclasses
import functools
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path


@dataclasses.dataclass(frozen=True)
class Profile:
    name: str
    mbit_per_s: float        # downlink shared by every response
    latency_ms: float        # per request: request up, first byte down (one round trip)

    @property
    def bytes_per_s(self) -> float:
        return self.mbit_per_s * 1e6 / 8


PROFILES = {"4G": Profile("4G", 9.0, 150), "3G": Profile("3G", 1.6, 300)}
CHUNK = 16 * 1024


class Link:
    """One downlink: chunks of all responses queue for it in the order they are ready to send, so
    concurrent responses share the bandwidth as on a real link."""

    def __init__(self, profile: Profile):
        self.profile = profile
        self._lock = threading.Lock()
        self._free_at = 0.0
        self.log: list[dict] = []        # one entry per response: path, arrival, first byte, end, bytes
        self.origin = time.monotonic()

    def reserve(self, size: int) -> float:
        """The moment a chunk of `size` bytes has crossed the link."""
        with self._lock:
            start = max(time.monotonic(), self._free_at)
            self._free_at = start + size / self.profile.bytes_per_s
            return self._free_at

    def reset(self) -> None:
        with self._lock:
            self.log.clear()
            self.origin = time.monotonic()
            self._free_at = 0.0

    def now_ms(self) -> float:
        return (time.monotonic() - self.origin) * 1000


class ThrottledWriter:
    """Wraps the handler's socket file: every write crosses the link."""

    def __init__(self, raw, link: Link, entry: dict):
        self.raw, self.link, self.entry = raw, link, entry

    def write(self, data) -> int:
        view = memoryview(data)
        for start in range(0, len(view), CHUNK):
            chunk = view[start:start + CHUNK]
            done = self.link.reserve(len(chunk))
            delay = done - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            self.raw.write(chunk)
            self.entry["bytes"] += len(chunk)
            self.entry.setdefault("first_byte_ms", self.link.now_ms())
            self.entry["end_ms"] = self.link.now_ms()
        return len(view)

    def flush(self) -> None:
        self.raw.flush()

    def __getattr__(self, name):
        return getattr(self.raw, name)


def throttled(handler_class):
    """A subclass of an http.server handler class whose responses cross `self.link`."""

    class Throttled(handler_class):
        link: Link

        def handle_one_request(self):
            # The request line is read by the base class; wrap the output before anything is written.
            self._entry = {"path": None, "bytes": 0, "arrival_ms": self.link.now_ms()}
            self.wfile = ThrottledWriter(self.wfile.raw if isinstance(self.wfile, ThrottledWriter) else self.wfile,
                                         self.link, self._entry)
            super().handle_one_request()

        def parse_request(self):
            ok = super().parse_request()
            if ok:
                self._entry["path"] = self.path
                self._entry["arrival_ms"] = self.link.now_ms()
                with self.link._lock:
                    self.link.log.append(self._entry)
                time.sleep(self.link.profile.latency_ms / 1000)     # the round trip of this request
            return ok

        def log_message(self, format, *args):
            pass

    return Throttled


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A closed browser context leaves responses half-sent (the snapshot fetched for next time): fine."""
        import sys
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve_throttled(site: Path, handler_class, profile: Profile) -> tuple[ThreadingHTTPServer, str, Link]:
    link = Link(profile)
    handler = type("Handler", (throttled(handler_class),), {"link": link})
    server = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/", link
