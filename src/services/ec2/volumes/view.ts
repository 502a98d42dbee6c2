import type { Volume, VolumeAttachment, VolumeModification } from "@aws-sdk/client-ec2";
import type { VolumeRecord } from "../../../state/ec2-records.js";
import { toSdkTags } from "../tags/tag-rules.js";

export function toAttachment(r: VolumeRecord): VolumeAttachment | undefined {
  const a = r.attachment;
  if (!a) return undefined;
  return {
    VolumeId: r.volumeId,
    InstanceId: a.instanceId,
    Device: a.device,
    State: a.state,
    AttachTime: new Date(a.attachTime),
    DeleteOnTermination: a.deleteOnTermination,
  };
}

export function toVolume(r: VolumeRecord): Volume {
  const attachment = toAttachment(r);
  return {
    VolumeId: r.volumeId,
    Size: r.size,
    SnapshotId: r.snapshotId,
    AvailabilityZone: r.availabilityZone,
    State: r.state,
    CreateTime: new Date(r.createTime),
    Attachments: attachment ? [attachment] : [],
    Encrypted: r.encrypted,
    KmsKeyId: r.kmsKeyId,
    VolumeType: r.volumeType as Volume["VolumeType"],
    Iops: r.iops,
    Throughput: r.throughput,
    MultiAttachEnabled: r.multiAttachEnabled,
    Tags: r.tags.length > 0 ? toSdkTags(r.tags) : undefined,
  };
}

export function toVolumeModification(r: VolumeRecord): VolumeModification | undefined {
  const m = r.modification;
  if (!m) return undefined;
  return {
    VolumeId: r.volumeId,
    ModificationState: m.state,
    StartTime: new Date(m.startTime),
    EndTime: m.endTime === undefined ? undefined : new Date(m.endTime),
    Progress: m.progress,
    OriginalSize: m.originalSize,
    OriginalIops: m.originalIops,
    OriginalThroughput: m.originalThroughput,
    OriginalVolumeType: m.originalVolumeType as VolumeModification["OriginalVolumeType"],
    OriginalMultiAttachEnabled: r.multiAttachEnabled,
    TargetSize: m.targetSize,
    TargetIops: m.targetIops,
    TargetThroughput: m.targetThroughput,
    TargetVolumeType: m.targetVolumeType as VolumeModification["TargetVolumeType"],
    TargetMultiAttachEnabled: r.multiAttachEnabled,
  };
}
