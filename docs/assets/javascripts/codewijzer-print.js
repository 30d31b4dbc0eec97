// Printing: give each link in the content its full address (data-cw-url), which codewijzer-print.css
// shows after the link text on paper. Links within the page and automatic links are left out.
(() => {
  const SKIP = ".headerlink, .cw-afspraak, .cw-vertrouwenspersoon, .footnote-ref, .footnote-backref";

  function addAddresses() {
    for (const link of document.querySelectorAll(".md-content a[href]")) {
      const href = link.getAttribute("href");
      if (href.startsWith("#") || link.matches(SKIP) || link.textContent.trim() === link.href) continue;
      link.dataset.cwUrl = link.href;
    }
  }

  // Material's instant navigation swaps pages without reloading: document$ emits for each page.
  if (window.document$) window.document$.subscribe(addAddresses);
  else addAddresses();
  // Checker outcomes are drawn after the page loaded.
  window.addEventListener("beforeprint", addAddresses);
})();
