import type { CreateDiskFromSnapshotRequest, CreateDiskFromSnapshotResult } from "@aws-sdk/client-lightsail";
import type { DiskJobPayload } from "../../../worker/jobs/disk-jobs.js";
import { addHold } from "../../../worker/jobs/holds.js";
import type { Handler } from "../../context.js";
import { addOnsFromRequests } from "../add-ons/add-on-requests.js";
import { checkRestoreParameters } from "../auto-snapshots/restore-parameters.js";
import { checkDiskSize, insertDisk } from "../disks/new-disk.js";
import { invalidInput } from "../errors.js";
import { recordOperation } from "../../../state/operations.js";
import { toOperation } from "../operations/operation.js";
import { checkResourceName, checkTags, checkZone } from "../validation.js";
import { findDiskRestoreSource } from "./restore-source.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

/** A new disk copied from a disk snapshot, or from an automatic snapshot of a disk, at least as large as it. */
export const createDiskFromSnapshot: Handler<CreateDiskFromSnapshotRequest, CreateDiskFromSnapshotResult> = async (ctx, input) => {
  const name = input.diskName!;
  checkResourceName(name, "disk");
  const from = checkRestoreParameters(
    {
      snapshotName: input.diskSnapshotName, sourceName: input.sourceDiskName,
      restoreDate: input.restoreDate, useLatestRestorableAutoSnapshot: input.useLatestRestorableAutoSnapshot,
    },
    { snapshot: "diskSnapshotName", source: "sourceDiskName" },
  );
  const zone = input.availabilityZone!;
  checkZone(ctx.region, zone);
  checkDiskSize(input.sizeInGb!);
  const tags = checkTags(input.tags);
  const addOns = addOnsFromRequests(input.addOns, ctx.region, "disk");
  const now = ctx.clock.now();
  const operation = await ctx.transaction(async (tx) => {
    const source = await findDiskRestoreSource(tx, ctx, from);
    if (input.sizeInGb! < source.sizeInGb) {
      throw invalidInput(`The disk size ${input.sizeInGb} GB is smaller than the ${source.label} (${source.sizeInGb} GB). Ask for ${source.sizeInGb} GB or more.`);
    }
    const disk = await insertDisk(tx, ctx, now, { name, zone, sizeInGb: input.sizeInGb!, tags, addOns });
    await addHold(tx, ctx, source.hold, name);
    const op = await recordOperation(tx, ctx, now, {
      resourceName: name, resourceType: "Disk", availabilityZone: zone, operationType: "CreateDiskFromSnapshot",
    });
    const payload: DiskJobPayload = { name, computeId: disk.computeId, sizeInGb: disk.sizeInGb, from: source.part, hold: source.hold, operationIds: [op.id] };
    await enqueue(tx, ctx, "lightsail.disk.create", payload, now);
    return op;
  });
  return { operations: [toOperation(operation, ctx.region)] };
};
