// Search index only when the reader reaches for search.
//
// Material's bundle asks for search/search_index.json as soon as it starts, on every first
// page visit, whether or not the reader searches: the largest file a reading page loads,
// and one that grows with the bank (#15). Material 9 has no hook to hand it the index
// later, so this classic script, loaded just before the bundle, holds that one request
// back: the bundle opens it as usual, and it is sent when the reader focuses the search
// box, opens search (the header's icon, or the f, s and / keys, which focus the box) or
// arrives with a search in the address (?q=, or ?h= to highlight a result). Material
// searches whatever was typed meanwhile once its worker has read the index.
//
// Offline: the service worker keeps the index once fetched (macros/publish/sw.js), so
// search works offline for a reader who has opened it once online; before that, the
// search box says so instead of "Initializing search" for ever.
(() => {
  "use strict";
  const INDEX = /\/search\/search_index\.json$/;
  const OFFLINE_TEXT = "Search works offline once you have opened it while online.";
  const proto = XMLHttpRequest.prototype;
  const open = proto.open;
  const send = proto.send;
  const wanted = new WeakSet(); // requests for the index, by the bundle
  const held = []; // [request, body] waiting for the reader
  let released = false;

  const isIndex = (url) => {
    try {
      const u = new URL(String(url), document.baseURI);
      return u.origin === location.origin && INDEX.test(u.pathname);
    } catch {
      return false;
    }
  };

  // No text in the result list's heading but ours: Material writes it only once ready.
  const sayOffline = () => {
    const meta = document.querySelector(".md-search-result__meta");
    if (meta) meta.textContent = OFFLINE_TEXT;
  };

  const watch = (request) => {
    request.addEventListener("error", sayOffline);
    request.addEventListener("load", () => {
      if (request.status >= 400) sayOffline();
    });
  };

  proto.open = function (method, url, ...rest) {
    if (isIndex(url)) wanted.add(this);
    else wanted.delete(this);
    return open.call(this, method, url, ...rest);
  };

  proto.send = function (body) {
    if (!wanted.has(this)) return send.call(this, body);
    watch(this);
    if (released) return send.call(this, body);
    held.push([this, body]);
  };

  const release = () => {
    if (released) return;
    released = true;
    for (const name of ["focusin", "click", "change"]) document.removeEventListener(name, onEvent, true);
    for (const [request, body] of held.splice(0)) {
      try {
        send.call(request, body);
      } catch {
        // aborted by the bundle while it waited: nothing to send
      }
    }
  };

  // Focus on the box covers the keyboard shortcuts and a click into it; the header's
  // search icon is a label of the #__search toggle (click, then change).
  function onEvent(event) {
    const target = event.target;
    if (!(target instanceof Element)) return;
    if (
      target.closest(".md-search, label[for='__search']") ||
      (target.id === "__search" && target.checked)
    ) {
      release();
    }
  }

  for (const name of ["focusin", "click", "change"]) document.addEventListener(name, onEvent, true);
  const params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) release();
})();
