// The worker's own wheel unzipping (docs/assets/js/wheel-files.mjs), without a browser:
// real zip archives, made here with deflate and stored entries, written into a fake FS.
import assert from "node:assert/strict";
import { test } from "node:test";
import { deflateRawSync } from "node:zlib";

const { fetchWheels, unzip, writeWheels } = await import("../../../docs/assets/js/wheel-files.mjs");

// A zip archive of [name, text, method] entries (CRCs left 0: the reader does not check them).
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, body, method = 8] of entries) {
    const nameBytes = Buffer.from(name);
    const raw = Buffer.from(body);
    const packed = method === 8 ? deflateRawSync(raw) : raw;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

function fakeFS() {
  const files = new Map();
  const dirs = new Set();
  return {
    files,
    dirs,
    mkdirTree: (path) => dirs.add(path),
    writeFile: (path, data) => files.set(path, new TextDecoder().decode(data)),
  };
}

test("unzips deflated and stored files, skipping folder entries", async () => {
  const archive = zip([
    ["pkg/", ""],
    ["pkg/__init__.py", "x = 1\n".repeat(50)],
    ["pkg-1.0.dist-info/METADATA", "Name: pkg\n", 0],
  ]);
  const files = unzip(archive.buffer.slice(archive.byteOffset, archive.byteOffset + archive.length));
  assert.deepEqual(
    files.map((f) => f.name),
    ["pkg/__init__.py", "pkg-1.0.dist-info/METADATA"],
  );
  const FS = fakeFS();
  await writeWheels(FS, "/lib/python3.14/site-packages", files);
  assert.equal(FS.files.get("/lib/python3.14/site-packages/pkg/__init__.py"), "x = 1\n".repeat(50));
  assert.equal(FS.files.get("/lib/python3.14/site-packages/pkg-1.0.dist-info/METADATA"), "Name: pkg\n");
  assert.ok(FS.dirs.has("/lib/python3.14/site-packages/pkg"));
});

test("refuses what is not a zip archive, a truncated one, and paths out of site-packages", () => {
  assert.throws(() => unzip(new Uint8Array(100)), /not a zip archive/);
  const good = zip([["a.py", "print(1)\n".repeat(40)]]);
  const cut = Buffer.concat([good.subarray(0, 40), good.subarray(good.length - 68)]);
  assert.throws(() => unzip(cut), /wheel:/);
  for (const name of ["../evil.py", "/etc/evil.py", "pkg/../../evil.py", "pkg\\evil.py"]) {
    assert.throws(() => unzip(zip([[name, "x"]])), /refusing the path/);
  }
});

test("a wheel that does not arrive fails with its name and status", async () => {
  const fetch = async (url) =>
    url.endsWith("b.whl") ? new Response("no", { status: 404 }) : new Response(zip([["a.py", "a = 1\n"]]));
  await assert.rejects(fetchWheels(["https://x/a.whl", "https://x/b.whl"], fetch), /engine wheel b\.whl: HTTP 404/);
  const files = await fetchWheels(["https://x/a.whl"], fetch);
  assert.deepEqual(
    files.map((f) => f.name),
    ["a.py"],
  );
});
