// Build-time helper, run with Node by checker_assets.py. Three jobs, each in a fresh Pyodide:
//   modules  <pyodide dir> <wheel> <requests.json>     -> prints the stdlib files Python used
//   compile  <pyodide dir> <zip in> <zip out> [prefix]  -> the same zip with every module as .pyc only;
//            prefix: the folder the browser imports it from (default: the standard library's zip)
//   snapshot <pyodide dir> <wheel> <requests.json> <stdlib> <out> -> writes a memory snapshot taken
//            after the checkers were imported and exercised with the lean standard library.
// Compiling here, with Pyodide's own Python, gives bytecode of exactly the browser's version; a
// normal start then imports it instead of compiling the source (most of a cold start's Python time).
// Memory snapshots are a private, experimental Pyodide option: the page falls back to a normal
// start whenever the snapshot is missing, stale or does not load.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [job, pyodideDir, ...rest] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${pyodideDir}/pyodide.mjs`).href);

if (job === "compile") {
  const [source, out, prefix = ""] = rest;
  const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/` });
  pyodide.FS.writeFile("/tmp/source.zip", new Uint8Array(readFileSync(source)));
  pyodide.globals.set("prefix", prefix);
  // co_filename is the path the browser imports from (tracebacks), the .pyc is hash-based and
  // unchecked, so the same sources give the same bytes on every build.
  pyodide.runPython(`
import importlib._bootstrap_external as bootstrap, importlib.util, sys, zipfile
prefix = prefix or next(p for p in sys.path if p.endswith(".zip")) + "/"
with zipfile.ZipFile("/tmp/source.zip") as source, zipfile.ZipFile("/tmp/out.zip", "w", zipfile.ZIP_STORED) as out:
    for info in source.infolist():
        data = source.read(info)
        if info.filename.endswith(".py"):
            code = compile(data, prefix + info.filename, "exec", dont_inherit=True)
            data = bytes(bootstrap._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False))
            info = zipfile.ZipInfo(info.filename + "c", info.date_time)
        out.writestr(info, data, zipfile.ZIP_STORED)
`);
  writeFileSync(out, pyodide.FS.readFile("/tmp/out.zip"));
  process.exit(0);
}

const [wheel, requestsFile, stdlib, out] = rest;
const options = job === "snapshot" ? { stdLibURL: stdlib, _makeSnapshot: true } : {};
// The lock file without its package list, as the worker passes it (checker_assets.runtime_names).
const lock = { info: JSON.parse(readFileSync(`${pyodideDir}/pyodide-lock.json`, "utf8")).info, packages: {} };
const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/`, lockFileContents: lock, ...options });
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
pyodide.globals.set("requests_json", readFileSync(requestsFile, "utf8"));
const used = pyodide.runPython(`
import json, sys, checkers
for request in json.loads(requests_json):
    checkers.evaluate_json(json.dumps(request))
checkers.evaluate_json("{not json")
json.dumps(sorted({m.__file__ for m in list(sys.modules.values()) if getattr(m, "__file__", None)}))
`);
if (job === "modules") {
  process.stdout.write(used);
} else {
  writeFileSync(out, pyodide.makeMemorySnapshot());
}
