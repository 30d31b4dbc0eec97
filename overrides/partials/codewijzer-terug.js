// Back and Forward between a checker's questions and its outcome (codewijzer-check.js: reveal, returnTo).
// Inline and classic in <head> (overrides/main.html), so this listener is registered before Material's: Material would otherwise
// fetch and redraw the page for a history entry on the same URL, and the answers would be lost.
// The checker module registers its handlers in window.codewijzerHistory.
window.codewijzerHistory = window.codewijzerHistory || new Set();
window.addEventListener("popstate", (event) => {
  for (const handle of window.codewijzerHistory) {
    if (handle()) {
      event.stopImmediatePropagation();
      return;
    }
  }
}, { capture: true });
