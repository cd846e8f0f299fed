// Sends a reader from a page that moved (macros/publish/redirects.py) to its new address,
// keeping the part after "#" (a card's anchor), which the page's meta refresh would drop.
// Without JavaScript the meta refresh still goes to the new page, only to its top.
"use strict";

(() => {
  const to = document.currentScript?.dataset.to;
  if (to) window.location.replace(new URL(to, window.location.href).href + window.location.hash);
})();
