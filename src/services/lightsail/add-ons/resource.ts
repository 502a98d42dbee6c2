import type { Scope } from "../../../core/scope.js";
import type { AddOnRecord, DiskRecord, InstanceRecord } from "../../../state/records.js";
import type { Tx } from "../../../state/store.js";
import { notFound } from "../errors.js";

/** A resource that can carry add-ons and automatic snapshots. */
export type AddOnResource = { resourceType: "Instance"; record: InstanceRecord } | { resourceType: "Disk"; record: DiskRecord };

/** The instance or disk a request names (`only` narrows it), or NotFoundException. */
export async function findAddOnResource(tx: Tx, scope: Scope, name: string, only?: "Instance" | "Disk"): Promise<AddOnResource> {
  if (only !== "Disk") {
    const instance = await tx.instances.get(scope, name);
    if (instance) return { resourceType: "Instance", record: instance };
  }
  if (only !== "Instance") {
    const disk = await tx.disks.get(scope, name);
    if (disk) return { resourceType: "Disk", record: disk };
  }
  throw notFound(only ?? "Resource", name);
}

export async function saveAddOns(tx: Tx, scope: Scope, r: AddOnResource, addOns: AddOnRecord[]) {
  if (r.resourceType === "Instance") await tx.instances.update(scope, { ...r.record, addOns });
  else await tx.disks.update(scope, { ...r.record, addOns });
}
