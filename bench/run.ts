/**
 * Skiff's benchmark suite (issue 6): every scenario against a Skiff it starts itself (a separate
 * process, SQLite on disk, loopback, keep-alive), through raw HTTP and the SDK v3 clients at
 * concurrency 1, 16 and 64; growth to 100k instances / 1M snapshots; cold start, RSS and the worker.
 *
 *   npm run bench                               everything, full counts
 *   npm run bench -- --quick                    fewer calls, growth to 10k instances / 100k snapshots (under 2 minutes)
 *   npm run bench -- --only growth,burst        some sections: baseline, cold, matrix, growth, burst, stall
 *   npm run bench -- --growth-steps 1           growth up to the first (1), second (2) or third (3) size
 *   npm run bench -- --growth-calls 20          calls per growth read and run (for builds whose reads scan)
 *   npm run bench -- --scenario Snapshots       matrix scenarios whose name contains the text
 *   npm run bench -- --growth-dir DIR           keep the seeded growth database in DIR (reused and grown next time)
 *   npm run bench -- --json FILE --plot FILE    also write the figures as JSON and the growth plot as SVG
 *   npm run bench -- --server OTHER/skiff.mjs   measure another build (before/after comparisons)
 *
 * Prints one markdown report. Figures only: nothing here passes or fails on timing.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { bareHttpBaseline, nodeBaselineMs } from "./baseline.js";
import { measureBurst } from "./burst.js";
import { measureFirstKeyStall } from "./stall.js";
import { rawHttpClient, sdkClient, type BenchClient } from "./clients.js";
import { GROWTH_STEPS, measureGrowth } from "./growth.js";
import { median, medianResult, runLoad, type LoadResult } from "./load.js";
import { growthSvg } from "./plot.js";
import { BUDGETS, loadAverage, markdown, type Cell, type Results } from "./report.js";
import { scenarios, type Scenario } from "./scenarios.js";
import { scratchDataDir, startServer, type ServerOptions, type ServerProcess } from "./server.js";
import { reset, type Bench } from "./setup.js";

const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    scenario: { type: "string" },
    "growth-dir": { type: "string" },
    json: { type: "string" },
    plot: { type: "string" },
    server: { type: "string" },
    "growth-steps": { type: "string" },
    "growth-calls": { type: "string" },
  },
});
const quick = flags.quick!;
const sections = new Set((flags.only ?? "baseline,cold,matrix,growth,burst,stall").split(","));
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true"; // the bench runs on Node 20 on purpose

const RUNS = 3;
const CONCURRENCIES = [1, 16, 64];
const COLD_STARTS = quick ? 3 : 5;
const serverOptions: ServerOptions = { bundle: flags.server };
const progress = (line: string) => process.stderr.write(`${line}\n`);

async function coldStarts() {
  const runs: number[] = [];
  const idleRss: number[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    const server = await startServer(serverOptions);
    runs.push(server.coldStartMs);
    idleRss.push(server.rssMiB());
    await server.stop();
  }
  return { medianMs: median(runs), runs, idleRssMiB: median(idleRss) };
}

async function measureCell(b: Bench, scenario: Scenario, client: BenchClient, concurrency: number): Promise<Cell> {
  const calls = quick ? scenario.calls.quick : scenario.calls.full;
  await reset(b);
  const call = await scenario.prepare(b);
  const run = (count: number) => runLoad(count, concurrency, (i) => call(client, i).then(() => undefined));
  await run(Math.max(100, Math.ceil(calls / 5))); // this cell's connections and cadence
  const runs: (LoadResult & { serverCpuUsPerCall: number })[] = [];
  for (let r = 0; r < RUNS; r++) {
    const cpuBefore = b.server.cpuMs();
    const load = await run(calls);
    runs.push({ ...load, serverCpuUsPerCall: ((b.server.cpuMs() - cpuBefore) / calls) * 1000 });
  }
  const result = medianResult(runs);
  progress(`${scenario.name} | ${client.label} | c${concurrency}: ${result.requestsPerSecond.toFixed(0)}/s p50 ${result.p50Ms.toFixed(3)} ms`);
  return { scenario: scenario.name, note: scenario.note, client: client.label, concurrency, calls, result };
}

/**
 * V8 goes on optimising the request path for thousands of calls; without this the first cells
 * would pay for it (GetInstance at concurrency 1 cost 240 µs of server CPU per call in its first
 * 4,000 calls, 105 µs later). Every scenario through both clients, before anything is measured.
 */
async function warmUp(b: Bench, chosen: Scenario[]) {
  for (const scenario of chosen) {
    await reset(b);
    const call = await scenario.prepare(b);
    for (const [client, count] of [[b.raw, quick ? 300 : 1000], [b.sdk, quick ? 50 : 200]] as const) {
      await runLoad(count, 16, (i) => call(client, i).then(() => undefined));
    }
  }
}

async function withServer<T>(fn: (b: Bench) => Promise<T>): Promise<T> {
  const server: ServerProcess = await startServer(serverOptions);
  let serial = 0;
  const b: Bench = { server, raw: rawHttpClient(server.endpoint), sdk: sdkClient(server.endpoint), serial: () => ++serial };
  try {
    return await fn(b);
  } finally {
    b.raw.close();
    b.sdk.close();
    await server.stop();
  }
}

async function main() {
  const started = performance.now();
  const results: Results = {
    mode: quick ? "--quick" : "full",
    command: `npm run bench --${process.argv.length > 2 ? ` ${process.argv.slice(2).join(" ")}` : ""}`,
    startedAt: new Date().toISOString(),
    loadAverageAtStart: loadAverage(),
    cells: [],
    growth: [],
  };

  if (sections.has("baseline")) {
    const starts: number[] = [];
    for (let i = 0; i < COLD_STARTS; i++) starts.push(await nodeBaselineMs());
    const calls = quick ? 2000 : 8000;
    results.baseline = {
      nodeStartMs: median(starts),
      bareHttpC1: await bareHttpBaseline(calls, 1, RUNS),
      bareHttpC16: await bareHttpBaseline(calls, 16, RUNS),
    };
    progress(`baseline: node -e 0 ${results.baseline.nodeStartMs.toFixed(0)} ms, bare node:http c16 ${results.baseline.bareHttpC16.requestsPerSecond.toFixed(0)}/s`);
  }
  if (sections.has("cold")) {
    results.coldStart = await coldStarts();
    progress(`cold start (empty state): ${results.coldStart.medianMs.toFixed(0)} ms`);
  }
  if (sections.has("matrix")) {
    const chosen = scenarios.filter((s) => !flags.scenario || s.name.includes(flags.scenario));
    await withServer(async (b) => {
      await warmUp(b, chosen);
      for (const scenario of chosen) {
        for (const client of [b.raw, b.sdk]) {
          for (const concurrency of CONCURRENCIES) results.cells.push(await measureCell(b, scenario, client, concurrency));
        }
      }
    });
  }
  if (sections.has("growth")) {
    const dataDir = flags["growth-dir"] ?? scratchDataDir();
    mkdirSync(dataDir, { recursive: true });
    try {
      results.growth = await measureGrowth({
        dataDir,
        server: serverOptions,
        steps: GROWTH_STEPS.slice(0, flags["growth-steps"] ? Number(flags["growth-steps"]) : quick ? 2 : 3),
        coldStarts: COLD_STARTS,
        runs: RUNS,
        calls: flags["growth-calls"] ? Number(flags["growth-calls"]) : quick ? 200 : 1000,
        scanCalls: flags["growth-calls"] ? Math.min(20, Number(flags["growth-calls"])) : quick ? 50 : 200,
        dbMiB: () => statSync(`${dataDir}/skiff.db`).size / 2 ** 20,
        progress,
      });
    } finally {
      if (!flags["growth-dir"]) rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (sections.has("burst")) {
    results.burst = await withServer((b) => measureBurst(b, 1000, 64, RUNS));
    progress(`burst: last answer → all running ${results.burst.lagMs.toFixed(0)} ms`);
  }
  if (sections.has("stall")) {
    results.stall = await withServer((b) => measureFirstKeyStall(b, RUNS));
    progress(`first CreateInstances of a region: other calls waited up to ${results.stall.longestOtherMs.toFixed(0)} ms`);
  }

  results.seconds = (performance.now() - started) / 1000;
  process.stdout.write(markdown(results));
  if (flags.json) writeFileSync(flags.json, `${JSON.stringify(results, null, 1)}\n`);
  if (flags.plot && results.growth.length > 0) {
    writeFileSync(flags.plot, growthSvg(results.growth, { pageP50Ms: BUDGETS.pageP50Ms, rssMiB: BUDGETS.rssMiB, coldStartMs: BUDGETS.coldStartMs }));
  }
}

main().catch((e) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
