import type { Operation } from "@aws-sdk/client-lightsail";
import type { DiskRecord, InstanceRecord } from "../../../state/records.js";
import type { Tx } from "../../../state/store.js";
import type { DiskJobPayload } from "../../../worker/jobs/disk-jobs.js";
import { recordOperation } from "../../../state/operations.js";
import { toOperation } from "../operations/operation.js";
import { enqueue } from "../../../worker/jobs/kinds.js";
import type { JobOrigin } from "../../../worker/job.js";

/** Moves an attached disk to `detaching` with its two DetachDisk operations (disk, instance) and queues the detach. */
export async function startDetach(tx: Tx, scope: JobOrigin, disk: DiskRecord, instance: InstanceRecord, now: number): Promise<Operation[]> {
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
  await enqueue(tx, scope, "lightsail.disk.detach", payload, now);
  return [toOperation(diskOp, scope.region), toOperation(instanceOp, scope.region)];
}
