import type { CreateVolumeRequest, Volume } from "@aws-sdk/client-ec2";
import { ec2Id } from "../../../core/ids.js";
import type { SnapshotRecord, VolumeRecord } from "../../../state/ec2-records.js";
import type { Ec2VolumeJob } from "../../../worker/jobs/ec2-payloads.js";
import type { Handler } from "../../context.js";
import {
  invalidParameterCombination, invalidParameterDependency, invalidParameterValue, invalidZone, missingParameter, noOutposts,
} from "../errors.js";
import { ID_PREFIX } from "../ids.js";
import { dryRun } from "../request.js";
import { usableSnapshot } from "../snapshots/lookup.js";
import { tagsFromSpecifications } from "../tags/tag-rules.js";
import { checkZone, zoneId, zonesOf } from "../zones/zones.js";
import { encryptionOf } from "./encryption.js";
import { toVolume } from "./view.js";
import { checkSizeForSnapshot, volumeSpec } from "./volume-rules.js";
import { enqueue } from "../../../worker/jobs/kinds.js";

export const createVolume: Handler<CreateVolumeRequest, Volume> = async (ctx, input) => {
  const zone = zoneOf(ctx.region, input);
  if (input.OutpostArn !== undefined) throw noOutposts("OutpostArn");
  if (input.SnapshotId === undefined && input.Size === undefined) throw missingParameter("Size or SnapshotId");
  if (input.KmsKeyId !== undefined && input.Encrypted !== true) throw invalidParameterDependency("The parameter KmsKeyId requires the parameter Encrypted to be set.");
  if (input.MultiAttachEnabled && input.VolumeType !== "io1" && input.VolumeType !== "io2") {
    throw invalidParameterCombination(`Multi-Attach is supported only for io1 and io2 volumes, not ${input.VolumeType ?? "gp2"}.`);
  }
  const tags = tagsFromSpecifications(input.TagSpecifications, ["volume"]).get("volume") ?? [];
  const now = ctx.clock.now();

  return ctx.transaction(async (tx) => {
    let source: SnapshotRecord | undefined;
    if (input.SnapshotId !== undefined) source = await usableSnapshot(tx, ctx, input.SnapshotId);
    const size = input.Size ?? source!.volumeSize;
    if (source) checkSizeForSnapshot(size, source.snapshotId, source.volumeSize, invalidParameterValue);
    const spec = volumeSpec(input, size);
    dryRun(input);
    const record: VolumeRecord = {
      volumeId: ec2Id(ID_PREFIX.volume),
      ...spec,
      snapshotId: source?.snapshotId ?? "",
      availabilityZone: zone,
      state: "creating",
      createTime: now,
      ...encryptionOf(ctx, input, source),
      multiAttachEnabled: input.MultiAttachEnabled ?? false,
      tags,
    };
    await tx.ec2Volumes.insert(ctx, record);
    await enqueue(tx, ctx, "ec2.volume.create", { volumeId: record.volumeId }, now);
    return toVolume(record);
  });
};

/** Exactly one of AvailabilityZone and AvailabilityZoneId (`use1-az1`). */
function zoneOf(region: string, input: CreateVolumeRequest): string {
  if (input.AvailabilityZone !== undefined && input.AvailabilityZoneId !== undefined) {
    throw invalidParameterCombination("Specify either AvailabilityZone or AvailabilityZoneId, not both.");
  }
  if (input.AvailabilityZone !== undefined) return checkZone(region, input.AvailabilityZone);
  if (input.AvailabilityZoneId === undefined) throw missingParameter("AvailabilityZone");
  const zone = zonesOf(region).find((z) => zoneId(region, z) === input.AvailabilityZoneId);
  if (!zone) throw invalidZone(input.AvailabilityZoneId);
  return zone;
}
