import { ec2Id } from "../../../core/ids.js";
import type { AddOnRecord, DiskRecord, DiskState, Tag } from "../../../state/records.js";
import type { Tx } from "../../../state/store.js";
import { scheduleAddOns } from "../add-ons/schedule.js";
import { invalidInput, nameInUse } from "../errors.js";
import { lightsailArn, supportCode } from "../resources.js";
import type { JobOrigin } from "../../../worker/job.js";

export const MIN_DISK_GB = 8;
export const MAX_DISK_GB = 16_384;

export function checkDiskSize(sizeInGb: number) {
  if (!Number.isInteger(sizeInGb) || sizeInGb < MIN_DISK_GB || sizeInGb > MAX_DISK_GB) {
    throw invalidInput(`The size of a block storage disk must be between ${MIN_DISK_GB} and ${MAX_DISK_GB} GB. The request asks for ${sizeInGb}.`);
  }
}

export interface NewDisk {
  name: string;
  zone: string;
  sizeInGb: number;
  tags: Tag[];
  addOns: AddOnRecord[];
  /** A disk restored with an instance is born attached to it (attaching until its job is done). */
  attachTo?: { instanceName: string; path: string };
}

/** Claims the name and writes a new `pending` disk, starting its add-on schedules; the caller enqueues the work. */
export async function insertDisk(tx: Tx, scope: JobOrigin, now: number, d: NewDisk): Promise<DiskRecord> {
  const taken = await tx.names.claim(scope, [d.name], "Disk");
  if (taken.length > 0) throw nameInUse(taken);
  const computeId = ec2Id("vol");
  const record: DiskRecord = {
    name: d.name,
    arn: lightsailArn(scope, "Disk"),
    computeId,
    supportCode: supportCode(computeId),
    createdAt: now,
    availabilityZone: d.zone,
    sizeInGb: d.sizeInGb,
    state: "pending" satisfies DiskState,
    tags: d.tags,
    addOns: d.addOns,
    ...(d.attachTo
      ? { isAttached: true, attachmentState: "attaching", attachedTo: d.attachTo.instanceName, path: d.attachTo.path }
      : { isAttached: false, attachmentState: "detached" }),
  };
  await tx.disks.insert(scope, record);
  await scheduleAddOns(tx, scope, { resourceType: "Disk", name: record.name, arn: record.arn }, record.addOns, now);
  return record;
}
