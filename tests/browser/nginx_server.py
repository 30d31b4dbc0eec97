"""Run deploy/nginx.conf as it is, on loopback, as any user: only the site path and the port change;
pid file, logs and temporary files go to a temporary folder."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from tests.conftest import ROOT

EXAMPLE = ROOT / "deploy" / "nginx.conf"
EXAMPLE_ROOT = "/var/www/codewijzer"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
MIME_TYPES = Path("/etc/nginx/mime.types")


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main_config(folder: Path, server_conf: Path) -> str:
    run_as = "user root;" if os.geteuid() == 0 else ""      # workers must read the test's private folder
    temp = "\n".join(f"    {kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi",
                                                                           "uwsgi", "scgi"))
    return f"""{run_as}
daemon off;
worker_processes 1;
pid {folder / 'nginx.pid'};
error_log {folder / 'error.log'} warn;
{f'load_module {BROTLI_MODULE};' if BROTLI_MODULE.exists() else ''}
events {{ worker_connections 64; }}
http {{
    access_log off;
{temp}
    include {server_conf};
}}
"""


def start_nginx(site: Path, folder: Path) -> tuple[subprocess.Popen, str]:
    """Start nginx serving `site` with the example configuration; returns the process and the URL."""
    port = free_port()
    server = EXAMPLE.read_text(encoding="utf-8").replace(EXAMPLE_ROOT, str(site)).replace(
        "listen 80;", f"listen 127.0.0.1:{port};")
    assert f"127.0.0.1:{port}" in server and str(site) in server, "deploy/nginx.conf changed shape"
    if not BROTLI_MODULE.exists():
        server = server.replace("brotli_static on;", "")
    (folder / "server.conf").write_text(server, encoding="utf-8")
    if MIME_TYPES.exists():
        shutil.copy(MIME_TYPES, folder / "mime.types")      # `include mime.types` is relative to the config
    else:
        (folder / "mime.types").write_text("types { text/html html; text/css css; image/svg+xml svg; }\n")
    (folder / "nginx.conf").write_text(main_config(folder, folder / "server.conf"), encoding="utf-8")
    process = subprocess.Popen([nginx_binary(), "-p", str(folder), "-c", str(folder / "nginx.conf"),
                                "-e", str(folder / "error.log")], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    for _ in range(100):
        if process.poll() is not None:
            raise RuntimeError(f"nginx stopped: {process.stdout.read().decode()}"
                               f"{(folder / 'error.log').read_text() if (folder / 'error.log').exists() else ''}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process, f"http://127.0.0.1:{port}/"
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("nginx did not start listening")
