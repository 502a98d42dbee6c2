import type Database from "better-sqlite3";
import type { JobRecord } from "../records.js";
import type { JobRepository } from "../store.js";

type JobRow = { id: number; account: string; region: string; kind: string; payload: string; run_at: number; attempts: number };

export function jobRepository(db: Database.Database): JobRepository {
  const enqueue = db.prepare(`INSERT INTO jobs (account, region, kind, payload, run_at) VALUES (?, ?, ?, ?, ?)`);
  const claim = db.prepare<[number, number], JobRow>(
    `UPDATE jobs SET claimed = 1, attempts = attempts + 1 WHERE id IN
       (SELECT id FROM jobs WHERE claimed = 0 AND run_at <= ? ORDER BY run_at, id LIMIT ?)
     RETURNING id, account, region, kind, payload, run_at, attempts`,
  );
  const finish = db.prepare(`DELETE FROM jobs WHERE id = ?`);
  const retry = db.prepare(`UPDATE jobs SET claimed = 0, run_at = ? WHERE id = ?`);
  const requeue = db.prepare(`UPDATE jobs SET claimed = 0 WHERE claimed = 1`);
  const next = db.prepare<[], { t: number | null }>(`SELECT MIN(run_at) AS t FROM jobs WHERE claimed = 0`);
  const pending = db.prepare<[number], { n: number }>(`SELECT COUNT(*) AS n FROM jobs WHERE claimed = 1 OR run_at <= ?`);
  const toRecord = (r: JobRow): JobRecord => ({
    id: r.id, account: r.account, region: r.region, kind: r.kind, payload: JSON.parse(r.payload), runAt: r.run_at, attempts: r.attempts,
  });
  return {
    async enqueue({ account, region }, kind, payload, runAt) {
      return Number(enqueue.run(account, region, kind, JSON.stringify(payload), runAt).lastInsertRowid);
    },
    async claimDue(now, limit) {
      return claim.all(now, limit).map(toRecord);
    },
    async finish(id) {
      finish.run(id);
    },
    async retry(id, runAt) {
      retry.run(runAt, id);
    },
    async requeueClaimed() {
      return requeue.run().changes;
    },
    async nextRunAt() {
      return next.get()!.t ?? undefined;
    },
    async pending(now = Number.MAX_SAFE_INTEGER) {
      return pending.get(now)!.n;
    },
  };
}
