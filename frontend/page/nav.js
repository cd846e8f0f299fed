// Instant navigation on any host. Material swaps pages in place (so the Python worker
// survives) only for links it finds in sitemap.xml, whose addresses the build writes from
// SITE_URL; it maps them to the current host by swapping in the protocol and host name,
// but not the port or the path. Served from anywhere else (a local server, a preview, a
// second host), every click was a full reload and Python booted again on every page.
//
// When the page is served where Material cannot map it, this script reads the same
// sitemap, maps each page to where the site really is (siteRoot), and hands a click on
// one of them to Material's own navigation (window.location$), as Material would have.

import { siteRoot } from "../lib/site.js";

const bare = (href) => {
  const url = new URL(href);
  url.hash = url.search = "";
  return url.href;
};

// Material's own mapping of a sitemap address to this host.
function asMaterialSees(href) {
  const url = new URL(href);
  url.protocol = location.protocol;
  url.hostname = location.hostname;
  return url.href;
}

// { built, pages }: the address the build was made for, and every page of the sitemap
// at its address on this host.
function readSitemap(text) {
  const doc = new DOMParser().parseFromString(text, "text/xml");
  const locs = [...doc.getElementsByTagName("loc")].map((n) => n.textContent.trim());
  const built = locs.reduce((a, b) => (b.length < a.length ? b : a), locs[0] ?? "");
  const pages = new Set(locs.filter((l) => l.startsWith(built)).map((l) => new URL(l.slice(built.length), siteRoot).href));
  return { built, pages };
}

function follow(event, pages) {
  if (event.defaultPrevented || event.button !== 0) return; // Material took it
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(link instanceof HTMLAnchorElement) || link.target || link.hasAttribute("download")) return;
  const url = new URL(link.href);
  if (!pages.has(bare(url.href))) return;
  if (bare(url.href) === bare(location.href) && url.hash) return; // a jump within the page
  event.preventDefault();
  history.replaceState({ x: window.scrollX, y: window.scrollY }, "");
  history.pushState(null, "", url.href);
  window.location$.next(url);
}

async function begin() {
  const canonical = document.querySelector('link[rel="canonical"]')?.href;
  if (canonical && asMaterialSees(canonical) === bare(location.href)) return; // no need
  const response = await fetch(new URL("sitemap.xml", siteRoot));
  if (!response.ok) return;
  const { built, pages } = readSitemap(await response.text());
  if (!pages.has(bare(location.href)) || !window.location$?.next) return;
  console.info(
    `The guide was built for ${built} and is served at ${siteRoot.href}; its own script ` +
      "keeps navigation instant (README: Host your own copy).",
  );
  document.addEventListener("click", (event) => follow(event, pages));
  nav.active = true;
}

// For tests and the console (main.js hands it on): whether this script keeps navigation
// instant, once `ready` has settled.
export const nav = { active: false, ready: Promise.resolve() };

// Once per tab.
export function start() {
  if (location.protocol === "file:") return;
  nav.ready = begin().catch(() => {});
}
