import type { BugLine, FuzzChild } from "./child.js";
import { requestAt } from "./generator.js";
import { checkStillAnswering } from "./health.js";
import { judge } from "./oracle.js";
import { confirmStalls } from "./replay.js";
import type { FuzzRequest } from "./request.js";
import { startWarmChild } from "./warm.js";
import { Connection } from "./wire.js";

/** A stretch of one seed's requests: indexes [from, from + count). */
export interface SeedRange {
  seed: number;
  from: number;
  count: number;
}

export type FindingKind = "status" | "envelope" | "dropped" | "timeout" | "exit" | "eventLoop" | "eventLoopUnconfirmed" | "pollution" | "health";

/** Something that breaks a pass criterion, with the request(s) that regenerate it. */
export interface Finding {
  kind: FindingKind;
  /** `seed:index` of the request, or of the likeliest one for an exit or a stall (see `suspects`). */
  at?: string;
  family?: string;
  operation?: string;
  detail: string;
  /** For an exit or a stall: every request in flight then, the slowest first. */
  suspects?: string[];
}

/** Whether a finding breaks a pass criterion (a stall nothing repeats is the machine's, reported only). */
export const isFailure = (f: Finding) => f.kind !== "eventLoopUnconfirmed";

export interface CampaignResult {
  requests: number;
  durationMs: number;
  /** Answers by "status code" ("400 SerializationException", "501 NotImplementedException", "dropped" …). */
  outcomes: Map<string, number>;
  families: Map<string, number>;
  findings: Finding[];
  /** Findings by kind, all of them (`findings` keeps the first few hundred). */
  counts: Map<FindingKind, number>;
  maxDelayMs: number;
  rssBeforeBytes: number;
  rssAfterBytes: number;
  exits: number;
  bugs: BugLine[];
}

export interface CampaignOptions {
  ranges: SeedRange[];
  concurrency?: number;
  timeoutMs?: number;
  /** Event-loop delay above which a stretch of the run is a finding. */
  maxDelayMs?: number;
  /** Called now and then with the number of requests done. */
  progress?: (done: number, total: number) => void;
}

const KEPT_FINDINGS = 300;

interface InFlight {
  at: string;
  started: number;
  ended?: number;
  family: string;
  operation?: string;
}

/** Runs the requests of the ranges against one fuzzed Skiff (restarted if it exits) and judges every answer. */
export async function runCampaign(options: CampaignOptions): Promise<CampaignResult> {
  const { ranges, concurrency = 16, timeoutMs = 30_000, maxDelayMs = 100 } = options;
  const total = ranges.reduce((n, r) => n + r.count, 0);
  const result: CampaignResult = {
    requests: 0, durationMs: 0, outcomes: new Map(), families: new Map(), findings: [], counts: new Map(), maxDelayMs: 0,
    rssBeforeBytes: 0, rssAfterBytes: 0, exits: 0, bugs: [],
  };
  const find = (f: Finding) => {
    result.counts.set(f.kind, (result.counts.get(f.kind) ?? 0) + 1);
    if (result.findings.length < KEPT_FINDINGS) result.findings.push(f);
  };
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

  let child = await startWarmChild();
  const children = [child];
  let childReady: Promise<FuzzChild> = Promise.resolve(child);
  const inFlight = new Set<InFlight>();
  let window: InFlight[] = [];
  const serverErrors = new Map<string, string>();
  const watchExit = (c: FuzzChild) =>
    c.onExit(() => {
      if (finished) return;
      result.exits++;
      const suspects = [...inFlight].sort((a, b) => a.started - b.started).map((f) => f.at);
      find({ kind: "exit", ...(suspects[0] ? { at: suspects[0] } : {}), detail: `exit code ${c.exited?.code} signal ${c.exited?.signal}; stderr: ${c.exited?.stderrTail.slice(-5).join(" | ")}`, suspects });
      childReady = startWarmChild().then((next) => {
        child = next;
        children.push(next);
        watchExit(next);
        return next;
      });
    });
  watchExit(child);
  let finished = false;

  const sample = async () => {
    const c = child;
    const stats = await c.stats();
    const seen = window;
    window = [...inFlight];
    if (!c.alive) return;
    result.maxDelayMs = Math.max(result.maxDelayMs, stats.maxDelayMs);
    result.rssAfterBytes = stats.rssBytes;
    const suspects = () => seen.sort((a, b) => ((b.ended ?? performance.now()) - b.started) - ((a.ended ?? performance.now()) - a.started)).map((f) => f.at);
    if (stats.maxDelayMs > maxDelayMs) {
      const s = suspects();
      const load = `longest GC pause ${stats.maxGcMs.toFixed(0)} ms, process CPU ${stats.cpuMs.toFixed(0)} ms in ${stats.wallMs.toFixed(0)} ms`;
      find({ kind: "eventLoop", ...(s[0] ? { at: s[0] } : {}), detail: `the event loop was held ${stats.maxDelayMs.toFixed(0)} ms (${load})`, suspects: s.slice(0, 16) });
    }
    if (stats.pollution.length > 0) {
      const s = suspects();
      find({ kind: "pollution", ...(s[0] ? { at: s[0] } : {}), detail: `new properties on built-in prototypes: ${stats.pollution.join(", ")}`, suspects: s.slice(0, 16) });
    }
  };
  result.rssBeforeBytes = (await child.stats()).rssBytes;

  const queue = (function* () {
    for (const r of ranges) for (let i = r.from; i < r.from + r.count; i++) yield [r.seed, i] as const;
  })();
  const started = performance.now();
  let sampling = Promise.resolve();
  const sampler = setInterval(() => {
    sampling = sampling.then(sample);
  }, 200);

  async function worker() {
    let conn: Connection | undefined;
    let connChild: FuzzChild | undefined;
    for (let next = queue.next(); !next.done; next = queue.next()) {
      const [seed, index] = next.value;
      const at = `${seed}:${index}`;
      const request: FuzzRequest = requestAt(seed, index);
      const c = await childReady;
      if (connChild !== c) {
        conn?.close();
        conn = new Connection(c.port, timeoutMs);
        connChild = c;
      }
      const flight: InFlight = { at, started: performance.now(), family: request.family, ...(request.operation ? { operation: request.operation } : {}) };
      inFlight.add(flight);
      window.push(flight);
      const exchange = await conn!.send(request).catch((e: Error) => ({ kind: "dropped" as const, error: `connect: ${e.message}`, received: 0, ms: 0 }));
      flight.ended = performance.now();
      inFlight.delete(flight);
      const verdict = judge(request, exchange);
      result.requests++;
      count(result.outcomes, verdict.outcome);
      count(result.families, request.family);
      if (exchange.kind === "answer" && exchange.answer.status >= 500) serverErrors.set(exchange.answer.headers.get("x-amzn-requestid") ?? "", at);
      // A request caught in an exit is counted with the exit, not as a drop of its own.
      if (verdict.failure && !(verdict.failure.kind === "dropped" && !c.alive)) {
        find({ kind: verdict.failure.kind, at, family: request.family, ...(request.operation ? { operation: request.operation } : {}), detail: verdict.failure.detail });
      }
      if (result.requests % 250 === 0) options.progress?.(result.requests, total);
    }
    conn?.close();
  }

  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
    result.durationMs = performance.now() - started;
    clearInterval(sampler);
    await sampling;
    await sample();
    const last = await childReady;
    for (const problem of await checkStillAnswering(last.port, String(Date.now() % 1e9))) find({ kind: "health", detail: problem });
  } finally {
    finished = true;
    clearInterval(sampler);
    await (await childReady.catch(() => undefined))?.stop();
    result.bugs = children.flatMap((c) => c.bugs);
  }
  await confirmStalls(result.findings, maxDelayMs);
  const unconfirmed = result.findings.filter((f) => f.kind === "eventLoopUnconfirmed").length;
  result.counts.set("eventLoop", (result.counts.get("eventLoop") ?? 0) - unconfirmed);
  result.counts.set("eventLoopUnconfirmed", unconfirmed);
  for (const bug of result.bugs) if (bug.requestId && serverErrors.has(bug.requestId)) bug.operation = `${bug.operation ?? ""} (request ${serverErrors.get(bug.requestId)})`;
  return result;
}
