import type { OperationTable } from "../context.js";
import type { OperationName } from "./generated/operations.js";
import { getBlueprints } from "./catalog/get-blueprints.js";
import { getBundles } from "./catalog/get-bundles.js";
import { getRegions } from "./catalog/get-regions.js";
import { closeInstancePublicPorts } from "./instances/close-instance-public-ports.js";
import { enableAddOn } from "./add-ons/enable-add-on.js";
import { disableAddOn } from "./add-ons/disable-add-on.js";
import { getAutoSnapshots } from "./auto-snapshots/get-auto-snapshots.js";
import { deleteAutoSnapshot } from "./auto-snapshots/delete-auto-snapshot.js";
import { createDiskSnapshot } from "./disk-snapshots/create-disk-snapshot.js";
import { getDiskSnapshot } from "./disk-snapshots/get-disk-snapshot.js";
import { getDiskSnapshots } from "./disk-snapshots/get-disk-snapshots.js";
import { deleteDiskSnapshot } from "./disk-snapshots/delete-disk-snapshot.js";
import { createDiskFromSnapshot } from "./disk-snapshots/create-disk-from-snapshot.js";
import { attachDisk } from "./disks/attach-disk.js";
import { createDisk } from "./disks/create-disk.js";
import { deleteDisk } from "./disks/delete-disk.js";
import { detachDisk } from "./disks/detach-disk.js";
import { getDisk } from "./disks/get-disk.js";
import { getDisks } from "./disks/get-disks.js";
import { createInstances } from "./instances/create-instances.js";
import { deleteInstance } from "./instances/delete-instance.js";
import { getInstanceAccessDetails } from "./instances/get-instance-access-details.js";
import { getInstancePortStates } from "./instances/get-instance-port-states.js";
import { getInstanceState } from "./instances/get-instance-state.js";
import { getInstance } from "./instances/get-instance.js";
import { getInstances } from "./instances/get-instances.js";
import { openInstancePublicPorts } from "./instances/open-instance-public-ports.js";
import { putInstancePublicPorts } from "./instances/put-instance-public-ports.js";
import { rebootInstance } from "./instances/reboot-instance.js";
import { setIpAddressType } from "./instances/set-ip-address-type.js";
import { startInstance } from "./instances/start-instance.js";
import { stopInstance } from "./instances/stop-instance.js";
import { updateInstanceMetadataOptions } from "./instances/update-instance-metadata-options.js";
import { createKeyPair } from "./key-pairs/create-key-pair.js";
import { deleteKeyPair } from "./key-pairs/delete-key-pair.js";
import { downloadDefaultKeyPair } from "./key-pairs/download-default-key-pair.js";
import { getKeyPair } from "./key-pairs/get-key-pair.js";
import { getKeyPairs } from "./key-pairs/get-key-pairs.js";
import { importKeyPair } from "./key-pairs/import-key-pair.js";
import { getOperation } from "./operations/get-operation.js";
import { getOperations } from "./operations/get-operations.js";
import { getOperationsForResource } from "./operations/get-operations-for-resource.js";
import { tagResource } from "./tags/tag-resource.js";
import { untagResource } from "./tags/untag-resource.js";
import { createInstanceSnapshot } from "./instance-snapshots/create-instance-snapshot.js";
import { getInstanceSnapshot } from "./instance-snapshots/get-instance-snapshot.js";
import { getInstanceSnapshots } from "./instance-snapshots/get-instance-snapshots.js";
import { deleteInstanceSnapshot } from "./instance-snapshots/delete-instance-snapshot.js";
import { createInstancesFromSnapshot } from "./instance-snapshots/create-instances-from-snapshot.js";

/**
 * The Lightsail operations Skiff implements, each with its handler. Every other operation of the
 * official model (generated/operations.ts) answers NotImplemented through the dispatch path; a name
 * that is not in the model fails to compile here.
 */
export const handlers: OperationTable<OperationName> = {
  AttachDisk: attachDisk,
  CloseInstancePublicPorts: closeInstancePublicPorts,
  CreateDisk: createDisk,
  CreateDiskFromSnapshot: createDiskFromSnapshot,
  CreateDiskSnapshot: createDiskSnapshot,
  CreateInstanceSnapshot: createInstanceSnapshot,
  CreateInstances: createInstances,
  CreateInstancesFromSnapshot: createInstancesFromSnapshot,
  CreateKeyPair: createKeyPair,
  DeleteAutoSnapshot: deleteAutoSnapshot,
  DeleteDisk: deleteDisk,
  DeleteDiskSnapshot: deleteDiskSnapshot,
  DeleteInstance: deleteInstance,
  DeleteInstanceSnapshot: deleteInstanceSnapshot,
  DeleteKeyPair: deleteKeyPair,
  DetachDisk: detachDisk,
  DisableAddOn: disableAddOn,
  DownloadDefaultKeyPair: downloadDefaultKeyPair,
  EnableAddOn: enableAddOn,
  GetAutoSnapshots: getAutoSnapshots,
  GetBlueprints: getBlueprints,
  GetBundles: getBundles,
  GetDisk: getDisk,
  GetDiskSnapshot: getDiskSnapshot,
  GetDiskSnapshots: getDiskSnapshots,
  GetDisks: getDisks,
  GetInstance: getInstance,
  GetInstanceAccessDetails: getInstanceAccessDetails,
  GetInstancePortStates: getInstancePortStates,
  GetInstanceSnapshot: getInstanceSnapshot,
  GetInstanceSnapshots: getInstanceSnapshots,
  GetInstanceState: getInstanceState,
  GetInstances: getInstances,
  GetKeyPair: getKeyPair,
  GetKeyPairs: getKeyPairs,
  GetOperation: getOperation,
  GetOperations: getOperations,
  GetOperationsForResource: getOperationsForResource,
  GetRegions: getRegions,
  ImportKeyPair: importKeyPair,
  OpenInstancePublicPorts: openInstancePublicPorts,
  PutInstancePublicPorts: putInstancePublicPorts,
  RebootInstance: rebootInstance,
  SetIpAddressType: setIpAddressType,
  StartInstance: startInstance,
  StopInstance: stopInstance,
  TagResource: tagResource,
  UntagResource: untagResource,
  UpdateInstanceMetadataOptions: updateInstanceMetadataOptions,
};
