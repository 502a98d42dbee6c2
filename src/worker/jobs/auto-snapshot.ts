import { ec2Id } from "../../core/ids.js";
import { DAY_MS, dueInstants, utcDate } from "../../core/daily.js";
import type { Scope } from "../../core/scope.js";
import { findBundle } from "../../catalog/bundles.js";
import { attachedDisksOf } from "../../state/lightsail-queries.js";
import type { AddOnRecord, AutoSnapshotRecord } from "../../state/records.js";
import type { Tx } from "../../state/store.js";
import { autoSnapshotKey } from "../../state/tables.js";
import { jobOrigin, jobScope, type JobHandler, type JobOrigin } from "../job.js";
import { enqueue } from "./kinds.js";
import { snapshotCopies, snapshotHolders, type SnapshotSpec } from "./snapshot-jobs.js";

/** Lightsail keeps the newest seven daily automatic snapshots of a resource. */
export const AUTO_SNAPSHOT_RETENTION = 7;

export interface AutoSnapshotJobPayload {
  resourceType: "Instance" | "Disk";
  resourceName: string;
  resourceArn: string;
  /** The enabling of the add-on this schedule belongs to (AddOnRecord.scheduleId). */
  scheduleId: string;
  /** When the next snapshot is due: a day's snapshotTimeOfDay. */
  dueAt: number;
}

const onSchedule = (p: AutoSnapshotJobPayload, r: { arn: string; addOns: AddOnRecord[] } | undefined) =>
  !!r && r.arn === p.resourceArn && r.addOns.some((a) => a.name === "AutoSnapshot" && a.scheduleId === p.scheduleId);

/** The resource as it is now, ready to be copied into automatic snapshots; undefined when its schedule has ended. */
async function currentSource(tx: Tx, scope: Scope, p: AutoSnapshotJobPayload) {
  if (p.resourceType === "Disk") {
    const disk = await tx.disks.get(scope, p.resourceName);
    if (!onSchedule(p, disk)) return undefined;
    return { sourceComputeId: disk!.computeId, sizeInGb: disk!.sizeInGb, fromAttachedDisks: [] };
  }
  const instance = await tx.instances.get(scope, p.resourceName);
  if (!onSchedule(p, instance)) return undefined;
  return {
    sourceComputeId: instance!.computeId,
    sizeInGb: findBundle(instance!.bundleId)?.diskSizeInGb ?? 0,
    fromBlueprintId: instance!.blueprintId,
    fromBundleId: instance!.bundleId,
    fromAttachedDisks: await attachedDisksOf(tx, scope, instance!.name),
  };
}

export const autoSnapshotSpec = (r: AutoSnapshotRecord, holders: string[] = []): SnapshotSpec =>
  r.resourceType === "Instance"
    ? { instanceId: r.sourceComputeId, diskIds: r.fromAttachedDisks.map((d) => d.computeId) }
    : { diskIds: [r.sourceComputeId], holders };

/** The instance a disk is attached to, held still while the disk is copied. */
async function diskHolders(tx: Tx, scope: Scope, p: AutoSnapshotJobPayload): Promise<string[]> {
  if (p.resourceType !== "Disk") return [];
  const attachedTo = (await tx.disks.get(scope, p.resourceName))?.attachedTo;
  const instance = attachedTo ? await tx.instances.get(scope, attachedTo) : undefined;
  return instance ? [instance.computeId] : [];
}

/** Deletes automatic snapshot records and queues the removal of their copies. */
export async function deleteAutoSnapshotRecords(tx: Tx, origin: JobOrigin, records: AutoSnapshotRecord[], now: number) {
  for (const r of records) {
    await tx.autoSnapshots.delete(origin, autoSnapshotKey(r.resourceName, r.date));
    await enqueue(tx, origin, "lightsail.snapshot.delete-data", { snapshotId: r.computeId }, now);
  }
}

/** Drops the oldest finished automatic snapshots past the retention, except those a restore is reading. */
async function prune(tx: Tx, origin: JobOrigin, resourceName: string, now: number) {
  const all = await tx.autoSnapshots.findBy(jobScope(origin), "resource_name", [resourceName]);
  const newestFirst = all.sort((a, b) => b.date.localeCompare(a.date));
  const expired = newestFirst.slice(AUTO_SNAPSHOT_RETENTION).filter((r) => r.status !== "InProgress" && r.pendingRestores.length === 0);
  await deleteAutoSnapshotRecords(tx, origin, expired, now);
}

async function reschedule(tx: Tx, origin: JobOrigin, p: AutoSnapshotJobPayload, dueAt: number) {
  await enqueue(tx, origin, "lightsail.addon.auto-snapshot", { ...p, dueAt }, dueAt, { recurring: true });
}

/**
 * The daily automatic snapshot of one resource. It runs at the day's snapshotTimeOfDay; when the
 * clock has jumped several days it takes every missed day's snapshot (the newest seven), each
 * with its own date and time, then schedules itself for the next day. A schedule whose add-on was
 * disabled or changed, or whose resource is gone, ends quietly.
 */
export const autoSnapshotJob: JobHandler<AutoSnapshotJobPayload> = {
  async run(job, env, finish) {
    const p = job.payload;
    const scope = jobScope(job);
    const due = dueInstants(p.dueAt, env.clock.now(), AUTO_SNAPSHOT_RETENTION);
    const taking = await env.store.transaction(async (tx) => {
      const source = await currentSource(tx, scope, p);
      if (!source) return undefined;
      const records: AutoSnapshotRecord[] = [];
      for (const at of due) {
        const date = utcDate(at);
        const existing = await tx.autoSnapshots.get(scope, autoSnapshotKey(p.resourceName, date));
        if (existing) {
          if (existing.status === "InProgress") records.push(existing);
          continue;
        }
        const record: AutoSnapshotRecord = {
          resourceName: p.resourceName, resourceType: p.resourceType, resourceArn: p.resourceArn, date, createdAt: at,
          status: "InProgress", computeId: ec2Id(p.resourceType === "Instance" ? "ami" : "snap"), pendingRestores: [], ...source,
        };
        await tx.autoSnapshots.insert(scope, record);
        records.push(record);
      }
      return records;
    });
    if (!taking) return finish(async () => {});
    const holders = await env.store.read((tx) => diskHolders(tx, scope, p));
    for (const r of taking) {
      const spec = autoSnapshotSpec(r, holders);
      await env.storage.takeSnapshot(snapshotCopies(r.computeId, spec), snapshotHolders(spec));
    }
    const now = env.clock.now();
    await finish(async (tx) => {
      for (const r of taking) {
        const current = await tx.autoSnapshots.get(scope, autoSnapshotKey(r.resourceName, r.date));
        if (current?.status === "InProgress") await tx.autoSnapshots.update(scope, { ...current, status: "Success" });
      }
      await prune(tx, jobOrigin(job), p.resourceName, now);
      await reschedule(tx, jobOrigin(job), p, (due.at(-1) ?? p.dueAt - DAY_MS) + DAY_MS);
    });
  },
  async fail(job, env, _error, finish) {
    const p = job.payload;
    const scope = jobScope(job);
    const due = dueInstants(p.dueAt, env.clock.now(), AUTO_SNAPSHOT_RETENTION);
    await finish(async (tx) => {
      for (const at of due) {
        const current = await tx.autoSnapshots.get(scope, autoSnapshotKey(p.resourceName, utcDate(at)));
        if (current?.status === "InProgress") await tx.autoSnapshots.update(scope, { ...current, status: "Failed" });
      }
      if (await currentSource(tx, scope, p)) await reschedule(tx, jobOrigin(job), p, (due.at(-1) ?? p.dueAt - DAY_MS) + DAY_MS);
    });
  },
};
