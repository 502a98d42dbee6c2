import type { Disk } from "@aws-sdk/client-lightsail";
import type { Scope } from "../../../core/scope.js";
import type { Tx } from "../../../state/store.js";
import { toDisk } from "./view.js";

/** The block disks of each named instance, for `hardware.disks` of GetInstance(s): one query for the whole page. */
export async function attachedDisksByInstance(tx: Tx, scope: Scope, instanceNames: string[]): Promise<Map<string, Disk[]>> {
  const byInstance = new Map<string, Disk[]>();
  for (const d of await tx.disks.findBy(scope, "attached_to", instanceNames)) {
    if (d.attachmentState === "detached" || !d.attachedTo) continue;
    const list = byInstance.get(d.attachedTo) ?? [];
    list.push(toDisk(d, scope.region));
    byInstance.set(d.attachedTo, list);
  }
  for (const list of byInstance.values()) list.sort((a, b) => (a.path ?? "").localeCompare(b.path ?? ""));
  return byInstance;
}
