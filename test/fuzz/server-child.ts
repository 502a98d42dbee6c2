/**
 * The Skiff under fuzz, in a process of its own (sim driver, in memory): an exit is seen as an
 * exit, and its event loop is measured apart from the fuzzer's. It sends `{ port }` once
 * listening, and answers each `{ type: "stats" }` with the event loop's longest delay since the
 * last one (then starts measuring afresh), its memory, and any property that appeared on
 * Object.prototype or Array.prototype (prototype pollution).
 */
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import { startSkiff } from "../../src/skiff.js";

export interface ChildStats {
  type: "stats";
  /** Longest event-loop delay since the last stats, in ms (the histogram's max, sampled every 10 ms). */
  maxDelayMs: number;
  /** Longest garbage-collection pause since the last stats, in ms (a stall with one as long is the collector's). */
  maxGcMs: number;
  /** CPU time of the whole process (all its threads) since the last stats, and the wall time, in ms. */
  cpuMs: number;
  wallMs: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** Properties that were not on the built-in prototypes when the child started. */
  pollution: string[];
}

export type ChildMessage = { type: "ready"; port: number } | ChildStats;

const baseline = new Map<object, Set<string>>([
  [Object.prototype, new Set(Object.getOwnPropertyNames(Object.prototype))],
  [Array.prototype, new Set(Object.getOwnPropertyNames(Array.prototype))],
]);

function pollution(): string[] {
  const found: string[] = [];
  for (const [proto, names] of baseline) {
    for (const name of Object.getOwnPropertyNames(proto)) if (!names.has(name)) found.push(`${proto === Object.prototype ? "Object" : "Array"}.prototype.${name}`);
  }
  return found;
}

let maxGcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) maxGcMs = Math.max(maxGcMs, entry.duration);
}).observe({ entryTypes: ["gc"] });
let cpu = process.cpuUsage();
let wall = performance.now();

const skiff = await startSkiff({ port: 0, inMemory: true, driver: "sim", log: false });
const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();

process.on("message", (message: { type?: string }) => {
  if (message?.type !== "stats") return;
  const stats: ChildStats = {
    type: "stats",
    maxDelayMs: histogram.max / 1e6,
    maxGcMs,
    cpuMs: ((used) => (used.user + used.system) / 1000)(process.cpuUsage(cpu)),
    wallMs: performance.now() - wall,
    rssBytes: process.memoryUsage.rss(),
    heapUsedBytes: process.memoryUsage().heapUsed,
    pollution: pollution(),
  };
  histogram.reset();
  maxGcMs = 0;
  cpu = process.cpuUsage();
  wall = performance.now();
  process.send!(stats);
});
process.on("disconnect", () => void skiff.close().finally(() => process.exit(0)));
process.send!({ type: "ready", port: skiff.port } satisfies ChildMessage);
