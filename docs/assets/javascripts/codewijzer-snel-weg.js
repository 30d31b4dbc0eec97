// "Snel weg": leave the site at once for a neutral page, replacing this page's history entry so
// that Back does not return to it. The control is a plain link, so without JavaScript it still
// leaves (as an ordinary link). Listeners sit on the document once, so they also serve pages that
// Material's instant navigation swaps in later.
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

// Shift three times in a row leaves from anywhere on the page (GOV.UK's "Exit this page" shortcut).
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
