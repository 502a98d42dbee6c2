/**
 * The region's first CreateInstances makes the default key pair (RSA 2048). How long do other
 * calls wait meanwhile? A caller sends GetInstances one after another while the create is under
 * way; the figure is the longest of its answers.
 */
import { lightsailCall } from "./clients.js";
import { median } from "./load.js";
import { CREATE, reset, type Bench } from "./setup.js";

async function stallOnce(b: Bench): Promise<{ createMs: number; longestOtherMs: number; otherCalls: number }> {
  await reset(b);
  let creating = true;
  const started = performance.now();
  const create = b.raw.send(lightsailCall("CreateInstances", { ...CREATE, instanceNames: [`first-${b.serial()}`] })).finally(() => (creating = false));
  let longest = 0;
  let calls = 0;
  while (creating) {
    const t0 = performance.now();
    await b.raw.send(lightsailCall("GetInstances", {}));
    longest = Math.max(longest, performance.now() - t0);
    calls++;
  }
  await create;
  return { createMs: performance.now() - started, longestOtherMs: longest, otherCalls: calls };
}

/** Medians of `runs`, each on a reset state (so each makes a new default key pair). */
export async function measureFirstKeyStall(b: Bench, runs: number) {
  const all = [];
  for (let r = 0; r < runs; r++) all.push(await stallOnce(b));
  return {
    createMs: median(all.map((x) => x.createMs)),
    longestOtherMs: median(all.map((x) => x.longestOtherMs)),
    otherCalls: median(all.map((x) => x.otherCalls)),
  };
}
