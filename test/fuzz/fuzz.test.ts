import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { findingsOf } from "./report.js";
import { runCampaign, type CampaignResult, type FindingKind } from "./run.js";

/**
 * The bounded fuzz campaign of `npm test` (issue 10): a fixed seed, and one seed of the day so that
 * new cases keep coming; `node dist/bench/fuzz.js` runs 100,000. Any failing request is printed
 * with the command that regenerates it.
 */
const FIXED = { seed: 1, from: 0, count: 3000 };
const today = Number(new Date().toISOString().slice(0, 10).replace(/-/g, ""));
const DAILY = { seed: today, from: 0, count: 1000 };

describe(`fuzz campaign: seed ${FIXED.seed} × ${FIXED.count} and seed ${DAILY.seed} × ${DAILY.count}`, () => {
  let result: CampaignResult;
  before(async () => {
    result = await runCampaign({ ranges: [FIXED, DAILY], concurrency: 16 });
  });

  const none = (kind: FindingKind, what: string) =>
    it(`has ${what}`, () => {
      assert.equal(result.counts.get(kind) ?? 0, 0, findingsOf(result, kind));
    });

  it("sent every request", (t) => {
    assert.equal(result.requests, FIXED.count + DAILY.count);
    t.diagnostic(`${result.requests} requests in ${(result.durationMs / 1000).toFixed(1)} s; longest event-loop delay ${result.maxDelayMs.toFixed(0)} ms`);
  });
  none("status", "no answer of 500 or more but NotImplementedException for operations Skiff does not implement");
  none("envelope", "every error in its protocol's envelope");
  none("dropped", "no connection dropped without an answer");
  none("timeout", "no request left unanswered");
  none("exit", "no process exit");
  none("eventLoop", "no event-loop delay over 100 ms that a replay confirms");
  none("pollution", "no property added to a built-in prototype");
  none("health", "a server still answering real SDK calls correctly afterwards");

  it("logged no bug on the server", () => {
    assert.deepEqual(result.bugs.map((b) => b.error.split("\n")[0]), []);
  });
});
