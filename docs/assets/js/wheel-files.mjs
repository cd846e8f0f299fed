// The engine's wheels, unpacked by the Python worker itself (py-worker.mjs) into
// site-packages before the interpreter starts (loadPyodide's `fsInit`), instead of by
// pyodide.loadPackage once Python is up. The wheels are pure Python, so installing one is
// only writing its files; loadPackage did that in Python, after the runtime had booted,
// and cost 0.15-0.7 s of a first visit's quiz-ready time (#20). This way the files are
// inflated while the runtime still downloads and compiles, and written in a few ms.
//
// A wheel is a zip archive: its central directory, at the end, lists each file's name,
// compression (stored or deflate) and where its local header is.

const text = new TextDecoder();
const EOCD = 0x06054b50; // end of central directory
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

async function inflate(packed, method) {
  if (method === 0) return packed.slice();
  if (method !== 8) throw new Error(`wheel: compression method ${method} is not supported`);
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// A name that stays inside site-packages: no absolute path, no "..", no backslash.
function safeName(name) {
  const parts = name.split("/");
  if (name.startsWith("/") || name.includes("\\") || parts.some((p) => p === ".." || p === ".")) {
    throw new Error(`wheel: refusing the path ${name}`);
  }
  return name;
}

// The files of one wheel, [{ name, data: Promise<Uint8Array> }]; each starts inflating at
// once. Throws on anything that is not a plain zip archive.
export function unzip(buffer) {
  const bytes = new Uint8Array(buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.byteLength - 22;
  while (end >= 0 && view.getUint32(end, true) !== EOCD) end -= 1;
  if (end < 0) throw new Error("wheel: not a zip archive");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const files = [];
  for (let i = 0; i < count; i += 1) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error("wheel: damaged central directory");
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = text.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + skip;
    if (name.endsWith("/")) continue; // a folder: made with the files in it
    if (view.getUint32(local, true) !== LOCAL) throw new Error("wheel: damaged file header");
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + size > bytes.byteLength) throw new Error("wheel: truncated");
    const data = inflate(bytes.subarray(start, start + size), method);
    data.catch(() => {}); // awaited by writeWheels, which reports it
    files.push({ name: safeName(name), data });
  }
  return files;
}

// Fetches each wheel and unzips it as soon as it is here: resolves to every file of
// every wheel. `fetch` is the worker's own (its bytes count in the progress bar).
export function fetchWheels(urls, fetch) {
  const one = async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`engine wheel ${url.split("/").pop()}: HTTP ${response.status}`);
    return unzip(await response.arrayBuffer());
  };
  return Promise.all(urls.map(one)).then((lists) => lists.flat());
}

// loadPyodide's fsInit: writes the files into site-packages, before Python starts.
export async function writeWheels(FS, sitePackages, files) {
  for (const { name, data } of await files) {
    const path = `${sitePackages}/${name}`;
    FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    FS.writeFile(path, await data);
  }
}
