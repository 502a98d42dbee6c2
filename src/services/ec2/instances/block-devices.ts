import type { BlockDeviceMapping } from "@aws-sdk/client-ec2";
import type { Scope } from "../../../core/scope.js";
import type { SnapshotRecord } from "../../../state/ec2-records.js";
import type { Tx } from "../../../state/store.js";
import { invalidBlockDeviceMapping, invalidParameterCombination, invalidParameterValue, missingParameter } from "../errors.js";
import type { ImageInfo } from "../images/catalog.js";
import { checkId } from "../ids.js";
import { usableSnapshot } from "../snapshots/lookup.js";
import { checkDataDevice } from "../volumes/devices.js";
import { checkSizeForSnapshot, volumeSpec, type VolumeSpec } from "../volumes/volume-rules.js";

/** One EBS volume RunInstances creates per instance: the root from the AMI, or a data volume of a mapping. */
export interface LaunchVolume extends VolumeSpec {
  device: string;
  snapshotId: string;
  deleteOnTermination: boolean;
  isRoot: boolean;
  encrypted: boolean;
  kmsKeyId?: string;
  source?: SnapshotRecord;
}

const DEVICE = /^\/dev\/(sd[a-z]{1,2}\d*|xvd[a-z]{1,2}\d*)$/;

/**
 * Reads RunInstances' BlockDeviceMappings against the AMI: a mapping of the AMI's root device
 * changes the root volume (never below the AMI snapshot's size); others add data volumes, from a
 * size or from one of the caller's completed snapshots.
 */
export async function launchVolumes(tx: Tx, scope: Scope, image: ImageInfo, mappings: BlockDeviceMapping[] | undefined): Promise<LaunchVolume[]> {
  let root: LaunchVolume = {
    ...volumeSpec({ VolumeType: image.volumeType }, image.rootSizeGiB),
    device: image.rootDeviceName, snapshotId: image.rootSnapshotId, deleteOnTermination: true, isRoot: true, encrypted: false,
  };
  const data: LaunchVolume[] = [];
  const seen = new Set<string>();
  for (const [i, m] of (mappings ?? []).entries()) {
    const p = `BlockDeviceMapping.${i + 1}`;
    const device = m.DeviceName;
    if (!device) throw missingParameter(`${p}.DeviceName`);
    if (!DEVICE.test(device)) throw invalidParameterValue(`Invalid device name ${device} (${p}.DeviceName): use /dev/sdf … /dev/sdp or /dev/xvdf … /dev/xvdp.`);
    if (seen.has(device)) throw invalidBlockDeviceMapping(`The device '${device}' is used in more than one block device mapping.`);
    seen.add(device);
    if (m.VirtualName !== undefined) throw invalidBlockDeviceMapping(`Skiff has no instance store volumes: ${p}.VirtualName ${m.VirtualName} cannot be mapped.`);
    const isRoot = device === image.rootDeviceName;
    if (m.NoDevice !== undefined) {
      if (isRoot) throw invalidBlockDeviceMapping(`The root device ${device} of the AMI cannot be suppressed with NoDevice.`);
      continue;
    }
    const ebs = m.Ebs;
    if (!ebs) throw missingParameter(`${p}.Ebs`);
    if (!isRoot) checkDataDevice(device, image.rootDeviceName, invalidBlockDeviceMapping);
    const names = { size: `${p}.Ebs.VolumeSize`, iops: `${p}.Ebs.Iops`, throughput: `${p}.Ebs.Throughput` };
    if (isRoot) {
      if (ebs.SnapshotId !== undefined && ebs.SnapshotId !== image.rootSnapshotId) {
        throw invalidBlockDeviceMapping(`The snapshot of the root device ${device} must be the AMI's snapshot ${image.rootSnapshotId}, not ${ebs.SnapshotId}.`);
      }
      const size = ebs.VolumeSize ?? image.rootSizeGiB;
      checkSizeForSnapshot(size, image.rootSnapshotId, image.rootSizeGiB, invalidBlockDeviceMapping);
      root = {
        ...root,
        ...volumeSpec({ ...ebs, VolumeType: ebs.VolumeType ?? image.volumeType }, size, names),
        deleteOnTermination: ebs.DeleteOnTermination ?? true,
        encrypted: ebs.Encrypted === true,
        kmsKeyId: ebs.KmsKeyId,
      };
      continue;
    }
    let source: SnapshotRecord | undefined;
    if (ebs.SnapshotId !== undefined) source = await usableSnapshot(tx, scope, checkId("snapshot", ebs.SnapshotId));
    const size = ebs.VolumeSize ?? source?.volumeSize;
    if (size === undefined) throw invalidParameterCombination(`${p}.Ebs needs a VolumeSize or a SnapshotId.`);
    if (source) checkSizeForSnapshot(size, source.snapshotId, source.volumeSize, invalidBlockDeviceMapping);
    data.push({
      ...volumeSpec(ebs, size, names),
      device, snapshotId: source?.snapshotId ?? "", deleteOnTermination: ebs.DeleteOnTermination ?? true, isRoot: false,
      encrypted: ebs.Encrypted === true || source?.encrypted === true, kmsKeyId: ebs.KmsKeyId ?? source?.kmsKeyId, source,
    });
  }
  return [root, ...data];
}
