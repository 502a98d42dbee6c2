import type { Scope } from "../../../core/scope.js";
import type { VolumeRecord } from "../../../state/ec2-records.js";
import type { Tx } from "../../../state/store.js";
import { volumesNotFound } from "../errors.js";
import { checkId, recordsByIds } from "../ids.js";

export async function volumeById(tx: Tx, scope: Scope, volumeId: string): Promise<VolumeRecord> {
  const record = await tx.ec2Volumes.get(scope, checkId("volume", volumeId));
  if (!record) throw volumesNotFound([volumeId]);
  return record;
}

/** The volumes of a request's VolumeIds, in the order given; unknown ones fail the call, all named. */
export const volumesByIds = (tx: Tx, scope: Scope, ids: string[]): Promise<VolumeRecord[]> =>
  recordsByIds(tx.ec2Volumes, scope, "volume", ids, volumesNotFound);
