import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createLimiter } from "./limiter.js";

describe("createLimiter", () => {
  it("runs at most its slots at once and starts the waiting ones in order as slots free up", async () => {
    const limiter = createLimiter(2);
    const started: number[] = [];
    let concurrent = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const jobs = [0, 1, 2, 3, 4].map((n) =>
      limiter.run(async () => {
        started.push(n);
        most = Math.max(most, ++concurrent);
        await new Promise<void>((resolve) => releases.push(resolve));
        concurrent--;
        return n * 10;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(started, [0, 1]);
    assert.equal(limiter.running, 2);
    while (releases.length > 0) {
      releases.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.deepEqual(await Promise.all(jobs), [0, 10, 20, 30, 40]);
    assert.deepEqual(started, [0, 1, 2, 3, 4]);
    assert.equal(most, 2);
    assert.equal(limiter.running, 0);
  });

  it("frees the slot of work that fails", async () => {
    const limiter = createLimiter(1);
    await assert.rejects(limiter.run(() => Promise.reject(new Error("boom"))), /boom/);
    assert.equal(limiter.running, 0);
    assert.equal(await limiter.run(async () => "next"), "next");
  });

  it("refuses fewer than one slot", () => {
    assert.throws(() => createLimiter(0), /at least one slot/);
  });
});
