// Build-time helper, run with Node by checker_assets.py. Two jobs, each in a fresh Pyodide:
//   modules  <pyodide dir> <wheel> <requests.json>            -> prints the stdlib files Python used
//   snapshot <pyodide dir> <wheel> <requests.json> <stdlib> <out> -> writes a memory snapshot taken
//            after the checkers were imported and exercised with the lean standard library.
// Memory snapshots are a private, experimental Pyodide option: the page falls back to a normal
// start whenever the snapshot is missing, stale or does not load.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [job, pyodideDir, wheel, requestsFile, stdlib, out] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${pyodideDir}/pyodide.mjs`).href);
const options = job === "snapshot" ? { stdLibURL: stdlib, _makeSnapshot: true } : {};
const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/`, ...options });
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
