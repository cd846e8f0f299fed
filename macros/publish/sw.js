// Service worker of the ML interview guide, written by the build (macros/publish/service_worker.py).
// Offline after the first visit: pages and assets are cached at install; the Python runtime
// and the code editor are cached once the reader has used any practice widget (and the
// Python worker keeps the memory snapshot in a cache of its own). One cache per build: a new build installs beside
// the old one and takes over when no page of the old build is open, or when the reader
// accepts the update a page offers, then deletes the old cache, so a page never mixes
// assets of two builds.
"use strict";

const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const RUNTIME = __RUNTIME__;
const scope = self.registration.scope;
// Named by the site's path, like its stored progress: two copies of the guide on one origin
// (two project pages of one GitHub account) must not delete each other's offline copy.
const PREFIX = `mlguide:${new URL(scope).pathname}:`;
const CACHE = `${PREFIX}${VERSION}`;
const LEGACY = /^mlguide-[0-9a-f]{16}$/; // before caches were named by path
// The Python worker keeps the memory snapshot itself (snapshot-store.mjs): not cached here.
const SNAPSHOT = /\/assets\/pyodide\/[^/]+\/snapshot-[^/]*$/;
const keep = (url) => url.startsWith(scope) && !url.includes("/livereload") && !SNAPSHOT.test(new URL(url).pathname);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.map((path) => new Request(new URL(path, scope), { cache: "reload" }))),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if ((key.startsWith(PREFIX) && key !== CACHE) || LEGACY.test(key)) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

async function respond(request) {
  const cache = await caches.open(CACHE);
  const navigate = request.mode === "navigate";
  const hit = await cache.match(request, { ignoreSearch: navigate });
  if (hit) return hit;
  try {
    const response = await fetch(request);
    // `caches.has`: once a newer build has taken over and deleted this cache, an old
    // worker finishing a request must not bring it back.
    if (response.ok && response.type === "basic" && keep(request.url) && (await caches.has(CACHE))) {
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    if (navigate) {
      const offline = await cache.match(new URL("404.html", scope));
      if (offline) return offline;
    }
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || !keep(request.url)) return;
  event.respondWith(respond(request));
});

// The page asks for the runtime to be kept once Python has booted: its files are then in
// the HTTP cache, so copying them costs no download (the editor's may, if no exercise was
// opened yet).
async function cacheRuntime() {
  const cache = await caches.open(CACHE);
  for (const path of RUNTIME) {
    const url = new URL(path, scope);
    if (await cache.match(url)) continue;
    const response = await fetch(url, { cache: "force-cache" });
    if (response.ok) await cache.put(url, response);
  }
}

self.addEventListener("message", (event) => {
  // The reader chose to update (offline.js): take over now instead of waiting for every
  // page of the old build to close; the page that asked reloads itself.
  if (event.data?.type === "skip-waiting") {
    self.skipWaiting();
    return;
  }
  if (event.data?.type !== "cache-runtime") return;
  const reply = event.ports?.[0];
  event.waitUntil(
    cacheRuntime().then(
      () => reply?.postMessage({ ok: true, version: VERSION }),
      (error) => reply?.postMessage({ ok: false, error: String(error) }),
    ),
  );
});
