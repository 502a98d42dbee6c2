import type { CopySnapshotRequest, CopySnapshotResult } from "@aws-sdk/client-ec2";
import { ec2Id } from "../../../core/ids.js";
import type { SnapshotRecord } from "../../../state/ec2-records.js";
import type { Ec2SnapshotsJob } from "../../../worker/jobs/ec2-payloads.js";
import type { Handler } from "../../context.js";
import { invalidParameterDependency, invalidParameterValue, noOutposts } from "../errors.js";
import { ID_PREFIX } from "../ids.js";
import { dryRun } from "../request.js";
import { tagsFromSpecifications, toSdkTags } from "../tags/tag-rules.js";
import { encryptionOf } from "../volumes/encryption.js";
import { usableSnapshot } from "./lookup.js";
import { checkDescription } from "./new-snapshot.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

/** EC2 shows this volume id on snapshots that were copied rather than taken from a volume. */
const COPIED_VOLUME_ID = "vol-ffffffff";

/**
 * Copies a completed snapshot the caller may use, from SourceRegion (this or another region of
 * the account) into the region of the request: a new pending snapshot that the worker completes.
 */
export const copySnapshot: Handler<CopySnapshotRequest, CopySnapshotResult> = async (ctx, input) => {
  if (input.DestinationOutpostArn !== undefined) throw noOutposts("DestinationOutpostArn");
  if (input.DestinationAvailabilityZone !== undefined) throw invalidParameterValue("Skiff keeps snapshots in the region: leave out DestinationAvailabilityZone.");
  if (input.DestinationRegion !== undefined && input.DestinationRegion !== ctx.region) {
    throw invalidParameterValue(`DestinationRegion ${input.DestinationRegion} is not the region of the request (${ctx.region}): send CopySnapshot to the destination region.`);
  }
  if (input.KmsKeyId !== undefined && input.Encrypted !== true) throw invalidParameterDependency("The parameter KmsKeyId requires the parameter Encrypted to be set.");
  const tags = tagsFromSpecifications(input.TagSpecifications, ["snapshot"]).get("snapshot") ?? [];
  const now = ctx.clock.now();
  return ctx.transaction(async (tx) => {
    const source = await usableSnapshot(tx, { account: ctx.account, region: input.SourceRegion! }, input.SourceSnapshotId!);
    const description = checkDescription(input.Description ?? `[Copied ${source.snapshotId} from ${input.SourceRegion}]`);
    dryRun(input);
    const copy: SnapshotRecord = {
      snapshotId: ec2Id(ID_PREFIX.snapshot),
      volumeId: COPIED_VOLUME_ID,
      volumeSize: source.volumeSize,
      state: "pending",
      progress: "",
      startTime: now,
      ownerId: ctx.account,
      description,
      ...encryptionOf(ctx, input, source),
      tags,
      createVolumePermissions: [],
      sourceSnapshotId: source.snapshotId,
    };
    await tx.ec2Snapshots.insert(ctx, copy);
    await enqueue(tx, ctx, "ec2.snapshots.take", { snapshotIds: [copy.snapshotId] }, now);
    return { SnapshotId: copy.snapshotId, Tags: toSdkTags(tags) };
  });
};
