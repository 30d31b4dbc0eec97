// Material's search worker, loaded only when Material first asks it for something. On a checker page the
// build points Material's search at this file. Material's first message is its set-up with the search
// index, and on a checker page the index is asked for only once the checker has settled (ready or
// failed, at most 10 s: overrides/partials/codewijzer-zoekindex.js). So Material's worker script is not
// downloaded, and the index not built, while Python starts: on a two-core phone both would slow Python.
// Material's own worker is loaded from this folder (its paths are relative to it) and gets the message.
"use strict";

const material = new URLSearchParams(self.location.search).get("material") || "";

function release(event) {
  event.stopImmediatePropagation();
  self.removeEventListener("message", release);
  // Only Material's own search worker from this folder, never a script named by a tampered URL.
  if (/^search\.[0-9a-f]+\.min\.js$/.test(material)) importScripts(material);
  self.dispatchEvent(new MessageEvent("message", { data: event.data }));
}

self.addEventListener("message", release);
