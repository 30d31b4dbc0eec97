// Workshop pages (build_scripts/workshops.py): hide each "Wat kun je doen?" answer behind a disclosure
// button until the trainer reveals it. Without JavaScript every answer simply stays visible.
// Loaded only by workshop pages; Material's instant navigation re-runs it on each such page, so
// everything here is idempotent and the page subscription is made once.
(() => {

  function setOpen(button, answer, open) {
    button.setAttribute("aria-expanded", String(open));
    answer.hidden = !open;
  }

  function enhanceDilemma(heading) {
    const answer = heading.parentElement.querySelector(".cw-antwoord");
    if (!answer || heading.dataset.cwReady !== undefined) return;
    heading.dataset.cwReady = "";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "cw-antwoord-knop";
    button.setAttribute("aria-controls", answer.id);
    button.textContent = heading.textContent.replace("¶", "").trim();
    heading.replaceChildren(button);
    setOpen(button, answer, false);
    button.addEventListener("click", () => setOpen(button, answer, button.getAttribute("aria-expanded") !== "true"));
  }

  function enhanceToolbar(toolbar) {
    if (toolbar.dataset.cwReady !== undefined) return;
    toolbar.dataset.cwReady = "";
    const status = document.querySelector(".cw-workshop-status");
    for (const control of toolbar.querySelectorAll("button[data-cw-workshop]")) {
      control.addEventListener("click", () => {
        const open = control.dataset.cwWorkshop === "toon-alle";
        for (const button of document.querySelectorAll(".cw-antwoord-knop")) {
          setOpen(button, document.getElementById(button.getAttribute("aria-controls")), open);
        }
        // The Dutch wording comes from the page (build_scripts/workshops.py): data-toon-alle, data-verberg-alle.
        if (status) status.textContent = status.getAttribute(`data-${control.dataset.cwWorkshop}`) || "";
      });
    }
    toolbar.hidden = false;
  }

  function enhancePrintButton(button) {
    if (button.dataset.cwReady !== undefined) return;
    button.dataset.cwReady = "";
    button.addEventListener("click", () => window.print());
    button.hidden = false;
  }

  function enhance() {
    document.querySelectorAll(".cw-dilemma > .cw-antwoord-kop").forEach(enhanceDilemma);
    document.querySelectorAll(".cw-workshop-knoppen").forEach(enhanceToolbar);
    document.querySelectorAll("button.cw-afdrukken").forEach(enhancePrintButton);
  }

  enhance();
  if (!window.codewijzerWorkshop) {
    window.codewijzerWorkshop = true;
    if (window.document$) window.document$.subscribe(enhance);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhance);
  }
})();
