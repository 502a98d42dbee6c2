import type { Scope } from "../../../core/scope.js";
import type { VolumeRecord } from "../../../state/ec2-records.js";
import type { Tx } from "../../../state/store.js";
import { volumesNotFound } from "../errors.js";
import { checkId, checkIds, unique } from "../ids.js";

export async function volumeById(tx: Tx, scope: Scope, volumeId: string): Promise<VolumeRecord> {
  const record = await tx.ec2Volumes.get(scope, checkId("volume", volumeId));
  if (!record) throw volumesNotFound([volumeId]);
  return record;
}

/** The volumes of a request's VolumeIds, in the order given; unknown ones fail the call, all named. */
export async function volumesByIds(tx: Tx, scope: Scope, ids: string[]): Promise<VolumeRecord[]> {
  const wanted = unique(checkIds("volume", ids));
  const found = await Promise.all(wanted.map((id) => tx.ec2Volumes.get(scope, id)));
  const missing = wanted.filter((_, i) => !found[i]);
  if (missing.length > 0) throw volumesNotFound(missing);
  return found as VolumeRecord[];
}
