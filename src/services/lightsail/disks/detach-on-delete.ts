import type { Operation } from "@aws-sdk/client-lightsail";
import type { InstanceRecord } from "../../../state/records.js";
import type { Tx } from "../../../state/store.js";
import { startDetach } from "./detach.js";
import type { JobOrigin } from "../../../worker/job.js";

/**
 * For DeleteInstance: detaches (never deletes) every block disk of the instance and returns, per
 * disk, its two DetachDisk operations (Disk with the instance as details, Instance with the disk),
 * both Started — the operations the real DeleteInstance lists before its own (aws-facts §2.7).
 */
export async function detachDisksOnInstanceDelete(tx: Tx, scope: JobOrigin, instance: InstanceRecord, now: number): Promise<Operation[]> {
  const disks = await tx.disks.findBy(scope, "attached_to", [instance.name]);
  const operations: Operation[] = [];
  for (const disk of disks) {
    if (disk.attachmentState === "detaching" || disk.attachmentState === "detached") continue;
    operations.push(...(await startDetach(tx, scope, disk, instance, now)));
  }
  return operations;
}
