import type { CreateDiskSnapshotRequest, CreateDiskSnapshotResult } from "@aws-sdk/client-lightsail";
import { ec2Id } from "../../../core/ids.js";
import type { Scope } from "../../../core/scope.js";
import type { DiskSnapshotRecord } from "../../../state/records.js";
import type { Tx } from "../../../state/store.js";
import type { SnapshotJobPayload } from "../../../worker/jobs/snapshot-jobs.js";
import type { Handler } from "../../context.js";
import { findBundle } from "../../../catalog/bundles.js";
import { invalidInput, mutuallyExclusive, nameInUse, notFound, wrongState } from "../errors.js";
import { recordOperation } from "../../../state/operations.js";
import { toOperation } from "../operations/operation.js";
import { lightsailArn, supportCode } from "../resources.js";
import { checkResourceName, checkTags } from "../validation.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

/** What is being copied: a block disk, or an instance's system disk, with what the record and the driver need. */
async function snapshotSource(tx: Tx, scope: Scope, input: CreateDiskSnapshotRequest) {
  if (input.diskName !== undefined) {
    const disk = await tx.disks.get(scope, input.diskName);
    if (!disk) throw notFound("Disk", input.diskName);
    if (disk.state !== "available" && disk.state !== "in-use") throw wrongState("create a snapshot of this disk", "disk", disk.state);
    // the instance that writes to the disk is held still while it is copied
    const holder = disk.attachedTo ? await tx.instances.get(scope, disk.attachedTo) : undefined;
    return {
      resourceType: "Disk" as const, name: disk.name, zone: disk.availabilityZone, sizeInGb: disk.sizeInGb,
      spec: { diskIds: [disk.computeId], holders: holder ? [holder.computeId] : [] },
      from: { fromDiskName: disk.name, fromDiskArn: disk.arn, fromDiskComputeId: disk.computeId },
    };
  }
  const instance = await tx.instances.get(scope, input.instanceName!);
  if (!instance) throw notFound("Instance", input.instanceName!);
  if (instance.state !== "running" && instance.state !== "stopped") throw wrongState("create a snapshot of this instance", "instance", instance.state);
  return {
    resourceType: "Instance" as const, name: instance.name, zone: instance.availabilityZone,
    sizeInGb: findBundle(instance.bundleId)?.diskSizeInGb ?? 0, spec: { instanceId: instance.computeId, diskIds: [] },
    from: { fromInstanceName: instance.name, fromInstanceArn: instance.arn },
  };
}

/** Snapshots one block disk (`diskName`) or the system disk of an instance (`instanceName`), never both. */
export const createDiskSnapshot: Handler<CreateDiskSnapshotRequest, CreateDiskSnapshotResult> = async (ctx, input) => {
  const name = input.diskSnapshotName!;
  checkResourceName(name, "disk snapshot");
  if (input.diskName !== undefined && input.instanceName !== undefined) throw mutuallyExclusive("diskName", "instanceName");
  if (input.diskName === undefined && input.instanceName === undefined) {
    throw invalidInput("Specify diskName to snapshot a disk, or instanceName to snapshot the system disk of an instance.");
  }
  const tags = checkTags(input.tags);
  const now = ctx.clock.now();
  const operations = await ctx.transaction(async (tx) => {
    const source = await snapshotSource(tx, ctx, input);
    const taken = await tx.names.claim(ctx, [name], "DiskSnapshot");
    if (taken.length > 0) throw nameInUse(taken);
    const computeId = ec2Id("snap");
    const record: DiskSnapshotRecord = {
      name, arn: lightsailArn(ctx, "DiskSnapshot"), computeId, supportCode: supportCode(computeId), createdAt: now, tags,
      state: "pending", sizeInGb: source.sizeInGb, isFromAutoSnapshot: false, pendingRestores: [], ...source.from,
    };
    await tx.diskSnapshots.insert(ctx, record);
    const snapshotOp = await recordOperation(tx, ctx, now, {
      resourceName: name, resourceType: "DiskSnapshot", availabilityZone: "all", operationType: "CreateDiskSnapshot", operationDetails: source.name,
    });
    const sourceOp = await recordOperation(tx, ctx, now, {
      resourceName: source.name, resourceType: source.resourceType, availabilityZone: source.zone, operationType: "CreateDiskSnapshot", operationDetails: name,
    });
    const payload: SnapshotJobPayload = { name, computeId, spec: source.spec, operationIds: [snapshotOp.id, sourceOp.id] };
    await enqueue(tx, ctx, "lightsail.disk-snapshot.create", payload, now);
    return [snapshotOp, sourceOp];
  });
  return { operations: operations.map((o) => toOperation(o, ctx.region)) };
};
