// The checksum kept beside an inflated snapshot (docs/assets/js/snapshot-store.mjs): the
// browser tests mirror it in Python (tests/browser/snapshot_helpers.py), so both are
// pinned here on the same bytes, and it must change with any damage a disk can do.
import assert from "node:assert/strict";
import { test } from "node:test";
import { checksum } from "../../../docs/assets/js/snapshot-store.mjs";

const bytes = (n) => Uint8Array.from({ length: n }, (_, i) => (i * 131 + 7) & 255);

test("the checksum of known bytes, as the Python mirror computes it", () => {
  assert.equal(checksum(new Uint8Array(0)), "0-0");
  assert.equal(checksum(Uint8Array.of(1, 0, 0, 0, 2, 0, 0, 0, 3)), "6-a");
});

test("any one bit flipped, a truncation, or two words swapped changes it", () => {
  const good = bytes(4099);
  const sum = checksum(good);
  for (const at of [0, 1, 2048, 4095, 4098]) {
    const bad = good.slice();
    bad[at] ^= 1;
    assert.notEqual(checksum(bad), sum, `bit flipped at ${at}`);
  }
  assert.notEqual(checksum(good.subarray(0, 4096)), sum);
  const swapped = good.slice();
  swapped.set(good.subarray(8, 12), 16);
  swapped.set(good.subarray(16, 20), 8);
  assert.notEqual(checksum(swapped), sum);
});
