// The Python worker's byte meter (py-worker.mjs).
//
// Count the bytes of everything Pyodide fetches, so the page can show real progress. The
// counting reads a clone: the original response goes to Pyodide untouched, so the browser
// still compiles the wasm while it streams in (a wrapped body would cost ~0.7 s here).
// `expect` names the files this boot still needs; a file fetched again (the plain boot
// after a failed restore) counts once, and bytes of a file given up on (an abandoned
// snapshot) stay in both the count and the total, since they were downloaded.
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

// `post` sends a message to the page; `siteRoot` resolves relative URLs.
export function byteMeter({ siteRoot, post }) {
  const plainFetch = self.fetch.bind(self);
  const expected = new Map();
  const seen = new Map();
  let lastPost = 0;
  const totals = () => {
    let loaded = 0;
    let total = sum([...expected.values()]);
    for (const [url, n] of seen) {
      loaded += expected.has(url) ? Math.min(n, expected.get(url)) : n;
      if (!expected.has(url)) total += n;
    }
    return { loaded, total };
  };
  const report = (force) => {
    const now = Date.now();
    if (force || now - lastPost > 80) {
      lastPost = now;
      post({ type: "progress", ...totals() });
    }
  };
  const count = async (url, body) => {
    const reader = body.getReader();
    let n = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      n += value.byteLength;
      seen.set(url, Math.max(seen.get(url) ?? 0, n));
      report(false);
    }
    report(true);
  };
  const fetch = async (input, init) => {
    const response = await plainFetch(input, init);
    const url = new URL(input.url ?? input, siteRoot).href;
    if (response.ok && response.body) count(url, response.clone().body).catch(() => {});
    return response;
  };
  self.fetch = fetch;
  return {
    fetch,
    plainFetch,
    expect(files) {
      expected.clear();
      for (const [url, bytes] of files) expected.set(url, bytes);
      report(true);
    },
    done() {
      const { total } = totals();
      post({ type: "progress", loaded: total, total });
    },
  };
}
