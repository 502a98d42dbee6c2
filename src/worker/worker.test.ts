import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { createSimDriver } from "../compute/sim/sim-driver.js";
import { createClock, type Clock } from "../core/clock.js";
import { createLogger } from "../core/log.js";
import { openSqliteStore } from "../state/sqlite/sqlite-store.js";
import type { Store } from "../state/store.js";
import { waitFor } from "../../test/helpers/wait.js";
import type { JobHandler } from "./job.js";
import { createStorage } from "./storage.js";
import { createWorker, type Worker } from "./worker.js";

const scope = { account: "000000000000", region: "us-east-1" };
const HOUR = 3_600_000;

describe("worker", () => {
  let clock: Clock;
  let store: Store;
  let worker: Worker;
  let ran: number[];
  const recorder: JobHandler<{ n: number }> = {
    async run(job, _env, finish) {
      ran.push(job.payload.n);
      await finish(async () => {});
    },
    async fail() {},
  };

  beforeEach(async () => {
    clock = createClock();
    store = openSqliteStore(":memory:");
    ran = [];
    worker = createWorker(env(), { record: { handler: recorder, resource: () => "r" } });
    await worker.start();
  });
  afterEach(async () => {
    await worker.stop();
    await store.close();
  });

  const env = () => {
    const driver = createSimDriver({ clock, transitionMs: 0 });
    return { store, clock, driver, storage: createStorage({ driver, clock, simulatedMs: 0 }), log: createLogger(false, clock.now) };
  };
  const enqueue = (n: number, runAt: number) => store.transaction((tx) => tx.jobs.enqueue(scope, "record", { n }, runAt));

  it("runs a job scheduled in the future as soon as the clock is advanced past it", async () => {
    await enqueue(1, clock.now() + HOUR);
    worker.kick();
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(ran, []);
    clock.advance(HOUR);
    await waitFor(async () => (ran.length > 0 ? true : undefined), "the job to run", 1000);
    assert.deepEqual(ran, [1]);
  });

  it("still follows clock moves after a stop and start (an admin reset)", async () => {
    await worker.stop();
    await worker.start();
    await enqueue(2, clock.now() + HOUR);
    worker.kick();
    await new Promise((r) => setTimeout(r, 20));
    clock.advance(HOUR);
    // Not idle(): it would look for due jobs itself. The clock move alone must wake the worker.
    await waitFor(async () => (ran.length > 0 ? true : undefined), "the job to run", 1000);
    assert.deepEqual(ran, [2]);
  });

  it("keeps a job that was interrupted by stop and runs it after the next start", async () => {
    const blocked: JobHandler<{ n: number }> = {
      async run(job, env, finish) {
        await env.clock.sleep(HOUR, abort.signal);
        ran.push(job.payload.n);
        await finish(async () => {});
      },
      async fail() {},
    };
    const abort = new AbortController();
    await worker.stop();
    worker = createWorker(env(), { record: { handler: blocked, resource: () => "r" } });
    await worker.start();
    await store.transaction((tx) => tx.jobs.enqueue(scope, "record", { n: 3 }, clock.now()));
    worker.kick();
    await new Promise((r) => setTimeout(r, 20));
    const stopping = worker.stop();
    abort.abort(new Error("interrupted"));
    await stopping;
    assert.equal(await store.read((tx) => tx.jobs.pending()), 1);
    worker = createWorker(env(), { record: { handler: recorder, resource: () => "r" } });
    await worker.start();
    await worker.idle();
    assert.deepEqual(ran, [3]);
  });
});
