import type { OperationTable } from "../context.js";
import type { OperationName } from "./generated/operations.js";
import { describeImages } from "./images/describe-images.js";
import { describeInstanceStatus } from "./instances/describe-instance-status.js";
import { describeInstances } from "./instances/describe-instances.js";
import { rebootInstances } from "./instances/reboot-instances.js";
import { runInstances } from "./instances/run-instances.js";
import { startInstances } from "./instances/start-instances.js";
import { stopInstances } from "./instances/stop-instances.js";
import { terminateInstances } from "./instances/terminate-instances.js";
import { createKeyPair } from "./key-pairs/create-key-pair.js";
import { deleteKeyPair } from "./key-pairs/delete-key-pair.js";
import { describeKeyPairs } from "./key-pairs/describe-key-pairs.js";
import { importKeyPair } from "./key-pairs/import-key-pair.js";
import { copySnapshot } from "./snapshots/copy-snapshot.js";
import { createSnapshot } from "./snapshots/create-snapshot.js";
import { createSnapshots } from "./snapshots/create-snapshots.js";
import { deleteSnapshot } from "./snapshots/delete-snapshot.js";
import { describeSnapshotAttribute } from "./snapshots/describe-snapshot-attribute.js";
import { describeSnapshots } from "./snapshots/describe-snapshots.js";
import { modifySnapshotAttribute } from "./snapshots/modify-snapshot-attribute.js";
import { createTags } from "./tags/create-tags.js";
import { deleteTags } from "./tags/delete-tags.js";
import { describeTags } from "./tags/describe-tags.js";
import { attachVolume } from "./volumes/attach-volume.js";
import { createVolume } from "./volumes/create-volume.js";
import { deleteVolume } from "./volumes/delete-volume.js";
import { describeVolumesModifications } from "./volumes/describe-volumes-modifications.js";
import { describeVolumes } from "./volumes/describe-volumes.js";
import { detachVolume } from "./volumes/detach-volume.js";
import { modifyVolume } from "./volumes/modify-volume.js";
import { describeAvailabilityZones } from "./zones/describe-availability-zones.js";

/**
 * The EC2 operations Skiff implements, each with its handler. Every other operation of the
 * official model (generated/operations.ts) answers NotImplemented through the dispatch path; a name
 * that is not in the model fails to compile here.
 */
export const handlers: OperationTable<OperationName> = {
  AttachVolume: attachVolume,
  CopySnapshot: copySnapshot,
  CreateKeyPair: createKeyPair,
  CreateSnapshot: createSnapshot,
  CreateSnapshots: createSnapshots,
  CreateTags: createTags,
  CreateVolume: createVolume,
  DeleteKeyPair: deleteKeyPair,
  DeleteSnapshot: deleteSnapshot,
  DeleteTags: deleteTags,
  DeleteVolume: deleteVolume,
  DescribeAvailabilityZones: describeAvailabilityZones,
  DescribeImages: describeImages,
  DescribeInstanceStatus: describeInstanceStatus,
  DescribeInstances: describeInstances,
  DescribeKeyPairs: describeKeyPairs,
  DescribeSnapshotAttribute: describeSnapshotAttribute,
  DescribeSnapshots: describeSnapshots,
  DescribeTags: describeTags,
  DescribeVolumes: describeVolumes,
  DescribeVolumesModifications: describeVolumesModifications,
  DetachVolume: detachVolume,
  ImportKeyPair: importKeyPair,
  ModifySnapshotAttribute: modifySnapshotAttribute,
  ModifyVolume: modifyVolume,
  RebootInstances: rebootInstances,
  RunInstances: runInstances,
  StartInstances: startInstances,
  StopInstances: stopInstances,
  TerminateInstances: terminateInstances,
};
