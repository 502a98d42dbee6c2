import { FuzzChild } from "./child.js";
import { layout, requestAt } from "./generator.js";
import { Connection } from "./wire.js";

/** The seed of the warm-up requests, apart from any campaign's. */
export const WARM_UP_SEED = 0x5eed;

/**
 * A fuzzed Skiff that has answered one valid-looking request for every operation of both services
 * (a warm-up seed's valid sweep): V8 compiles each code path on first use, and the first pass over
 * them holds the event loop a while. The event-loop measure starts after it.
 */
export async function startWarmChild(): Promise<FuzzChild> {
  const child = await FuzzChild.start();
  let next = layout.validSweep;
  const worker = async () => {
    const connection = new Connection(child.port, 30_000);
    while (next < layout.familySweep && child.alive) await connection.send(requestAt(WARM_UP_SEED, next++));
    connection.close();
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  await child.stats();
  return child;
}
