// Runs Pyodide and the checkers off the main thread. The only call into Python is
// checkers.evaluate_json(request) -> outcome JSON; answers never leave this browser.

// Pyodide's module is imported, not loaded statically: this script then runs as soon as it arrives
// and asks for the start's large files (startDownloads) while Pyodide's JavaScript is still on its way.
const pyodideModule = import("../pyodide/pyodide.mjs");
pyodideModule.catch(() => {});           // a failed import fails the start below, where it is awaited

let evaluate = null;

// Pyodide does not reject when one of its files is missing (it only logs "wasm instantiation
// failed"), so every fetch made while starting is checked here and fails the start at once.
let failStart = () => {};
const nativeFetch = self.fetch.bind(self);

// Downloads begun before Pyodide asks for them (startDownloads), by address; each is handed to the
// first fetch of that address, once, so no file is downloaded twice in any engine.
const downloads = new Map();

function download(url, { counted = false } = {}) {
  const href = new URL(url, self.location.href).href;
  if (!downloads.has(href)) {
    let response = nativeFetch(href);
    const attempt = progress.attempt;     // the start this download belongs to (counted only for it)
    if (counted) response = response.then((original) => { if (original.ok) count(original.clone(), attempt); return original; });
    response.catch(() => {});             // reported when Pyodide takes it (self.fetch below)
    downloads.set(href, response);
  }
}

// How far the start's two large downloads (wasm and standard library) are, for the progress bar in the
// page's outcome area. Counted on a clone, so that Pyodide gets the network's own response (Chromium
// keeps the compiled wasm in its code cache only for that). The body arrives decoded, so the total is
// the files' uncompressed size, written by the build (runtime.bytes); the share is the same.
// `attempt` counts the starts: a download of a start that failed may still be arriving, and is no longer counted.
const progress = { loaded: 0, total: 0, counted: 0, toldAt: 0, ports: new Set(), attempt: 0 };
const PROGRESS_EVERY_MS = 250;
const COUNTED_FILES = 2;                   // the wasm and the standard library (startDownloads)

async function count(response, attempt) {
  try {
    const reader = response.body.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      if (progress.attempt !== attempt) {        // the start failed: stop reading this clone (only the clone)
        await reader.cancel();
        return;
      }
      progress.loaded += part.value.byteLength;
      tellProgress();
    }
    if (progress.attempt !== attempt) return;
    progress.counted += 1;
    tellProgress({ now: true });                 // a finished file: the share it ends on is shown
  } catch {
    /* a failed download fails the start where Pyodide takes it */
  }
}

function progressMessage() {
  const done = progress.total > 0 && progress.counted === COUNTED_FILES;
  return { type: "progress", loaded: Math.min(progress.loaded, progress.total), total: progress.total, done };
}

function tellProgress({ now = false } = {}) {
  if (!progress.total) return;               // no start message yet, or a page of an older build: no sizes
  if (!now && performance.now() - progress.toldAt < PROGRESS_EVERY_MS) return;
  const message = progressMessage();
  progress.toldAt = performance.now();
  for (const port of progress.ports) port.postMessage(message);
}

function takeDownload(resource, init) {
  if (init && Object.keys(init).length) return null;          // asked for with options: fetch as asked
  const href = new URL(resource instanceof Request ? resource.url : String(resource), self.location.href).href;
  const response = downloads.get(href);
  downloads.delete(href);
  return response ?? null;
}

self.fetch = async (resource, init) => {
  try {
    const response = await (takeDownload(resource, init) ?? nativeFetch(resource, init));
    if (!response.ok) failStart(new Error(`${response.status} ${response.url}`));
    return response;
  } catch (error) {
    failStart(error);
    throw error;
  }
};

const PYODIDE = new URL("../pyodide/", import.meta.url).href;

// On a phone link the start is the download of Pyodide's wasm and the standard library (4.4 MB on
// 4G: 4 s). Asked for the moment the page says start, in parallel, before the snapshot check and
// before Pyodide's own script has arrived and asks for them itself (it then gets these downloads).
// Pyodide's JavaScript (pyodide.asm.mjs) is imported here too: Pyodide's own import of it finds it.
function startDownloads(runtime) {
  progress.total = runtime.bytes || 0;
  const counted = progress.total > 0;            // a page of an older build has no sizes: no progress
  startPyodideDownloads({ counted });
  download(PYODIDE + runtime.stdlib, { counted });
  if (!runtime.lock) download(PYODIDE + "pyodide-lock.json");      // a page of an older build
}

// The wasm (the largest file) and Pyodide's JavaScript are the same for every page: asked for as soon as
// this script runs, before the page's start message has reached it (20-70 ms later in a shared worker on
// 4G, while the link was idle). startDownloads asks again; that only fetches after a failed start has
// cleared them.
function startPyodideDownloads({ counted }) {
  download(PYODIDE + "pyodide.asm.wasm", { counted });
  import(PYODIDE + "pyodide.asm.mjs").catch(() => {});   // a failure shows where Pyodide imports it
}

startPyodideDownloads({ counted: true });

// A memory snapshot (Python already started, checkers imported) is used only when the browser has
// it stored: it is large, so a first visit starts normally and fetches it afterwards for next time
// (when that pays, see snapshotForNextTimePays). Where it is stored: the Cache API under the site's
// own cache name (RUNTIME_CACHE), which every engine honours, WebKit included; WebKit ignores
// fetch(..., {cache: "only-if-cached"}) and would download 3.8 MB before Python starts. Without the
// Cache API (a page on a plain-http address) the HTTP cache is asked with only-if-cached, as before.
// Only the runtime goes into that cache, never an answer. Only the headers are awaited here; the body
// is read while Pyodide loads its JavaScript (it compiles its wasm only once the snapshot is read:
// pyodide.ts, stage 4 before 5).
const RUNTIME_CACHE = "codewijzer-runtime";

async function runtimeCache() {
  try {
    return self.caches ? await self.caches.open(RUNTIME_CACHE) : null;
  } catch {
    return null;      // refused (private browsing, storage off): behave as if nothing is stored
  }
}

async function cachedSnapshot(url) {
  const cache = await runtimeCache();
  try {
    const response = cache ? await cache.match(url)
      : await nativeFetch(url, { cache: "only-if-cached", mode: "same-origin" });
    return response?.ok ? { body: response.arrayBuffer() } : null;   // wrapped: an async function would await it
  } catch {
    return null;
  }
}

// The start path: "cached" (default) restores the snapshot only when it is stored; "snapshot"
// downloads it as part of the start (measured per network profile by `make bench`: on no profile
// did it beat a normal start, so nothing chooses it by default); "normal" never uses it.
function snapshotFor(runtime) {
  const url = PYODIDE + runtime.snapshot;
  if (runtime.start === "normal") return null;
  if (runtime.start === "snapshot") return { body: nativeFetch(url).then((r) => r.arrayBuffer()) };
  return cachedSnapshot(url);
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

// The lock file lists Pyodide's 350 packages (25 kB on the link); the checkers load none, so the page
// brings the one part Pyodide checks, its ABI version (runtime.lock, written by the build).
function pyodideOptions(runtime) {
  const options = { indexURL: PYODIDE, stdLibURL: PYODIDE + runtime.stdlib };
  if (runtime.lock) options.lockFileContents = runtime.lock;
  return options;
}

function within(promise, milliseconds) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), milliseconds))]);
}

const timings = {};   // start-up timings, passed to the page (read by the benchmark)

async function fromSnapshot(runtime) {
  const snapshot = await snapshotFor(runtime);
  timings.snapshot = performance.now();
  timings.snapshot_stored = Boolean(snapshot);
  if (!snapshot) return null;
  try {
    const { loadPyodide } = await pyodideModule;
    const pyodide = await within(loadPyodide({ ...pyodideOptions(runtime), _loadSnapshot: snapshot.body.then(unsparse) }),
      20_000);
    return pyodide.pyimport("checkers").evaluate_json;
  } catch (error) {
    timings.snapshot_error = String(error);      // read by tests and the benchmark
    return null;        // stale, corrupt or refused: start normally below
  }
}

// Fetching the snapshot after a normal start pays when the link is fast: on 4G its 3.8 MB take about
// 3.4 s of the link after the outcome is shown, and every later visit with a new Python starts about
// twice as fast. On a 3G-class link it would hold the link for about 20 s, just when the reader follows
// a cited paragraph, and use their data: not then, and never when the reader asked to save data.
// Browsers that do not say (Firefox, Safari) fetch it, as before.
function snapshotForNextTimePays(connection) {
  if (connection?.saveData) return false;
  return !["slow-2g", "2g", "3g"].includes(connection?.effectiveType);
}

async function storeSnapshot(url) {
  const cache = await runtimeCache();
  if (!cache) {                               // no Cache API: the HTTP cache keeps it (immutable)
    await nativeFetch(url).then((r) => r.arrayBuffer());
    return;
  }
  const response = await nativeFetch(url, { cache: "no-store" });   // one copy: in the runtime cache
  if (!response.ok) return;
  // The whole body first, then one put: a worker ended halfway (the reader left the page) can leave no
  // partial entry in any engine. (A WebKit start once failed with "Out of bounds memory access" in the
  // engine suite, not reproduced; a snapshot cut at a record boundary would pass the format check.)
  const body = await response.arrayBuffer();
  await cache.put(url, new Response(body, { headers: { "Content-Type": "application/octet-stream" } }));
  for (const request of await cache.keys()) {  // snapshots of earlier builds
    if (request.url !== new URL(url, self.location.href).href) await cache.delete(request);
  }
}

// Storing it keeps this worker busy for a while (its body passes through here into the cache): an answer
// asked meanwhile waited up to 200 ms in the benchmark. So it is stored once no answer has been asked
// for a few seconds (the reader is reading), not at a fixed time after the start.
const QUIET_MS = 3_000;
let lastAnswerAt = 0;              // performance.now() of the last answer a page asked for

function whenQuiet(task) {
  const wait = lastAnswerAt + QUIET_MS - performance.now();
  if (wait > 0) setTimeout(() => whenQuiet(task), wait);
  else task();
}

function fetchSnapshotForNextTime(runtime, connection) {
  if (runtime.start === "normal" || !snapshotForNextTimePays(connection)) return;
  lastAnswerAt = performance.now();
  whenQuiet(() => storeSnapshot(PYODIDE + runtime.snapshot).catch(() => {}));
}

async function start(wheelUrl, runtime, connection) {
  startDownloads(runtime);
  const restored = await fromSnapshot(runtime);
  timings.source = restored ? "snapshot" : "normal";
  if (restored) return restored;
  download(wheelUrl);                        // needed only without the snapshot: asked for now, used after
  const { loadPyodide } = await pyodideModule;
  const pyodide = await loadPyodide(pyodideOptions(runtime));
  const response = await fetch(wheelUrl);
  if (!response.ok) throw new Error(`wheel ${response.status}`);
  pyodide.unpackArchive(await response.arrayBuffer(), "wheel");
  const evaluate = pyodide.pyimport("checkers").evaluate_json;
  fetchSnapshotForNextTime(runtime, connection);
  return evaluate;
}

function startOnce(wheelUrl, runtime, connection) {
  const failed = new Promise((_, reject) => { failStart = reject; });
  return Promise.race([start(wheelUrl, runtime, connection), failed]);
}

const now = () => performance.timeOrigin + performance.now();

let pages = 0;       // pages this Python has served: more than one when a shared worker lives on

async function handle(port, data) {
  try {
    if (data.type === "start") {
      if (!evaluate) progress.ports.add(port);
      else if (progress.ports.size) {          // a second page while Python still starts: how far it is
        progress.ports.add(port);
        port.postMessage(progressMessage());
      }
      evaluate = evaluate || startOnce(data.wheel, data.runtime, data.connection ?? self.navigator.connection);
      try {
        await evaluate;
      } catch (error) {
        evaluate = null;      // the next page that asks starts Python again, with fresh downloads
        downloads.clear();
        Object.assign(progress, { loaded: 0, counted: 0, attempt: progress.attempt + 1 });
        throw error;
      } finally {
        progress.ports.clear();
      }
      timings.ready = timings.ready || performance.now();
      pages += 1;
      port.postMessage({ type: "ready", timings: { ...timings, pages } });
    } else if (data.type === "evaluate") {
      const received = now();
      lastAnswerAt = performance.now();
      const run = await evaluate;
      const python = now();
      const result = run(data.request);
      // Only for the benchmark (the page asks with measure: true): times on the clock the page shares.
      const measure = data.measure ? { received, python, python_done: now() } : undefined;
      port.postMessage({ type: "result", id: data.id, result, measure });
    } else if (data.type === "warm") {            // paths through Python taken once, results unused
      const run = await evaluate;
      for (const request of data.requests) {
        await new Promise((resolve) => setTimeout(resolve, 0));   // a reader's answer goes first
        run(request);
      }
      port.postMessage({ type: "result", id: data.id, result: "null" });
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
