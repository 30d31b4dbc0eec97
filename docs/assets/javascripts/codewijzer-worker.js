// Runs Pyodide and the checkers off the main thread. The only call into Python is
// checkers.evaluate_json(request) -> outcome JSON; answers never leave this browser.
import { loadPyodide } from "../pyodide/pyodide.mjs";

let evaluate = null;

// Pyodide does not reject when one of its files is missing (it only logs "wasm instantiation
// failed"), so every fetch made while starting is checked here and fails the start at once.
let failStart = () => {};
const nativeFetch = self.fetch.bind(self);
self.fetch = async (...args) => {
  try {
    const response = await nativeFetch(...args);
    if (!response.ok) failStart(new Error(`${response.status} ${response.url}`));
    return response;
  } catch (error) {
    failStart(error);
    throw error;
  }
};

const PYODIDE = new URL("../pyodide/", import.meta.url).href;

// A memory snapshot (Python already started, checkers imported) is used only when the browser has
// it cached: it is large, so a first visit starts normally and fetches it afterwards for next time.
// Only the headers are awaited here; the body is read while Pyodide loads its JavaScript (it
// compiles its wasm only once the snapshot is read: pyodide.ts, stage 4 before 5).
async function cachedSnapshot(url) {
  try {
    const response = await nativeFetch(url, { cache: "only-if-cached", mode: "same-origin" });
    return response.ok ? { body: response.arrayBuffer() } : null;   // wrapped: an async function would await it
  } catch {
    return null;
  }
}

// The build stores the snapshot without its long zero runs (build_scripts/checker_assets.py,
// sparse_snapshot): half the bytes to read from the cache. Rebuilt here into a zero-filled array.
const SPARSE_MAGIC = "CWSPARSE1";

function unsparse(buffer) {
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  if (bytes.length < SPARSE_MAGIC.length + 4
      || [...SPARSE_MAGIC].some((letter, index) => bytes[index] !== letter.charCodeAt(0))) throw new Error("snapshot format");
  let position = SPARSE_MAGIC.length;
  const memory = new Uint8Array(view.getUint32(position, true));
  position += 4;
  while (position < bytes.length) {
    if (position + 8 > bytes.length) throw new Error("snapshot format");
    const offset = view.getUint32(position, true);
    const length = view.getUint32(position + 4, true);
    position += 8;
    if (offset + length > memory.length || position + length > bytes.length) throw new Error("snapshot format");
    memory.set(bytes.subarray(position, position + length), offset);
    position += length;
  }
  return memory;
}

function within(promise, milliseconds) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), milliseconds))]);
}

const timings = {};   // start-up timings, passed to the page (read by the benchmark)

async function fromSnapshot(runtime) {
  const snapshot = await cachedSnapshot(PYODIDE + runtime.snapshot);
  timings.snapshot = performance.now();
  if (!snapshot) return null;
  try {
    const pyodide = await within(loadPyodide({ indexURL: PYODIDE, stdLibURL: PYODIDE + runtime.stdlib,
      _loadSnapshot: snapshot.body.then(unsparse) }), 20_000);
    return pyodide.pyimport("checkers").evaluate_json;
  } catch {
    return null;        // stale, corrupt or refused: start normally below
  }
}

function fetchSnapshotForNextTime(runtime) {
  if (navigator.connection?.saveData) return;
  setTimeout(() => nativeFetch(PYODIDE + runtime.snapshot).then((r) => r.arrayBuffer()).catch(() => {}), 3_000);
}

async function start(wheelUrl, runtime) {
  const restored = await fromSnapshot(runtime);
  timings.source = restored ? "snapshot" : "normal";
  if (restored) return restored;
  const pyodide = await loadPyodide({ indexURL: PYODIDE, stdLibURL: PYODIDE + runtime.stdlib });
  const response = await fetch(wheelUrl);
  if (!response.ok) throw new Error(`wheel ${response.status}`);
  pyodide.unpackArchive(await response.arrayBuffer(), "wheel");
  const evaluate = pyodide.pyimport("checkers").evaluate_json;
  fetchSnapshotForNextTime(runtime);
  return evaluate;
}

function startOnce(wheelUrl, runtime) {
  const failed = new Promise((_, reject) => { failStart = reject; });
  return Promise.race([start(wheelUrl, runtime), failed]);
}

let pages = 0;       // pages this Python has served: more than one when a shared worker lives on

async function handle(port, data) {
  try {
    if (data.type === "start") {
      evaluate = evaluate || startOnce(data.wheel, data.runtime);
      try {
        await evaluate;
      } catch (error) {
        evaluate = null;      // the next page that asks starts Python again
        throw error;
      }
      timings.ready = timings.ready || performance.now();
      pages += 1;
      port.postMessage({ type: "ready", timings: { ...timings, pages } });
    } else if (data.type === "evaluate") {
      const run = await evaluate;
      port.postMessage({ type: "result", id: data.id, result: run(data.request) });
    }
  } catch (error) {             // one page's failure; a running Python stays for the others
    port.postMessage({ type: "error", id: data.id, message: String(error) });
  }
}

// The same script runs as a shared worker (one Python for every page of this site, see
// codewijzer-check.js) or as a dedicated worker of one page.
if (typeof SharedWorkerGlobalScope === "function" && self instanceof SharedWorkerGlobalScope) {
  self.onconnect = ({ ports: [port] }) => { port.onmessage = ({ data }) => handle(port, data); };
} else {
  self.onmessage = ({ data }) => handle(self, data);
}
