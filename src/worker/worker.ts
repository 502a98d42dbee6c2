import { MAX_TIMER_MS } from "../core/clock.js";
import type { JobRecord } from "../state/records.js";
import type { Tx } from "../state/store.js";
import type { JobEnv, JobHandler } from "./job.js";

export interface Worker {
  start(): Promise<void>;
  /** Looks for due jobs now (after a handler enqueued one, or the clock moved). */
  kick(): void;
  /** Resolves when no job is running or due (jobs scheduled for later do not count). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const MAX_ATTEMPTS = 3;
const RETRY_DELAY_MS = 1000;
const STOP_GRACE_MS = 1000;

/** The only caller of drivers (ARCHITECTURE rule 1): claims due jobs and runs them concurrently. */
export function createWorker(env: JobEnv, handlers: Record<string, JobHandler>, concurrency = 64): Worker {
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

  async function runJob(job: JobRecord) {
    const handler = handlers[job.kind];
    const finish = (fn: (tx: Tx) => Promise<void>) =>
      env.store.transaction(async (tx) => {
        await fn(tx);
        await tx.jobs.finish(job.id);
      });
    const started = env.clock.now();
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler.run(job, env, finish);
      env.log.info("job", { id: job.id, kind: job.kind, ms: env.clock.now() - started });
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      if (stopped) {
        // Interrupted by stop or reset: the job stays claimed and resumes on the next start.
        env.log.info("job.interrupted", { id: job.id, kind: job.kind, error: error.message });
        return;
      }
      env.log.error("job.failed", { id: job.id, kind: job.kind, attempt: job.attempts, error: error.message });
      if (handler && job.attempts >= MAX_ATTEMPTS) {
        await handler.fail(job, env, error, finish).catch((f) => env.log.error("job.fail-handler", { id: job.id, error: String(f) }));
      } else if (handler) {
        await env.store.transaction((tx) => tx.jobs.retry(job.id, env.clock.now() + RETRY_DELAY_MS));
      } else {
        await env.store.transaction((tx) => tx.jobs.finish(job.id));
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
