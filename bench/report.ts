/** The one table `npm run bench` prints (markdown), and the budget verdicts above it. */
import { cpus, loadavg } from "node:os";
import type { BurstResult } from "./burst.js";
import type { GrowthResult } from "./growth.js";
import type { LoadResult } from "./load.js";

export const BUDGETS = {
  getInstanceC16PerSecond: 5000,
  getInstanceP50Ms: 1,
  pageP50Ms: 5,
  /** The issue's 300 MB, in the MiB that /proc reports. */
  rssMiB: 300e6 / 2 ** 20,
  coldStartMs: 300,
  burstLagMs: 2000,
};

export interface Cell {
  scenario: string;
  note?: string;
  client: string;
  concurrency: number;
  calls: number;
  result: LoadResult & { serverCpuUsPerCall: number };
}

export interface Results {
  mode: string;
  command: string;
  startedAt: string;
  loadAverageAtStart: number[];
  baseline?: { nodeStartMs: number; bareHttpC16: LoadResult; bareHttpC1: LoadResult };
  coldStart?: { medianMs: number; runs: number[]; idleRssMiB: number };
  cells: Cell[];
  growth: GrowthResult[];
  burst?: BurstResult & { lags: number[] };
  stall?: { createMs: number; longestOtherMs: number; otherCalls: number };
  seconds?: number;
}

const f = (n: number, digits = 2) => n.toFixed(digits);
const verdict = (ok: boolean) => (ok ? "within" : "**over**");

function budgetRows(r: Results): string[] {
  const rows: string[] = [];
  const get = (c: number) => r.cells.find((x) => x.scenario === "GetInstance" && x.client === "raw HTTP" && x.concurrency === c);
  const c16 = get(16);
  const c1 = get(1);
  const bare = r.baseline?.bareHttpC16;
  if (c16) {
    const ratio = bare ? ` (${f((c16.result.requestsPerSecond / bare.requestsPerSecond) * 100, 0)}% of a bare node:http server's ${f(bare.requestsPerSecond, 0)}/s in this run)` : "";
    rows.push(`| GetInstance, raw HTTP, concurrency 16 | ${f(c16.result.requestsPerSecond, 0)} calls/s${ratio} | ≥ ${BUDGETS.getInstanceC16PerSecond}/s | ${verdict(c16.result.requestsPerSecond >= BUDGETS.getInstanceC16PerSecond)} |`);
    rows.push(`| GetInstance p50, raw HTTP, concurrency 16 | ${f(c16.result.p50Ms, 3)} ms${bare ? ` (bare node:http: ${f(bare.p50Ms, 3)} ms)` : ""} | ≤ ${BUDGETS.getInstanceP50Ms} ms | ${verdict(c16.result.p50Ms <= BUDGETS.getInstanceP50Ms)} |`);
  }
  if (c1) rows.push(`| GetInstance p50, raw HTTP, concurrency 1 | ${f(c1.result.p50Ms, 3)} ms | ≤ ${BUDGETS.getInstanceP50Ms} ms | ${verdict(c1.result.p50Ms <= BUDGETS.getInstanceP50Ms)} |`);
  const top = r.growth[r.growth.length - 1];
  if (top) {
    for (const read of top.reads) {
      if (read.name.startsWith("GetInstance ")) continue;
      rows.push(`| ${read.name} p50 at ${top.step.label} | ${f(read.result.p50Ms, 3)} ms | ≤ ${BUDGETS.pageP50Ms} ms | ${verdict(read.result.p50Ms <= BUDGETS.pageP50Ms)} |`);
    }
    rows.push(`| peak RSS at ${top.step.label} (after the reads) | ${f(top.peakRssMiB, 0)} MiB | ≤ 300 MB (${f(BUDGETS.rssMiB, 0)} MiB) | ${verdict(top.peakRssMiB <= BUDGETS.rssMiB)} |`);
    rows.push(`| cold start at ${top.step.label} (median of ${top.coldStarts.length}) | ${f(top.coldStartMs, 0)} ms${r.baseline ? ` (\`node -e 0\`: ${f(r.baseline.nodeStartMs, 0)} ms)` : ""} | ≤ ${BUDGETS.coldStartMs} ms | ${verdict(top.coldStartMs <= BUDGETS.coldStartMs)} |`);
  }
  if (r.coldStart) {
    rows.push(`| cold start, empty state (median of ${r.coldStart.runs.length}) | ${f(r.coldStart.medianMs, 0)} ms (runs ${r.coldStart.runs.map((t) => f(t, 0)).join(", ")}) | ≤ ${BUDGETS.coldStartMs} ms | ${verdict(r.coldStart.medianMs <= BUDGETS.coldStartMs)} |`);
  }
  if (r.burst) {
    const b = r.burst;
    rows.push(`| ${b.instances} CreateInstances at concurrency ${b.concurrency}: last answer → all running (median; runs ${b.lags.map((l) => f(l, 0)).join(", ")}) | ${f(b.lagMs, 0)} ms (burst took ${f(b.burstMs, 0)} ms) | ≤ ${BUDGETS.burstLagMs} ms | ${verdict(b.lagMs <= BUDGETS.burstLagMs)} |`);
  }
  if (r.stall) {
    const s = r.stall;
    rows.push(`| the region's first CreateInstances (makes the default key pair): its answer; the longest wait of ${s.otherCalls} GetInstances sent meanwhile (medians of 3) | ${f(s.createMs, 0)} ms; ${f(s.longestOtherMs, 1)} ms | | |`);
  }
  return rows;
}

export function markdown(r: Results): string {
  const cpu = cpus();
  const lines = [
    `## Skiff benchmark (${r.mode})`,
    "",
    `\`${r.command}\` — node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${r.startedAt}, load average at start ${r.loadAverageAtStart.map((l) => f(l, 2)).join(" ")}${r.seconds ? `, ${f(r.seconds, 0)} s in all` : ""}`,
    "",
    "| figure | measured | budget | |",
    "|---|---|---|---|",
    ...budgetRows(r),
  ];
  if (r.cells.length > 0) {
    lines.push(
      "",
      "| scenario | client | concurrency | calls per run | calls/s | p50 ms | p99 ms | p99.9 ms | server CPU µs/call |",
      "|---|---|--:|--:|--:|--:|--:|--:|--:|",
      ...r.cells.map(
        (c) =>
          `| ${c.scenario} | ${c.client} | ${c.concurrency} | ${c.calls} | ${f(c.result.requestsPerSecond, 0)} | ${f(c.result.p50Ms, 3)} | ${f(c.result.p99Ms, 3)} | ${f(c.result.p999Ms, 3)} | ${f(c.result.serverCpuUsPerCall, 0)} |`,
      ),
    );
    const notes = [...new Map(r.cells.filter((c) => c.note).map((c) => [c.scenario, c.note!])).entries()];
    for (const [scenario, note] of notes) lines.push("", `${scenario}: ${note}.`);
  }
  if (r.growth.length > 0) {
    const head = r.growth.map((g) => g.step.label);
    lines.push(
      "",
      `| growth (raw HTTP, concurrency 1; p50 / p99 ms) | ${head.join(" | ")} |`,
      `|---|${head.map(() => "--:").join("|")}|`,
      ...r.growth[0]!.reads.map((read) => `| ${read.name} | ${r.growth.map((g) => {
        const x = g.reads.find((y) => y.name === read.name)!.result;
        return `${f(x.p50Ms, 3)} / ${f(x.p99Ms, 3)}`;
      }).join(" | ")} |`),
      `| cold start, median ms (runs) | ${r.growth.map((g) => `${f(g.coldStartMs, 0)} (${g.coldStarts.map((t) => f(t, 0)).join(", ")})`).join(" | ")} |`,
      `| RSS idle after start, MiB | ${r.growth.map((g) => f(g.idleRssMiB, 0)).join(" | ")} |`,
      `| RSS after the reads / peak, MiB | ${r.growth.map((g) => `${f(g.rssAfterReadsMiB, 0)} / ${f(g.peakRssMiB, 0)}`).join(" | ")} |`,
      `| database file, MiB (seeded in s) | ${r.growth.map((g) => `${f(g.dbMiB, 0)} (${f(g.seedSeconds, 1)})`).join(" | ")} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}

export const loadAverage = () => loadavg();
