// Material's search worker, started only once the checker on this page has settled (ready or
// failed). On a checker page the build points Material's search at this file; on a two-core phone,
// building the search index at the same time as Python starts would slow both. Material's own
// worker is loaded from this folder (its paths are relative to it) and gets the messages it missed.
"use strict";

const CHANNEL = "codewijzer-checker";
const LONGEST_WAIT = 10_000;      // search never waits longer than this, whatever the checker does
const material = new URLSearchParams(self.location.search).get("material") || "";
const queued = [];
let released = false;

function hold(event) {
  event.stopImmediatePropagation();
  queued.push(event.data);
}

function release() {
  if (released) return;
  released = true;
  channel.close();
  self.removeEventListener("message", hold);
  // Only Material's own search worker from this folder, never a script named by a tampered URL.
  if (/^search\.[0-9a-f]+\.min\.js$/.test(material)) importScripts(material);
  for (const data of queued) self.dispatchEvent(new MessageEvent("message", { data }));
}

self.addEventListener("message", hold);
const channel = new BroadcastChannel(CHANNEL);
channel.onmessage = ({ data }) => { if (data === "settled") release(); };
channel.postMessage("settled?");
setTimeout(release, LONGEST_WAIT);
