// "Snel weg": leave the site at once for a neutral page, replacing this page's history entry so
// that Back does not return to it. The control is a plain link (partials/codewijzer-snel-weg.html),
// so without JavaScript it still leaves, as an ordinary link.
// Inline and classic in <head> of every page (overrides/main.html): the listeners are in place
// before the link is drawn, so a tap while a slow page still loads leaves as well; a script file
// after the link ran only once the page was parsed and the file had arrived. They sit on the
// document, so they also serve the pages that Material's instant navigation swaps in.
(() => {
  if (window.codewijzerSnelWeg) return;     // once per document
  window.codewijzerSnelWeg = true;
  const LINK = "a.cw-snel-weg-knop";
  const PRESSES = 3;

  function leave(link) {
    document.body.hidden = true;          // the page disappears now, even if the next one is slow
    document.title = "";
    location.replace(link.href);
  }

  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest(LINK) : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    leave(link);
  }, true);

  // Shift three times in a row leaves from anywhere on a page with the control (GOV.UK's "Exit this page").
  let presses = 0;
  let reset = null;
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Shift") { presses = 0; return; }
    if (event.repeat) return;
    presses += 1;
    clearTimeout(reset);
    reset = setTimeout(() => { presses = 0; }, 2_000);
    const link = document.querySelector(LINK);
    if (presses >= PRESSES && link) leave(link);
  });

  // Restored from the back/forward cache (an earlier entry of this same document): show it again.
  window.addEventListener("pageshow", (event) => { if (event.persisted) document.body.hidden = false; });
})();
