"""Serve the built site on loopback like a production web server would: the right MIME types
(application/wasm, so browsers compile while downloading), the pre-compressed .br/.gz files the
build writes with the matching Content-Encoding, and cache headers.

`python -m build_scripts.serve --directory site --port 8000`
"""
from __future__ import annotations

import argparse
import functools
import http.server
import mimetypes
import os
import re

EXTRA_TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
               ".json": "application/json", ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8",
               ".whl": "application/zip", ".bin": "application/octet-stream"}
# Files whose name changes with their content, or that only change with a pinned version.
LONG_LIVED = re.compile(r"(\.[0-9a-f]{8,}\.min\.(js|css)$|/assets/pyodide/|/assets/checkers/|\+[0-9a-f]{10}-py3)")


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**mimetypes.types_map, **EXTRA_TYPES, "": "application/octet-stream"}

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()          # the redirect to the trailing slash
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            return super().send_head()
        accepted = self.headers.get("Accept-Encoding", "")
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            if re.search(rf"\b{encoding}\b", accepted) and os.path.isfile(path + suffix):
                return self._send_file(path + suffix, self.guess_type(path), encoding)
        return self._send_file(path, self.guess_type(path), None)

    def _send_file(self, path: str, content_type: str, encoding: str | None):
        handle = open(path, "rb")
        size = os.fstat(handle.fileno()).st_size
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(size))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if LONG_LIVED.search(path)
                         else "no-cache")
        self.send_header("Last-Modified", self.date_time_string(int(os.path.getmtime(path))))
        self._send_security_headers()
        self.end_headers()
        return handle

    def _send_security_headers(self) -> None:
        """The policy the build wrote for servers (as deploy/nginx.conf sends it), so tests and
        `make serve` run under the header as well as the meta tags."""
        policy = os.path.join(self.directory, "content-security-policy.txt")
        if os.path.isfile(policy):
            with open(policy, encoding="utf-8") as handle:
                self.send_header("Content-Security-Policy", handle.read().strip())
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Content-Type-Options", "nosniff")

    def log_message(self, format: str, *args) -> None:   # quiet; errors still show
        if len(args) > 1 and str(args[1]).startswith(("4", "5")):
            super().log_message(format, *args)


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the built Codewijzer site.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--directory", default="site")
    args = parser.parse_args()
    handler = functools.partial(SiteHandler, directory=args.directory)
    with http.server.ThreadingHTTPServer((args.host, args.port), handler) as server:
        print(f"Codewijzer draait op http://{args.host}:{args.port}/ (stoppen: Ctrl+C)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
