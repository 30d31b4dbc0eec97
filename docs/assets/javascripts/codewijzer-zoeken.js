// Search results for employees: each result says whose code it is from, and on a page of an
// organisation that organisation's results come first, with a button to the others (one click).
// Material renders the results; this script only labels and orders them, in the browser, from the
// result's path (/<organisatie>/...). Nothing is stored or sent.
(() => {
  const meta = document.querySelector('meta[name="codewijzer-organisaties"]');
  const list = document.querySelector(".md-search-result__list");
  if (!meta || !list) return;
  const organisations = JSON.parse(meta.content || "{}");
  const config = document.getElementById("__config");
  // The site's root, resolved once against the first page (Material's base is relative to it).
  const root = new URL(config ? JSON.parse(config.textContent).base + "/" : "./", location.href);

  function organisationOf(href) {
    const url = new URL(href, location.href);
    if (!url.pathname.startsWith(root.pathname)) return "";
    const first = url.pathname.slice(root.pathname.length).split("/")[0];
    return Object.hasOwn(organisations, first) ? first : "";
  }

  function label(item, org) {
    const article = item.querySelector("article");
    if (!org || !article || article.querySelector(".cw-zoek-org")) return;
    const name = document.createElement("p");
    name.className = "cw-zoek-org";
    name.textContent = organisations[org];
    article.prepend(name);
  }

  function notice(here, others) {     // others: the other organisations' results shown so far
    let box = document.querySelector(".cw-zoek-eigen");
    if (!here || !others) { box?.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.className = "cw-zoek-eigen";
      box.innerHTML = '<p></p><button type="button" class="cw-zoek-anderen">Naar andere organisaties</button>';
      box.querySelector("button").addEventListener("click", () => {
        const first = list.querySelector('.md-search-result__item[data-cw-anders] > a');
        if (first) { first.scrollIntoView({ block: "start" }); first.focus(); }
      });
      list.before(box);
    }
    box.querySelector("p").textContent = `Eerst de resultaten van ${organisations[here]}.`;
  }

  let busy = false;
  function update() {
    if (busy) return;
    busy = true;
    const here = organisationOf(location.href);
    const items = [...list.querySelectorAll(":scope > .md-search-result__item")];
    for (const item of items) {
      const link = item.querySelector("a");
      const org = link ? organisationOf(link.href) : "";
      label(item, org);
      item.toggleAttribute("data-cw-anders", Boolean(here && org && org !== here));
    }
    if (here) {   // a stable order: own organisation, site pages, then the others
      const rank = (item) => item.hasAttribute("data-cw-anders") ? 2 : (organisationOf(item.querySelector("a")?.href || "") ? 0 : 1);
      const sorted = [...items].sort((a, b) => rank(a) - rank(b));
      if (sorted.some((item, index) => item !== items[index])) sorted.forEach((item) => list.append(item));
    }
    notice(here, items.filter((item) => item.hasAttribute("data-cw-anders")).length);
    busy = false;
  }

  new MutationObserver(() => { if (!busy) update(); }).observe(list, { childList: true });
})();
