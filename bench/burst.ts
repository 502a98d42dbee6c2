/**
 * Does the worker keep up? A burst of CreateInstances calls (one instance each, sim driver, zero
 * transition time), then the time from the last answer until every instance is `running`.
 */
import { json, lightsailCall, type BenchClient } from "./clients.js";
import { median } from "./load.js";
import { CREATE, idle, lightsailInstances, reset, type Bench } from "./setup.js";

export interface BurstResult {
  instances: number;
  concurrency: number;
  /** First call sent → last answer received. */
  burstMs: number;
  /** Last answer → the worker idle with every instance running. */
  lagMs: number;
}

async function runningCount(raw: BenchClient, prefix: string): Promise<number> {
  let running = 0;
  for (let pageToken: string | undefined; ; ) {
    const page = json(await raw.send(lightsailCall("GetInstances", pageToken ? { pageToken } : {})));
    for (const i of page.instances as { name: string; state: { name: string } }[]) {
      if (i.name.startsWith(prefix) && i.state.name === "running") running++;
    }
    pageToken = page.nextPageToken;
    if (!pageToken) return running;
  }
}

async function burstOnce(b: Bench, instances: number, concurrency: number): Promise<BurstResult> {
  await reset(b);
  await lightsailInstances(b, ["bench-first"]); // the default key pair exists before the burst
  const prefix = `burst${b.serial()}-`;
  let next = 0;
  let lastAnswer = 0;
  const started = performance.now();
  const caller = async () => {
    for (let i = next++; i < instances; i = next++) {
      await b.raw.send(lightsailCall("CreateInstances", { ...CREATE, instanceNames: [`${prefix}${i}`] }));
      lastAnswer = performance.now();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  await idle(b);
  const idleAt = performance.now();
  const running = await runningCount(b.raw, prefix);
  if (running !== instances) throw new Error(`burst: the worker was idle with ${running} of ${instances} instances running`);
  return { instances, concurrency, burstMs: lastAnswer - started, lagMs: idleAt - lastAnswer };
}

/** Median of `runs` bursts, each on a reset state. */
export async function measureBurst(b: Bench, instances: number, concurrency: number, runs: number) {
  const all: BurstResult[] = [];
  for (let r = 0; r < runs; r++) all.push(await burstOnce(b, instances, concurrency));
  return {
    instances,
    concurrency,
    burstMs: median(all.map((r) => r.burstMs)),
    lagMs: median(all.map((r) => r.lagMs)),
    lags: all.map((r) => r.lagMs),
  };
}
