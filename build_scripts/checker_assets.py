"""Browser assets for the checkers, made at build time: the checkers wheel and vendored Pyodide.

Nothing is fetched from a CDN: Pyodide comes from the npm package pinned in package.json
(installed by `make`), the wheel is zipped from checkers/ with the standard library.
"""
from __future__ import annotations

import base64
import hashlib
import io
import shutil
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
PYODIDE_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]
PACKAGE, VERSION = "codewijzer_checkers", "0.1.0"
ZIP_DATE = (2020, 1, 1, 0, 0, 0)   # fixed timestamps: the same sources give the same wheel


class AssetError(Exception):
    pass


def build_wheel() -> tuple[str, bytes]:
    """A pure-Python wheel of checkers/ (no __main__: the browser has no command line).

    The file name carries a content hash so a changed checker is never served from an old cache.
    """
    sources = sorted(p for p in (ROOT / "checkers").glob("*.py") if p.name != "__main__.py")
    files = {f"checkers/{p.name}": p.read_bytes() for p in sources}
    digest = hashlib.sha256(b"".join(k.encode() + v for k, v in files.items())).hexdigest()[:10]
    version = f"{VERSION}+{digest}"
    dist_info = f"{PACKAGE}-{version}.dist-info"
    files[f"{dist_info}/METADATA"] = (f"Metadata-Version: 2.1\nName: {PACKAGE}\nVersion: {version}\n"
                                      "Summary: Codewijzer checkers (standard library only)\n").encode()
    files[f"{dist_info}/WHEEL"] = (b"Wheel-Version: 1.0\nGenerator: codewijzer build_scripts\n"
                                   b"Root-Is-Purelib: true\nTag: py3-none-any\n")
    record = [f"{name},sha256={_b64(hashlib.sha256(data).digest())},{len(data)}" for name, data in files.items()]
    files[f"{dist_info}/RECORD"] = ("\n".join(record + [f"{dist_info}/RECORD,,"]) + "\n").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as wheel:
        for name, data in files.items():
            wheel.writestr(zipfile.ZipInfo(name, ZIP_DATE), data, zipfile.ZIP_DEFLATED)
    return f"{PACKAGE}-{version}-py3-none-any.whl", buffer.getvalue()


def _b64(digest: bytes) -> str:
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def write_assets(site_dir: Path, wheel_name: str, wheel: bytes) -> None:
    target = site_dir / "assets" / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        source = PYODIDE_NPM / name
        if not source.is_file():
            raise AssetError(f"Pyodide ontbreekt ({source}). Voer 'make build' uit: dat installeert de "
                             "npm-pakketten uit package.json.")
        shutil.copyfile(source, target / name)
    checkers_dir = site_dir / "assets" / "checkers"
    checkers_dir.mkdir(parents=True, exist_ok=True)
    (checkers_dir / wheel_name).write_bytes(wheel)
