import type { CreateInstanceSnapshotRequest, CreateInstanceSnapshotResult } from "@aws-sdk/client-lightsail";
import { ec2Id } from "../../../core/ids.js";
import { attachedDisksOf } from "../../../state/lightsail-queries.js";
import type { InstanceSnapshotRecord } from "../../../state/records.js";
import type { SnapshotJobPayload } from "../../../worker/jobs/snapshot-jobs.js";
import type { Handler } from "../../context.js";
import { findBundle } from "../../../catalog/bundles.js";
import { nameInUse, notFound, wrongState } from "../errors.js";
import { recordOperation } from "../../../state/operations.js";
import { toOperation } from "../operations/operation.js";
import { lightsailArn, supportCode } from "../resources.js";
import { checkResourceName, checkTags } from "../validation.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

/**
 * Snapshots a running or stopped instance with every disk attached to it. The record copies what
 * the instance is now (bundle, blueprint, disks), so later changes to the instance never touch it.
 */
export const createInstanceSnapshot: Handler<CreateInstanceSnapshotRequest, CreateInstanceSnapshotResult> = async (ctx, input) => {
  const name = input.instanceSnapshotName!;
  const instanceName = input.instanceName!;
  checkResourceName(name, "instance snapshot");
  const tags = checkTags(input.tags);
  const now = ctx.clock.now();
  const operations = await ctx.transaction(async (tx) => {
    const instance = await tx.instances.get(ctx, instanceName);
    if (!instance) throw notFound("Instance", instanceName);
    if (instance.state !== "running" && instance.state !== "stopped") {
      throw wrongState("create a snapshot of this instance", "instance", instance.state);
    }
    const taken = await tx.names.claim(ctx, [name], "InstanceSnapshot");
    if (taken.length > 0) throw nameInUse(taken);
    const disks = await attachedDisksOf(tx, ctx, instanceName);
    const computeId = ec2Id("ami");
    const record: InstanceSnapshotRecord = {
      name,
      arn: lightsailArn(ctx, "InstanceSnapshot"),
      computeId,
      supportCode: supportCode(computeId),
      createdAt: now,
      tags,
      state: "pending",
      fromInstanceName: instance.name,
      fromInstanceArn: instance.arn,
      fromBlueprintId: instance.blueprintId,
      fromBundleId: instance.bundleId,
      sizeInGb: findBundle(instance.bundleId)?.diskSizeInGb ?? 0,
      isFromAutoSnapshot: false,
      fromAttachedDisks: disks,
      pendingRestores: [],
    };
    await tx.instanceSnapshots.insert(ctx, record);
    const snapshotOp = await recordOperation(tx, ctx, now, {
      resourceName: name, resourceType: "InstanceSnapshot", availabilityZone: "all", operationType: "CreateInstanceSnapshot", operationDetails: instanceName,
    });
    const instanceOp = await recordOperation(tx, ctx, now, {
      resourceName: instanceName, resourceType: "Instance", availabilityZone: instance.availabilityZone, operationType: "CreateInstanceSnapshot", operationDetails: name,
    });
    const payload: SnapshotJobPayload = {
      name, computeId, spec: { instanceId: instance.computeId, diskIds: disks.map((d) => d.computeId) }, operationIds: [snapshotOp.id, instanceOp.id],
    };
    await enqueue(tx, ctx, "lightsail.instance-snapshot.create", payload, now);
    return [snapshotOp, instanceOp];
  });
  return { operations: operations.map((o) => toOperation(o, ctx.region)) };
};
