"""Serve the built site on loopback with the right MIME types, like a production web server would.

`python -m build_scripts.serve --directory site --port 8000`
"""
from __future__ import annotations

import argparse
import functools
import http.server
import mimetypes

EXTRA_TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
               ".json": "application/json", ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8"}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**mimetypes.types_map, **EXTRA_TYPES, "": "application/octet-stream"}

    def log_message(self, format: str, *args) -> None:   # keep the console quiet; errors still show
        if args and str(args[1] if len(args) > 1 else "").startswith(("4", "5")):
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
