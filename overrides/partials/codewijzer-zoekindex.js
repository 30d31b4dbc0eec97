// Material's search index (about 100 kB) waits until the checker on this page has settled. Material asks
// for it (with an XMLHttpRequest) as soon as its script runs, while Python's downloads still hold the link:
// the index takes 0.1 s of a 4G link and 0.5 s of a 3G link, which the checker waited for. Material's
// search worker (assets/javascripts/workers/codewijzer-search.js) loads Material's own worker only with
// the index, so it waits too. Only a request for that one address of this site waits; every other
// request is sent as asked. Inline in <head>: in place before Material's script.
(() => {
  const LONGEST_WAIT = 10_000;       // the index never waits longer than this, whatever the checker does
  let release;
  const settled = new Promise((resolve) => { release = resolve; });
  const channel = new BroadcastChannel("codewijzer-checker");      // codewijzer-check.js: announceSettled
  channel.onmessage = ({ data }) => { if (data === "settled") release(); };
  channel.postMessage("settled?");
  setTimeout(release, LONGEST_WAIT);
  settled.then(() => channel.close());

  const held = new WeakSet();
  const { open, send } = XMLHttpRequest.prototype;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    const target = new URL(String(url), location.href);
    if (target.origin === location.origin && target.pathname.endsWith("/search/search_index.json")) held.add(this);
    else held.delete(this);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (body) {
    if (!held.has(this)) return send.call(this, body);
    settled.then(() => {
      if (this.readyState === XMLHttpRequest.OPENED) send.call(this, body);   // not aborted meanwhile
    });
  };
})();
