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

async function start(wheelUrl) {
  const pyodide = await loadPyodide({ indexURL: new URL("../pyodide/", import.meta.url).href });
  const response = await fetch(wheelUrl);
  if (!response.ok) throw new Error(`wheel ${response.status}`);
  pyodide.unpackArchive(await response.arrayBuffer(), "wheel");
  return pyodide.pyimport("checkers").evaluate_json;
}

function startOnce(wheelUrl) {
  const failed = new Promise((_, reject) => { failStart = reject; });
  return Promise.race([start(wheelUrl), failed]);
}

self.onmessage = async ({ data }) => {
  try {
    if (data.type === "start") {
      evaluate = evaluate || startOnce(data.wheel);
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
