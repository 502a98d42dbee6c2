import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createClock } from "./clock.js";

describe("clock", () => {
  it("wakes a sleeper when advanced past its time, not before", async () => {
    const clock = createClock(Date.UTC(2026, 0, 1));
    let woke = false;
    const sleeping = clock.sleep(60_000).then(() => (woke = true));
    clock.advance(59_000);
    await new Promise((r) => setImmediate(r));
    assert.equal(woke, false);
    clock.advance(1_000);
    await sleeping;
    assert.equal(woke, true);
  });

  it("wakes a sleeper when set past its time", async () => {
    const clock = createClock(Date.UTC(2026, 0, 1));
    const sleeping = clock.sleep(86_400_000);
    clock.set(Date.UTC(2026, 0, 3));
    await sleeping;
    assert.equal(clock.date().toISOString().slice(0, 10), "2026-01-03");
  });

  it("rejects a sleep with the abort reason and leaves no timer behind", async () => {
    const clock = createClock();
    const abort = new AbortController();
    const sleeping = clock.sleep(3_600_000, abort.signal);
    abort.abort(new Error("closed"));
    await assert.rejects(sleeping, /closed/);
    await assert.rejects(clock.sleep(10, abort.signal), /closed/);
  });

  it("sleeps longer than setTimeout's limit without overflowing the timer or waking early", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on("warning", onWarning);
    const clock = createClock();
    let woke = false;
    const abort = new AbortController();
    const sleeping = clock.sleep(40 * 86_400_000, abort.signal).then(() => (woke = true), () => undefined);
    await new Promise((r) => setTimeout(r, 20));
    abort.abort(new Error("done"));
    await sleeping;
    process.off("warning", onWarning);
    assert.equal(woke, false);
    assert.deepEqual(warnings.filter((w) => w === "TimeoutOverflowWarning"), []);
  });

  it("tells listeners when it is moved", () => {
    const clock = createClock();
    let moves = 0;
    const off = clock.onChange(() => moves++);
    clock.advance(1);
    clock.set(clock.now() + 5);
    off();
    clock.advance(1);
    assert.equal(moves, 2);
  });

  it("refuses to move backwards", () => {
    assert.throws(() => createClock().advance(-1), RangeError);
  });
});
