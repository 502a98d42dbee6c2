import type { DiskMap } from "@aws-sdk/client-lightsail";
import type { Scope } from "../../../core/scope.js";
import type { Tx } from "../../../state/store.js";
import type { RestoreDisk } from "../../../worker/jobs/restore-instance.js";
import { insertDisk } from "../disks/new-disk.js";
import { invalidInput } from "../errors.js";
import { checkResourceName } from "../validation.js";
import type { InstanceRestoreSource } from "./restore-source.js";

export type DiskMapping = Record<string, DiskMap[]>;

/** Checks what needs no database: every key is a new instance, every entry complete, every new disk name valid and used once. */
export function checkDiskMapping(mapping: DiskMapping, instanceNames: string[]) {
  const seen = new Set(instanceNames);
  for (const [instanceName, entries] of Object.entries(mapping)) {
    if (!instanceNames.includes(instanceName)) {
      throw invalidInput(`The attachedDiskMapping names the instance '${instanceName}', which is not one of the instanceNames.`);
    }
    const paths = new Set<string>();
    for (const e of entries) {
      if (!e.originalDiskPath || !e.newDiskName) throw invalidInput(`Every attachedDiskMapping entry of '${instanceName}' needs originalDiskPath and newDiskName.`);
      checkResourceName(e.newDiskName, "disk");
      if (seen.has(e.newDiskName)) throw invalidInput(`The name '${e.newDiskName}' appears more than once in the request.`);
      seen.add(e.newDiskName);
      if (paths.has(e.originalDiskPath)) throw invalidInput(`The attachedDiskMapping of '${instanceName}' maps ${e.originalDiskPath} more than once.`);
      paths.add(e.originalDiskPath);
    }
  }
}

/**
 * Creates the mapped disks, each a copy of the snapshot's disk at `originalDiskPath`, born attached
 * to its new instance at that same path. Returns them by instance for the restore jobs.
 */
export async function insertMappedDisks(
  tx: Tx, scope: Scope, now: number, mapping: DiskMapping, source: InstanceRestoreSource, zone: string,
): Promise<Record<string, RestoreDisk[]>> {
  const plan: Record<string, RestoreDisk[]> = {};
  for (const [instanceName, entries] of Object.entries(mapping)) {
    plan[instanceName] = [];
    for (const { originalDiskPath, newDiskName } of entries) {
      const original = source.disks.find((d) => d.path === originalDiskPath);
      if (!original) {
        const paths = source.disks.map((d) => d.path).join(", ");
        throw invalidInput(`The ${source.label} has no disk at ${originalDiskPath}. ${paths ? `Its disks are at ${paths}.` : "It has no attached disks."}`);
      }
      const disk = await insertDisk(tx, scope, now, {
        name: newDiskName!, zone, sizeInGb: original.sizeInGb, tags: [], addOns: [], attachTo: { instanceName, path: originalDiskPath! },
      });
      plan[instanceName].push({ name: disk.name, computeId: disk.computeId, sizeInGb: disk.sizeInGb, path: originalDiskPath!, part: original.computeId });
    }
  }
  return plan;
}
