import type { Scope } from "../core/scope.js";
import type { DiskRecord } from "./records.js";
import type { Tx } from "./store.js";

/** The block disks attached to one instance now (not those still attaching), in attachment-path order. */
export async function attachedDisksOf(tx: Tx, scope: Scope, instanceName: string): Promise<DiskRecord[]> {
  const disks = await tx.disks.findBy(scope, "attached_to", [instanceName]);
  return disks.filter((d) => d.attachmentState === "attached").sort((a, b) => (a.path ?? "").localeCompare(b.path ?? ""));
}
