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
//
// It is kept inflated (31 MB on disk instead of 7), with what was verified beside it in
// its headers: the manifest's SHA-256 of the file it came from, and a checksum of the
// inflated bytes. A visit then reads the bytes and checks their length and that checksum
// (about 10 ms) instead of inflating 7 MB and hashing them again (0.3-0.5 s of a repeat
// visit, #20). Why a checksum and not SHA-256 again: what can damage a kept copy is the
// disk or the browser, not an adversary (whoever can write this origin's caches can as
// well rewrite the site's scripts in the service worker's), and two running sums of the
// 32-bit words catch any change to one word and a truncation (with the length), and miss
// a swap of two words only when (distance x difference) is a multiple of 2^32. Why check at all, when the restore fails on a damaged heap: not
// always. A slightly truncated snapshot is silently accepted and some damage hangs the
// wasm, which costs the reader 10 s before the page gives up on it (README).

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
const VERIFIED = "X-Snapshot-Sha256"; // the manifest's digest the kept copy was checked against
const SUM = "X-Snapshot-Checksum"; // checksum(inflated bytes), taken when it was kept

// Fletcher's two running sums over the 32-bit words (and the last bytes), modulo 2^32.
export function checksum(bytes) {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
  let a = 0;
  let b = 0;
  for (let i = 0; i < words.length; i++) {
    a = (a + words[i]) | 0;
    b = (b + a) | 0;
  }
  for (let i = words.length * 4; i < bytes.byteLength; i++) {
    a = (a + bytes[i]) | 0;
    b = (b + a) | 0;
  }
  return `${(a >>> 0).toString(16)}-${(b >>> 0).toString(16)}`;
}

async function inflate(bytes, encoding) {
  if (encoding === "identity") return bytes;
  if (encoding !== "gzip") throw new Error(`snapshot encoding ${encoding} is not supported`);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).arrayBuffer();
}

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
  // A copy kept in an earlier form (gzipped, without the headers) is dropped, to be kept
  // again in this one.
  async function find(snap) {
    if (!cacheStorage) return { why: "not-cached" };
    try {
      const cache = await open();
      if (await cache.match(markOf(snap))) return { why: "rejected" };
      const response = await cache.match(urlOf(snap));
      if (response && !response.headers.has(SUM)) await cache.delete(urlOf(snap));
      return response?.headers.has(SUM) ? { response } : { why: "not-cached" };
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

  // The kept copy's bytes, read and checked as the comment at the top says; throws unless
  // they are the ones kept for this build's snapshot. `mark` names the steps (the bench).
  async function read(response, snap, mark = () => {}) {
    if (response.headers.get(VERIFIED) !== snap.sha256) {
      throw new Error("snapshot: the kept copy was checked against another build's manifest");
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    mark("read");
    if (bytes.byteLength !== snap.raw_bytes) {
      throw new Error(`snapshot: ${bytes.byteLength} bytes kept, the manifest says ${snap.raw_bytes}`);
    }
    if (checksum(bytes) !== response.headers.get(SUM)) {
      throw new Error("snapshot: the kept copy's checksum differs from the one taken when it was kept");
    }
    mark("verified");
    return bytes;
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
    const raw = new Uint8Array(await inflate(packed, snap.encoding));
    if (raw.byteLength !== snap.raw_bytes) throw new Error("snapshot: wrong length once inflated");
    const headers = { "Content-Type": "application/octet-stream", [VERIFIED]: snap.sha256, [SUM]: checksum(raw) };
    await cache.put(urlOf(snap), new Response(raw, { headers }));
    for (const request of await cache.keys()) {
      if (!request.url.startsWith(urlOf(snap))) await cache.delete(request);
    }
    return { kept: true };
  }

  return { name, find, read, reject, keep };
}
