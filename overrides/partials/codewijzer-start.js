// Opens the checker's worker from <head> and tells it to start, before the stylesheets and before the
// checker module has arrived: on a phone link Python's downloads then begin one round trip after the
// page's first bytes (ADR 0024). codewijzer-check.js takes this worker over (adoptEarlyWorker) with the
// messages it has sent meanwhile; it opens one itself when Material's instant navigation brings a checker
// page. Keep the two in step: the same worker, name, options and start message (startWorker there).
(() => {
  const meta = document.querySelector('meta[name="codewijzer-runtime"]');
  const runtime = JSON.parse(meta.content);
  const name = `codewijzer ${runtime.snapshot} ${runtime.wheel}`;
  // A shared worker where it lives on after its last page (Chromium 148+, see sharedWorkerLivesOn there).
  let livesOn = false;
  if (typeof SharedWorker === "function") {
    try {
      new SharedWorker("http://[", { get extendedLifetime() { livesOn = true; return true; } });
    } catch { /* always: SyntaxError for the URL */ }
  }
  const early = { name, created: performance.now(), messages: [], error: null };
  try {
    const url = new URL(meta.dataset.worker, location.href);
    if (livesOn) {
      early.worker = new SharedWorker(url, { type: "module", name, extendedLifetime: true });
      early.port = early.worker.port;
      early.stop = () => early.worker.port.close();
    } else {
      early.worker = early.port = new Worker(url, { type: "module" });
      early.stop = () => early.worker.terminate();
    }
  } catch {
    return;             // the checker module opens one itself, and reports what fails
  }
  early.port.onmessage = ({ data }) => early.messages.push(data);
  early.worker.onerror = (event) => { early.error = new Error(event.message || "worker"); };
  const connection = navigator.connection;
  early.port.postMessage({ type: "start", runtime,
    connection: connection ? { effectiveType: connection.effectiveType, saveData: connection.saveData } : null,
    wheel: new URL(meta.dataset.wheel, location.href).href });
  window.codewijzerEarlyWorker = early;
})();
