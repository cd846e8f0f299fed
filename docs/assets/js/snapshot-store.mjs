// The memory snapshot kept for a reader's later visits (py-worker.mjs). It is fetched only
// once Python is up and the page is idle, never on the way to a first quiz; checked against
// the runtime manifest (length and SHA-256); and stored in a cache of its own, named by the
// site's path, so two copies of the guide on one origin keep theirs apart. Not in the
// service worker's cache: that one is replaced with every build and holds what every
// reader gets, while the snapshot (7 MB) is kept only for readers who use Python.
//
// A snapshot that fails to restore is marked rejected, so it is not fetched again on every
// visit only to fail again. Its name carries the hash of what made it, so the next build's
// snapshot starts clean, and keeping it removes the earlier build's.

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");

export function snapshotStore(siteRoot, cacheStorage, fetch) {
  const name = `python-snapshot:${siteRoot.pathname}`;
  const urlOf = (snap) => new URL(snap.file, siteRoot).href;
  const markOf = (snap) => `${urlOf(snap)}?rejected`;
  const open = () => cacheStorage.open(name);

  // Throws unless `packed` is exactly the file the manifest lists.
  async function check(packed, snap) {
    if (packed.byteLength !== snap.bytes) {
      throw new Error(`snapshot: ${packed.byteLength} bytes, the manifest says ${snap.bytes}`);
    }
    if (hex(await crypto.subtle.digest("SHA-256", packed)) !== snap.sha256) {
      throw new Error("snapshot: SHA-256 differs from the manifest");
    }
  }

  // The kept copy as { response }, or { why } there is none: "not-cached" or "rejected".
  async function find(snap) {
    if (!cacheStorage) return { why: "not-cached" };
    try {
      const cache = await open();
      if (await cache.match(markOf(snap))) return { why: "rejected" };
      const response = await cache.match(urlOf(snap));
      return response ? { response } : { why: "not-cached" };
    } catch {
      return { why: "not-cached" }; // storage refused (private mode, quota): boot plainly
    }
  }

  // Forget a copy that failed to restore, and remember that it did.
  async function reject(snap, reason) {
    if (!cacheStorage) return;
    try {
      const cache = await open();
      await cache.delete(urlOf(snap));
      await cache.put(markOf(snap), new Response(reason));
    } catch {
      // nothing kept, nothing to forget
    }
  }

  // Fetch, check and store the snapshot; resolves to { kept, why? }, rejects on a bad file.
  async function keep(snap) {
    if (!snap) return { kept: false, why: "this build has no snapshot" };
    if (!cacheStorage) return { kept: false, why: "this browser gives the page no Cache Storage" };
    const cache = await open();
    const rejected = await cache.match(markOf(snap));
    if (rejected) return { kept: false, why: `rejected on an earlier visit: ${await rejected.text()}` };
    if (await cache.match(urlOf(snap))) return { kept: true, why: "kept on an earlier visit" };
    // no-store: the 7 MB go to this cache only, not to the HTTP cache as well
    const response = await fetch(urlOf(snap), { cache: "no-store" });
    if (!response.ok) throw new Error(`snapshot: HTTP ${response.status}`);
    const packed = await response.arrayBuffer();
    await check(packed, snap);
    const headers = { "Content-Type": "application/octet-stream" };
    await cache.put(urlOf(snap), new Response(packed, { headers }));
    for (const request of await cache.keys()) {
      if (!request.url.startsWith(urlOf(snap))) await cache.delete(request);
    }
    return { kept: true };
  }

  return { name, check, find, reject, keep };
}
