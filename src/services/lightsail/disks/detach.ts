import type { Operation } from "@aws-sdk/client-lightsail";
import type { Scope } from "../../../core/scope.js";
import type { DiskRecord, InstanceRecord } from "../../../state/records.js";
import type { Tx } from "../../../state/store.js";
import { DISK_JOBS, type DiskJobPayload } from "../../../worker/jobs/disk-jobs.js";
import { recordOperation } from "../../../state/operations.js";
import { toOperation } from "../operations/operation.js";

/** Moves an attached disk to `detaching` with its two DetachDisk operations (disk, instance) and queues the detach. */
export async function startDetach(tx: Tx, scope: Scope, disk: DiskRecord, instance: InstanceRecord, now: number): Promise<Operation[]> {
  await tx.disks.update(scope, { ...disk, attachmentState: "detaching" });
  const diskOp = await recordOperation(tx, scope, now, {
    resourceName: disk.name, resourceType: "Disk", availabilityZone: disk.availabilityZone, operationType: "DetachDisk", operationDetails: instance.name,
  });
  const instanceOp = await recordOperation(tx, scope, now, {
    resourceName: instance.name, resourceType: "Instance", availabilityZone: instance.availabilityZone, operationType: "DetachDisk", operationDetails: disk.name,
  });
  const payload: DiskJobPayload = {
    name: disk.name, computeId: disk.computeId, instanceComputeId: instance.computeId, path: disk.path, operationIds: [diskOp.id, instanceOp.id],
  };
  await tx.jobs.enqueue(scope, DISK_JOBS.detach, { ...payload }, now);
  return [toOperation(diskOp, scope.region), toOperation(instanceOp, scope.region)];
}
