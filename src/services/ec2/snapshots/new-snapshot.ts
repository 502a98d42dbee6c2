import { ec2Id } from "../../../core/ids.js";
import type { Scope } from "../../../core/scope.js";
import type { Ec2Tag, SnapshotRecord, VolumeRecord } from "../../../state/ec2-records.js";
import type { Tx } from "../../../state/store.js";
import { concurrentSnapshotLimit, invalidParameterValue, noOutposts } from "../errors.js";
import { ID_PREFIX } from "../ids.js";

const MAX_DESCRIPTION = 255;
/** At most this many snapshots of one volume may be pending at once (1 for st1/sc1). */
const MAX_PENDING = 5;

export function checkDescription(description: string | undefined): string {
  if (description !== undefined && description.length > MAX_DESCRIPTION) {
    throw invalidParameterValue(`The description is ${description.length} characters long; at most ${MAX_DESCRIPTION} are allowed.`);
  }
  return description ?? "";
}

/** Snapshots are stored in the region (Location `regional`); Outpost-local snapshots do not exist here. */
export function checkRegional(input: { OutpostArn?: string; Location?: string }) {
  if (input.OutpostArn !== undefined) throw noOutposts("OutpostArn");
  if (input.Location !== undefined && input.Location !== "regional") throw noOutposts(`Location=${input.Location}`);
}

/** A volume can be snapshotted once it exists (available or in use), with fewer than five snapshots of it pending. */
export async function checkSnapshottable(tx: Tx, scope: Scope, volume: VolumeRecord) {
  if (volume.state !== "available" && volume.state !== "in-use") {
    throw invalidParameterValue(`Volume '${volume.volumeId}' is in the '${volume.state}' state and cannot be snapshotted.`);
  }
  let pending = 0;
  for await (const _ of tx.ec2Snapshots.scan(scope, { where: { volume_id: volume.volumeId, state: "pending" } })) pending++;
  const limit = volume.volumeType === "st1" || volume.volumeType === "sc1" ? 1 : MAX_PENDING;
  if (pending >= limit) throw concurrentSnapshotLimit(volume.volumeId);
}

/** A pending snapshot of a volume, as of `startTime`. */
export function newSnapshot(scope: Scope, volume: VolumeRecord, startTime: number, description: string, tags: Ec2Tag[]): SnapshotRecord {
  return {
    snapshotId: ec2Id(ID_PREFIX.snapshot),
    volumeId: volume.volumeId,
    volumeSize: volume.size,
    state: "pending",
    progress: "",
    startTime,
    ownerId: scope.account,
    description,
    encrypted: volume.encrypted,
    kmsKeyId: volume.kmsKeyId,
    tags,
    createVolumePermissions: [],
  };
}
