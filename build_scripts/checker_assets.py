"""Browser assets for the checkers, made at build time: the checkers wheel and vendored Pyodide.

Nothing is fetched from a CDN: Pyodide comes from the npm package pinned in package.json
(installed by `make`), the wheel is zipped from checkers/ with the standard library.
"""
from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import brotli

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
# The full python_stdlib.zip is shipped for the benchmark's naive baseline; checkers use the lean one.
PYODIDE_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]
PACKAGE, VERSION = "codewijzer_checkers", "0.1.0"
ZIP_DATE = (2020, 1, 1, 0, 0, 0)   # fixed timestamps: the same sources give the same wheel
CACHE = ROOT / ".cache" / "pyodide-runtime"
RUNTIME_SCRIPT = Path(__file__).with_name("pyodide_runtime.mjs")
UNPACK_DIR = "/home/pyodide/"     # where the worker's unpackArchive puts the wheel (Pyodide's working directory)
COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".svg", ".txt", ".wasm", ".bin", ".xml", ".zip", ".whl"}
MIN_COMPRESS = 1024


class AssetError(Exception):
    pass


def build_wheel() -> bytes:
    """A pure-Python wheel of checkers/ (no __main__: the browser has no command line), as source: the
    build's input for Pyodide (modules, bytecode, snapshot). The browser gets its bytecode form, named by
    bytecode_wheel_name."""
    sources = sorted(p for p in (ROOT / "checkers").glob("*.py") if p.name != "__main__.py")
    files = {f"checkers/{p.name}": p.read_bytes() for p in sources}
    digest = hashlib.sha256(b"".join(k.encode() + v for k, v in files.items())).hexdigest()[:10]
    return _wheel(files, f"{VERSION}+{digest}", "py3")


def _wheel_name(version: str, python_tag: str) -> str:
    return f"{PACKAGE}-{version}-{python_tag}-none-any.whl"


def _wheel(files: dict[str, bytes], version: str, python_tag: str) -> bytes:
    files = dict(files)
    dist_info = f"{PACKAGE}-{version}.dist-info"
    files[f"{dist_info}/METADATA"] = (f"Metadata-Version: 2.1\nName: {PACKAGE}\nVersion: {version}\n"
                                      "Summary: Codewijzer checkers (standard library only)\n").encode()
    files[f"{dist_info}/WHEEL"] = (f"Wheel-Version: 1.0\nGenerator: codewijzer build_scripts\n"
                                   f"Root-Is-Purelib: true\nTag: {python_tag}-none-any\n").encode()
    record = [f"{name},sha256={_b64(hashlib.sha256(data).digest())},{len(data)}" for name, data in files.items()]
    files[f"{dist_info}/RECORD"] = ("\n".join(record + [f"{dist_info}/RECORD,,"]) + "\n").encode()
    buffer = io.BytesIO()      # entries stored: the server's brotli/gzip compresses the wheel as a whole
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as wheel:
        for name, data in files.items():
            wheel.writestr(zipfile.ZipInfo(name, ZIP_DATE), data, zipfile.ZIP_STORED)
    return buffer.getvalue()


def bytecode_wheel_name(runtime: dict[str, Any]) -> str:
    """The name of the wheel the browser gets: checkers/ as bytecode of Pyodide's Python (only that
    Python reads it, hence the cpXY tag), versioned by the runtime key, which hashes the sources, Pyodide's
    version and the compile step: a page never gets bytecode of another build."""
    return _wheel_name(_bytecode_version(runtime), runtime["python_tag"])


def _bytecode_version(runtime: dict[str, Any]) -> str:
    return f"{VERSION}+{runtime['key']}"


def _bytecode_wheel(compiled_zip: Path, runtime: dict[str, Any]) -> bytes:
    with zipfile.ZipFile(compiled_zip) as compiled:
        files = {info.filename: compiled.read(info) for info in compiled.infolist()}
    return _wheel(files, _bytecode_version(runtime), runtime["python_tag"])


def _b64(digest: bytes) -> str:
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def write_assets(site_dir: Path, wheel_name: str, runtime: dict[str, Any]) -> None:
    target = site_dir / "assets" / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        source = PYODIDE_NPM / name
        if not source.is_file():
            raise AssetError(f"Pyodide ontbreekt ({source}). Voer 'make build' uit: dat installeert de "
                             "npm-pakketten uit package.json.")
        shutil.copyfile(source, target / name)
    cached = CACHE / runtime["key"]
    checkers_dir = site_dir / "assets" / "checkers"
    checkers_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached / "checkers.whl", checkers_dir / wheel_name)
    shutil.copyfile(cached / "stdlib.zip", target / runtime["stdlib"])
    sparse = cached / "snapshot.sparse"     # made once per snapshot, like the snapshot itself
    if not sparse.is_file():
        sparse.write_bytes(sparse_snapshot((cached / "snapshot.bin").read_bytes()))
    shutil.copyfile(sparse, target / runtime["snapshot"])


SPARSE_MAGIC = b"CWSPARSE1"
MIN_ZERO_RUN = 256


def sparse_snapshot(memory: bytes) -> bytes:
    """The snapshot without its long runs of zero bytes (about half of Pyodide's 31 MB heap).

    Format: magic, total length (u32 LE), then chunks of (offset u32, length u32, bytes). The worker
    rebuilds the full buffer in a zero-filled array; the browser then reads and decodes half the
    bytes from its cache, which is most of the time a warm start takes (measured in bench/README.md).
    """
    import re
    out = [SPARSE_MAGIC, len(memory).to_bytes(4, "little")]
    position = 0
    for zeros in re.finditer(rb"\x00{%d,}" % MIN_ZERO_RUN, memory):
        if zeros.start() > position:
            out += [position.to_bytes(4, "little"), (zeros.start() - position).to_bytes(4, "little"),
                    memory[position:zeros.start()]]
        position = zeros.end()
    if position < len(memory):
        out += [position.to_bytes(4, "little"), (len(memory) - position).to_bytes(4, "little"), memory[position:]]
    return b"".join(out)


def runtime_names(wheel: bytes, requests: list[dict[str, Any]]) -> dict[str, Any]:
    """File names of the lean standard library and the memory snapshot for this wheel and Pyodide, the
    tag of Pyodide's Python (cp314) for the bytecode wheel's name, and Pyodide's lock file without its
    package list (the worker's lockFileContents)."""
    version, lock_info = "none", {}
    if PYODIDE_NPM.is_dir():
        version = json.loads((PYODIDE_NPM / "package.json").read_text())["version"]
        lock_info = json.loads((PYODIDE_NPM / "pyodide-lock.json").read_text())["info"]
    key = hashlib.sha256(version.encode() + wheel + json.dumps(requests, sort_keys=True).encode()
                         + RUNTIME_SCRIPT.read_bytes()).hexdigest()[:12]
    python = lock_info.get("python", "")
    return {"key": key, "stdlib": f"python_stdlib-{key}.zip", "snapshot": f"snapshot-{key}.bin",
            "pyodide": version, "python_tag": ("cp" + "".join(python.split(".")[:2])) if python else "py3",
            "lock": {"info": lock_info, "packages": {}}}


def page_runtime(runtime: dict[str, Any]) -> dict[str, Any]:
    """What a checker page tells its worker: the file names, the size of the start's two large downloads
    (`bytes`, set by prepare_runtime) and Pyodide's lock file without its package list (`lock`: the checkers
    load no package, so the worker does not download the 25 kB list)."""
    return {key: runtime[key] for key in ("stdlib", "snapshot", "bytes", "lock")}


RUNTIME_FILES = ("stdlib.zip", "checkers.whl", "snapshot.bin")   # made once per key, in CACHE/<key>/


def prepare_runtime(wheel: bytes, requests: list[dict[str, Any]], runtime: dict[str, Any]) -> None:
    """Make (once per key, then cached in .cache/) the lean standard library, the bytecode wheel and the
    snapshot; add to `runtime` the uncompressed size of the wasm and the lean standard library (`bytes`),
    the total of the progress bar a checker page shows while they download (ADR 0025).

    Lean standard library: only the modules Python used while running every checker, compiled to
    bytecode (.pyc only: a start without the snapshot then compiles no standard library source) and
    stored uncompressed in the zip so that the server's brotli/gzip compresses it as a whole.

    Bytecode wheel: checkers/ compiled the same way (ADR 0026). Importing the checkers from source in the
    browser ran Python's compiler, whose WebAssembly is compiled on first use: 170-215 ms of a 4G start,
    against 27-44 ms from bytecode (bench/README.md, evening of 2026-12-03).
    """
    cached = CACHE / runtime["key"]
    if not all((cached / name).is_file() for name in RUNTIME_FILES):
        _make_runtime(wheel, requests, runtime, cached)
    runtime["bytes"] = (PYODIDE_NPM / "pyodide.asm.wasm").stat().st_size + (cached / "stdlib.zip").stat().st_size


def _make_runtime(wheel: bytes, requests: list[dict[str, Any]], runtime: dict[str, Any], cached: Path) -> None:
    if not shutil.which("node"):
        raise AssetError("Node.js ontbreekt; de build heeft het nodig om Pyodide voor te bereiden.")
    cached.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        wheel_path, requests_path = Path(tmp) / "checkers.whl", Path(tmp) / "requests.json"
        wheel_path.write_bytes(wheel)
        requests_path.write_text(json.dumps(requests), encoding="utf-8")
        used = json.loads(_node("modules", wheel_path, requests_path))
        source = Path(tmp) / "stdlib-source.zip"
        source.write_bytes(_lean_stdlib(used))
        _node("compile", source, cached / "stdlib.zip")
        checkers_source, checkers_compiled = Path(tmp) / "checkers-source.zip", Path(tmp) / "checkers.zip"
        with zipfile.ZipFile(io.BytesIO(wheel)) as whole, zipfile.ZipFile(checkers_source, "w") as package:
            for info in whole.infolist():
                if info.filename.startswith("checkers/"):
                    package.writestr(info, whole.read(info))
        _node("compile", checkers_source, checkers_compiled, UNPACK_DIR)
        (cached / "checkers.whl").write_bytes(_bytecode_wheel(checkers_compiled, runtime))
        _node("snapshot", cached / "checkers.whl", requests_path, cached / "stdlib.zip", cached / "snapshot.bin")


def _node(*args: Any) -> str:
    result = subprocess.run(["node", str(RUNTIME_SCRIPT), args[0], str(PYODIDE_NPM), *map(str, args[1:])],
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise AssetError(f"Pyodide voorbereiden mislukte ({args[0]}): {result.stderr[-2000:]}")
    return result.stdout


def _lean_stdlib(used_files: list[str]) -> bytes:
    """The stdlib zip with only what was used (whole packages, to be safe), entries uncompressed."""
    prefix = next((f.split(".zip/")[0] + ".zip/" for f in used_files if ".zip/" in f), "")
    used = {f.removeprefix(prefix) for f in used_files if f.startswith(prefix)}
    packages = {u.split("/")[0] for u in used if "/" in u} - {"encodings"}
    used_tops = {u.split("/")[0] for u in used}
    full = zipfile.ZipFile(PYODIDE_NPM / "python_stdlib.zip")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as lean:
        for info in full.infolist():
            top = info.filename.split("/")[0]
            if info.filename in used or top in packages or (info.is_dir() and top in used_tops):
                entry = zipfile.ZipInfo(info.filename, info.date_time)
                entry.compress_type = zipfile.ZIP_STORED
                lean.writestr(entry, full.read(info.filename))
    return buffer.getvalue()


def precompress(site_dir: Path) -> None:
    """Write .br and .gz beside every compressible file, for servers that serve them as they are.

    Large files that do not change between builds (Pyodide, snapshot) are compressed once and cached.
    brotli and zlib release the GIL while they compress, so the files are compressed on every core.
    """
    paths = [path for path in site_dir.rglob("*")
             if path.is_file() and path.suffix in COMPRESSIBLE and path.stat().st_size >= MIN_COMPRESS]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(_write_compressed, paths))      # list(): an error in any file ends the build


def _write_compressed(path: Path) -> None:
    data = path.read_bytes()
    if path.suffix in (".zip", ".whl") and not _is_stored_zip(data):
        return       # a deflated zip does not shrink further
    for suffix in (".br", ".gz"):
        path.with_name(path.name + suffix).write_bytes(_compressed(data, suffix, strongest=path.suffix in START_FILES))


def _is_stored_zip(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return all(i.compress_type == zipfile.ZIP_STORED for i in archive.infolist())


LARGE = 500_000
# What a checker's start downloads before its first outcome (Pyodide's wasm and JavaScript, the standard
# library, the wheel): every byte of it is waited for, so brotli's strongest setting with a 16 MB window.
START_FILES = {".wasm", ".mjs", ".zip", ".whl"}


def _compressed(data: bytes, suffix: str, strongest: bool = False) -> bytes:
    """Pages and small assets: fast settings (brotli 5 is within 2% of 9 on our pages at a tenth of the
    time, which matters per page). The start's files: brotli 11 (wasm 2.77 MB against 3.10 at 9, standard
    library 1.18 against 1.33 MB, wheel 44 against 50 kB; about 45 s of CPU once per Pyodide version).
    Other large files (the snapshot, fetched after the outcome and new with every rule change): brotli 9.
    All but pages and small assets are compressed once and cached."""
    if len(data) < LARGE and not strongest:
        return brotli.compress(data, quality=5) if suffix == ".br" else gzip.compress(data, 6, mtime=0)
    path = CACHE / "compressed" / (hashlib.sha256(data).hexdigest() + ("-strongest" if strongest else "") + suffix)
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_compressed_once(data, suffix, strongest))
    return path.read_bytes()


def _compressed_once(data: bytes, suffix: str, strongest: bool) -> bytes:
    if suffix == ".gz":
        return gzip.compress(data, 9, mtime=0)
    if strongest:
        return brotli.compress(data, quality=11, lgwin=24)
    return brotli.compress(data, quality=9)
