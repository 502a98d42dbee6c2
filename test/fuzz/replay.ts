import type { FuzzChild } from "./child.js";
import { requestAt } from "./generator.js";
import type { Finding } from "./run.js";
import { startWarmChild } from "./warm.js";
import { Connection, type Exchange } from "./wire.js";

const sendOne = async (port: number, at: string, timeoutMs: number): Promise<Exchange> => {
  const [seed, index] = at.split(":").map(Number);
  const connection = new Connection(port, timeoutMs);
  try {
    return await connection.send(requestAt(seed!, index!));
  } catch (e) {
    return { kind: "dropped", error: (e as Error).message, received: 0, ms: 0 };
  } finally {
    connection.close();
  }
};

/** The event loop's longest delay while these requests are sent at once (each on its own connection) to a child doing nothing else. */
async function delayWhile(child: FuzzChild, send: () => Promise<unknown>): Promise<number> {
  await child.stats();
  await send();
  // The histogram samples every 10 ms: give it one more sample after the answers.
  await new Promise((resolve) => setTimeout(resolve, 20));
  return (await child.stats()).maxDelayMs;
}

/** One request sent alone: its answer and the event loop's longest delay meanwhile. */
export async function sendAlone(child: FuzzChild, at: string, timeoutMs = 60_000): Promise<{ exchange: Exchange; delayMs: number }> {
  let exchange: Exchange | undefined;
  const delayMs = await delayWhile(child, async () => (exchange = await sendOne(child.port, at, timeoutMs)));
  return { exchange: exchange!, delayMs };
}

/**
 * Replays each event-loop finding in a fresh, warmed-up Skiff: each suspect alone, then (if none
 * holds the loop alone) all of them at once. A stall that repeats is confirmed and names what
 * repeats it; one that repeats neither way came from the load around it (other processes on the
 * machine, the fuzzer's own work), and becomes an `eventLoopUnconfirmed` finding.
 */
export async function confirmStalls(findings: Finding[], maxDelayMs: number, maxFindings = 4, maxSuspects = 12): Promise<void> {
  const stalls = findings.filter((f) => f.kind === "eventLoop");
  if (stalls.length === 0) return;
  const child = await startWarmChild();
  try {
    for (const [n, stall] of stalls.entries()) {
      if (n >= maxFindings || !child.alive) {
        stall.detail += "; not replayed";
        continue;
      }
      const suspects = (stall.suspects ?? []).slice(0, maxSuspects);
      const alone: string[] = [];
      let culprit: string | undefined;
      for (const at of suspects) {
        const { delayMs } = await sendAlone(child, at);
        alone.push(`${at} ${delayMs.toFixed(0)} ms`);
        if (delayMs > maxDelayMs && culprit === undefined) culprit = at;
      }
      if (culprit) {
        stall.at = culprit;
        stall.detail += `; ${culprit} holds it alone (alone: ${alone.join(", ")})`;
        continue;
      }
      const together = await delayWhile(child, () => Promise.all(suspects.map((at) => sendOne(child.port, at, 60_000))));
      if (together > maxDelayMs) stall.detail += `; the suspects together hold it ${together.toFixed(0)} ms (alone: ${alone.join(", ")})`;
      else {
        stall.kind = "eventLoopUnconfirmed";
        stall.detail += `; repeats neither alone (${alone.join(", ")}) nor together (${together.toFixed(0)} ms)`;
      }
    }
  } finally {
    await child.stop();
  }
}
