import type { DiskRecord } from "../../state/records.js";
import type { Tx } from "../../state/store.js";
import { jobScope, type Job, type JobEnv, type JobHandler } from "../job.js";
import { attachOnce, detachIfAttached } from "../devices.js";
import { finishOperations } from "../operations.js";
import type { SnapshotPart } from "../storage.js";
import { releaseHold, type HoldRef } from "./holds.js";

export interface DiskJobPayload {
  name: string;
  computeId: string;
  operationIds: string[];
  sizeInGb?: number;
  /** create: copy this snapshot part; `hold` is released once done. */
  from?: SnapshotPart;
  hold?: HoldRef;
  /** attach/detach: the instance's driver handle and the device path. */
  instanceComputeId?: string;
  path?: string;
}

type Change = (disk: DiskRecord) => DiskRecord | undefined;

/** Asks the driver or the storage for one change of a disk, then applies `change` to its record (if it is still that disk) and ends its Operations. */
function diskJob(act: (p: DiskJobPayload, env: JobEnv) => Promise<void>, change: Change, failed?: Change): JobHandler<DiskJobPayload> {
  async function settle(tx: Tx, job: Job<DiskJobPayload>, apply: Change | undefined) {
    const p = job.payload;
    const scope = jobScope(job);
    const disk = await tx.disks.get(scope, p.name);
    const next = disk && disk.computeId === p.computeId && apply ? apply(disk) : undefined;
    if (next) await tx.disks.update(scope, next);
    if (p.hold) await releaseHold(tx, scope, p.hold, p.name);
  }
  return {
    async run(job, env, finish) {
      const p = job.payload;
      await act(p, env);
      await finish(async (tx) => {
        await settle(tx, job, change);
        await finishOperations(tx, jobScope(job), p.operationIds, env.clock.now());
      });
    },
    async fail(job, env, error, finish) {
      const p = job.payload;
      await finish(async (tx) => {
        await settle(tx, job, failed);
        await finishOperations(tx, jobScope(job), p.operationIds, env.clock.now(), { code: "InternalError", details: error.message });
      });
    },
  };
}

const detached = (d: DiskRecord): DiskRecord => ({
  ...d, state: d.state === "pending" ? "pending" : "available", isAttached: false, attachmentState: "detached", attachedTo: undefined, path: undefined, autoMounting: undefined,
});

/** Handlers by kind suffix (`lightsail.disk.<step>`). */
export const diskSteps = {
  create: diskJob(
    (p, { storage }) => (p.from ? storage.restoreDisk(p.from, p.computeId, p.sizeInGb!) : storage.createDisk(p.computeId, p.sizeInGb!)),
    (d) => (d.state === "pending" ? { ...d, state: "available" } : undefined),
    (d) => (d.state === "pending" ? { ...d, state: "error" } : undefined),
  ),
  attach: diskJob(
    (p, { driver }) => attachOnce(driver, p.instanceComputeId!, { diskId: p.computeId, devicePath: p.path! }),
    (d) => (d.attachmentState === "attaching" ? { ...d, attachmentState: "attached" } : undefined),
    (d) => (d.attachmentState === "attaching" ? detached(d) : undefined),
  ),
  detach: diskJob(
    (p, { driver }) => (p.path ? detachIfAttached(driver, p.instanceComputeId!, { diskId: p.computeId, devicePath: p.path }) : Promise.resolve()),
    (d) => (d.attachmentState === "detaching" ? detached(d) : undefined),
    (d) => (d.attachmentState === "detaching" ? { ...d, attachmentState: "attached" } : undefined),
  ),
  destroy: diskJob((p, { storage }) => storage.deleteDisk(p.computeId), () => undefined),
};
