/**
 * Skiff's first benchmark: cold start, GetInstance and CreateInstances throughput and latency
 * (raw HTTP and SDK v3, concurrency 1 and 16) and memory, against a separate server process.
 *
 *   npm run bench              full counts (a few minutes)
 *   npm run bench -- --quick   smaller counts (under a minute)
 *
 * Prints markdown; docs/benchmarks.md holds a reading of one run. Figures only: nothing here
 * passes or fails on timing.
 */
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { rawHttpClient, sdkClient, TARGET_INSTANCE, type BenchClient, type Operation } from "./clients.js";
import { median, medianResult, runLoad, type LoadResult } from "./load.js";
import { nodeBaselineMs, startServer, type ServerProcess } from "./server.js";

const { values: flags } = parseArgs({ options: { quick: { type: "boolean", default: false } } });
const quick = flags.quick!;
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true"; // the bench runs on Node 20 on purpose

const COLD_STARTS = 5;
const RUNS = 3;
const CONCURRENCIES = [1, 16];
const COUNTS: Record<Operation, number> = quick ? { GetInstance: 1000, CreateInstances: 300 } : { GetInstance: 5000, CreateInstances: 1500 };
const BUDGETS = { coldStartMs: 300, getInstanceRawP50Ms: 1 };

interface Figures extends LoadResult {
  /** Server CPU time (user + system) per call: the cost of a call, less sensitive to a busy machine than latency. */
  serverCpuUsPerCall: number;
}

interface Row {
  operation: Operation;
  client: string;
  concurrency: number;
  count: number;
  result: Figures;
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);

async function coldStarts() {
  const times: number[] = [];
  const idleRss: number[] = [];
  const baselines: number[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    baselines.push(await nodeBaselineMs());
    const server = await startServer();
    times.push(server.coldStartMs);
    idleRss.push(server.rssMiB());
    await server.stop();
  }
  return { times, medianMs: median(times), nodeBaselineMs: median(baselines), idleRssMiB: median(idleRss) };
}

async function post(server: ServerProcess, path: string) {
  const r = await fetch(`${server.endpoint}${path}`, { method: "POST" });
  if (r.status !== 200) throw new Error(`${path} answered ${r.status}: ${await r.text()}`);
}

/** A fresh, empty state with the one instance GetInstance reads. */
async function freshState(server: ServerProcess, raw: BenchClient) {
  await post(server, "/_skiff/reset");
  await raw.call("CreateInstances", TARGET_INSTANCE);
}

/**
 * V8 keeps optimising the request path for thousands of calls; without this the first cells
 * would pay for it. Every operation through both clients, before anything is measured.
 */
async function warmUp(server: ServerProcess, raw: BenchClient, sdk: BenchClient) {
  await freshState(server, raw);
  let serial = 0;
  for (const client of [raw, sdk]) {
    for (const operation of ["GetInstance", "CreateInstances"] as const) {
      await runLoad(COUNTS[operation], 4, () => client.call(operation, `warm-${++serial}`));
    }
  }
}

async function measure(server: ServerProcess, raw: BenchClient, client: BenchClient, operation: Operation, concurrency: number): Promise<Row> {
  const count = COUNTS[operation];
  let serial = 0;
  const call = () => client.call(operation, `bench-${++serial}`);
  await freshState(server, raw);
  await runLoad(Math.ceil(count / 5), concurrency, call); // this cell's connections and cadence
  const runs: Figures[] = [];
  for (let run = 0; run < RUNS; run++) {
    await freshState(server, raw);
    const cpuBefore = server.cpuMs();
    const load = await runLoad(count, concurrency, call);
    runs.push({ ...load, serverCpuUsPerCall: ((server.cpuMs() - cpuBefore) / count) * 1000 });
  }
  return { operation, client: client.label, concurrency, count, result: medianResult(runs) };
}

function report(cold: Awaited<ReturnType<typeof coldStarts>>, rows: Row[], rssAfterMiB: number) {
  const rawGet = rows.find((r) => r.operation === "GetInstance" && r.client.startsWith("raw") && r.concurrency === 1)!;
  const verdict = (ok: boolean) => (ok ? "within budget" : "OVER budget");
  const lines = [
    `## Skiff benchmark (${quick ? "--quick" : "full"})`,
    "",
    `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}, ${new Date().toISOString()}`,
    "",
    "| figure | value | budget |",
    "|---|---|---|",
    `| cold start, spawn → first /_skiff/health 200 (median of ${COLD_STARTS}) | ${fmt(cold.medianMs, 0)} ms (runs: ${cold.times.map((t) => fmt(t, 0)).join(", ")}) | ≤ ${BUDGETS.coldStartMs} ms: ${verdict(cold.medianMs <= BUDGETS.coldStartMs)} |`,
    `| GetInstance p50, raw HTTP, concurrency 1 | ${fmt(rawGet.result.p50Ms, 3)} ms | ≤ ${BUDGETS.getInstanceRawP50Ms} ms: ${verdict(rawGet.result.p50Ms <= BUDGETS.getInstanceRawP50Ms)} |`,
    `| for reference: \`node -e 0\`, spawn → exit (median of ${COLD_STARTS}) | ${fmt(cold.nodeBaselineMs, 0)} ms | |`,
    `| server RSS, idle after start (median of ${COLD_STARTS}) | ${fmt(cold.idleRssMiB, 1)} MiB | |`,
    `| server RSS after the load below | ${fmt(rssAfterMiB, 1)} MiB | |`,
    "",
    `Medians of ${RUNS} runs, each on a freshly reset state; latency per call as the caller sees it;`,
    "server CPU is the server process's user + system time divided by the calls of the run.",
    "",
    "| operation | client | concurrency | calls per run | calls/s | p50 ms | p99 ms | server CPU µs/call |",
    "|---|---|--:|--:|--:|--:|--:|--:|",
    ...rows.map(
      (r) =>
        `| ${r.operation} | ${r.client} | ${r.concurrency} | ${r.count} | ${fmt(r.result.requestsPerSecond, 0)} | ${fmt(r.result.p50Ms, 3)} | ${fmt(r.result.p99Ms, 3)} | ${fmt(r.result.serverCpuUsPerCall, 0)} |`,
    ),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

async function main() {
  const cold = await coldStarts();
  const server = await startServer();
  const raw = rawHttpClient(server.endpoint);
  const sdk = sdkClient(server.endpoint);
  const rows: Row[] = [];
  try {
    await warmUp(server, raw, sdk);
    for (const operation of ["GetInstance", "CreateInstances"] as const) {
      for (const client of [raw, sdk]) {
        for (const concurrency of CONCURRENCIES) rows.push(await measure(server, raw, client, operation, concurrency));
      }
    }
    report(cold, rows, server.rssMiB());
  } finally {
    raw.close();
    sdk.close();
    await server.stop();
  }
}

main().catch((e) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
