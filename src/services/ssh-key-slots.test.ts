import assert from "node:assert/strict";
import { availableParallelism } from "node:os";
import { describe, it } from "node:test";
import { KEY_SLOTS, keySlots, makeSshKey } from "./ssh-key-slots.js";

describe("makeSshKey", () => {
  it("makes at most one key fewer at once than the machine has cores (at least one), leaving the event loop a core", async () => {
    assert.equal(KEY_SLOTS, Math.max(1, availableParallelism() - 1));
    const keys = [1, 2, 3, 4, 5].map((n) => makeSshKey(`slot-${n}`));
    assert.equal(keySlots.running, Math.min(5, KEY_SLOTS));
    const made = await Promise.all(keys);
    assert.deepEqual(made.map((k) => k.publicKey.split(" ")[2]), ["slot-1", "slot-2", "slot-3", "slot-4", "slot-5"]);
    assert.equal(new Set(made.map((k) => k.fingerprint)).size, 5);
    assert.equal(keySlots.running, 0);
  });
});
