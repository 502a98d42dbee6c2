import { MAX_TIMER_MS } from "../core/clock.js";
import type { JobRecord } from "../state/records.js";
import type { Tx } from "../state/store.js";
import type { Job, JobEnv } from "./job.js";
import type { JobDef } from "./jobs/catalogue.js";
import { openEnvelope } from "./jobs/kinds.js";

export interface Worker {
  start(): Promise<void>;
  /** Looks for due jobs now (after a handler enqueued one, or the clock moved). */
  kick(): void;
  /** Resolves when no job is running, due, or queued (recurring jobs count only once due). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const MAX_ATTEMPTS = 3;
const RETRY_DELAY_MS = 1000;
const STOP_GRACE_MS = 1000;

/** The only caller of drivers (ARCHITECTURE rule 1): claims due jobs and runs them concurrently. */
/** What the worker runs: the job catalogue (catalogue.ts), or a few kinds of a test's own. */
export type Runnable = Readonly<Record<string, JobDef<any>>>;

/**
 * A claimed row as its handler sees it: the payload out of its envelope (or upgraded from an older
 * shape), and the fields every log line of the job carries.
 */
function openJob(row: JobRecord, def: JobDef<unknown> | undefined) {
  const { requestId, data, legacy } = openEnvelope(row.payload);
  const payload = legacy && def?.upgrade ? def.upgrade(data) : data;
  const job: Job<unknown> = { id: row.id, kind: row.kind, account: row.account, region: row.region, requestId, payload, runAt: row.runAt, attempts: row.attempts };
  let resource: string | undefined;
  try {
    resource = def?.resource(payload);
  } catch {
    resource = undefined; // a malformed old row: its handler fails it, the log line still goes out
  }
  const fields = { id: row.id, kind: row.kind, requestId, account: row.account, region: row.region, resource };
  return { job, fields };
}

export function createWorker(env: JobEnv, catalogue: Runnable, concurrency = 64): Worker {
  let inFlight = 0;
  let stopped = true;
  let draining = false;
  let again = false;
  let wakeTimer: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;
  const running = new Set<Promise<void>>();
  let idleWaiters: (() => void)[] = [];

  async function drain() {
    if (draining) {
      again = true;
      return;
    }
    draining = true;
    try {
      do {
        again = false;
        if (stopped) return;
        const room = concurrency - inFlight;
        if (room <= 0) return;
        const jobs = await env.store.transaction((tx) => tx.jobs.claimDue(env.clock.now(), room));
        // Stopped while claiming: leave them claimed; the next start puts them back in the queue.
        if (stopped) return;
        for (const job of jobs) launch(job);
        if (jobs.length === room) again = true;
      } while (again);
      await scheduleWake();
    } catch (e) {
      env.log.error("worker.drain", { error: String(e) });
    } finally {
      draining = false;
      if (again) kick(); // a kick that arrived while the wake timer was being set
      if (inFlight === 0 && !stopped) await notifyIdle();
    }
  }

  async function scheduleWake() {
    clearTimeout(wakeTimer);
    const next = await env.store.read((tx) => tx.jobs.nextRunAt());
    if (next === undefined || stopped) return;
    wakeTimer = setTimeout(kick, Math.min(MAX_TIMER_MS, Math.max(0, next - env.clock.now())));
  }

  async function notifyIdle() {
    if (idleWaiters.length === 0) return;
    const pending = await env.store.read((tx) => tx.jobs.pending(env.clock.now()));
    if (pending === 0 && inFlight === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  function launch(job: JobRecord) {
    inFlight++;
    const p = runJob(job).finally(() => {
      inFlight--;
      running.delete(p);
      kick();
    });
    running.add(p);
  }

  async function runJob(row: JobRecord) {
    const def = Object.hasOwn(catalogue, row.kind) ? catalogue[row.kind] : undefined;
    const handler = def?.handler;
    const finish = (fn: (tx: Tx) => Promise<void>) =>
      env.store.transaction(async (tx) => {
        await fn(tx);
        await tx.jobs.finish(row.id);
      });
    const started = env.clock.now();
    let opened: ReturnType<typeof openJob> | undefined;
    try {
      opened = openJob(row, def);
      const { job, fields } = opened;
      env.log.info("job.start", { ...fields, attempt: row.attempts });
      if (!handler) throw new Error(`no handler for job kind ${row.kind}`);
      await handler.run(job, env, finish);
      env.log.info("job", { ...fields, ms: env.clock.now() - started });
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      const fields = opened?.fields ?? { id: row.id, kind: row.kind, account: row.account, region: row.region };
      if (stopped) {
        // Interrupted by stop or reset: the job stays claimed and resumes on the next start.
        env.log.info("job.interrupted", { ...fields, error: error.message });
        return;
      }
      env.log.error("job.failed", { ...fields, attempt: row.attempts, error: error.message });
      if (handler && opened && row.attempts >= MAX_ATTEMPTS) {
        await handler.fail(opened.job, env, error, finish).catch((f) => env.log.error("job.fail-handler", { ...fields, error: String(f) }));
      } else if (handler && opened) {
        await env.store.transaction((tx) => tx.jobs.retry(row.id, env.clock.now() + RETRY_DELAY_MS));
      } else {
        await env.store.transaction((tx) => tx.jobs.finish(row.id));
      }
    }
  }

  function kick() {
    if (!stopped) setImmediate(() => void drain());
  }

  return {
    async start() {
      stopped = false;
      unsubscribe ??= env.clock.onChange(kick);
      const resumed = await env.store.transaction((tx) => tx.jobs.requeueClaimed());
      if (resumed > 0) env.log.info("worker.resumed", { jobs: resumed });
      kick();
    },
    kick,
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        kick();
      });
    },
    async stop() {
      stopped = true;
      unsubscribe?.();
      unsubscribe = undefined;
      clearTimeout(wakeTimer);
      // Jobs still waiting on a driver stay claimed in the store and resume on the next start.
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...running]), new Promise((r) => (grace = setTimeout(r, STOP_GRACE_MS)))]);
      clearTimeout(grace);
    },
  };
}
