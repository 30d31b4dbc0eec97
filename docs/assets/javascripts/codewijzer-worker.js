// Runs Pyodide and the checkers off the main thread. The only call into Python is
// checkers.evaluate_json(request) -> outcome JSON; answers never leave this browser.
import { loadPyodide } from "../pyodide/pyodide.mjs";

let evaluate = null;

async function start(wheelUrl) {
  const pyodide = await loadPyodide({ indexURL: new URL("../pyodide/", import.meta.url).href });
  const response = await fetch(wheelUrl);
  if (!response.ok) throw new Error(`wheel ${response.status}`);
  pyodide.unpackArchive(await response.arrayBuffer(), "wheel");
  return pyodide.pyimport("checkers").evaluate_json;
}

self.onmessage = async ({ data }) => {
  try {
    if (data.type === "start") {
      evaluate = evaluate || start(data.wheel);
      await evaluate;
      self.postMessage({ type: "ready" });
    } else if (data.type === "evaluate") {
      const run = await evaluate;
      self.postMessage({ type: "result", id: data.id, result: run(data.request) });
    }
  } catch (error) {
    evaluate = null;
    self.postMessage({ type: "error", id: data.id, message: String(error) });
  }
};
