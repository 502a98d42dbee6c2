import { notImplemented, type OperationTable } from "../context.js";
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
 * Every Lightsail operation of the official model, and what answers it. A new model version adds
 * names here and fails to compile until each is given a handler or marked notImplemented.
 */
export const operations: OperationTable<OperationName> = {
  AllocateStaticIp: notImplemented,
  AttachCertificateToDistribution: notImplemented,
  AttachDisk: attachDisk,
  AttachInstancesToLoadBalancer: notImplemented,
  AttachLoadBalancerTlsCertificate: notImplemented,
  AttachStaticIp: notImplemented,
  CheckSubdomainAvailability: notImplemented,
  CloseInstancePublicPorts: closeInstancePublicPorts,
  CopySnapshot: notImplemented,
  CreateBucket: notImplemented,
  CreateBucketAccessKey: notImplemented,
  CreateCertificate: notImplemented,
  CreateCloudFormationStack: notImplemented,
  CreateContactMethod: notImplemented,
  CreateContainerService: notImplemented,
  CreateContainerServiceDeployment: notImplemented,
  CreateContainerServiceRegistryLogin: notImplemented,
  CreateDisk: createDisk,
  CreateDiskFromSnapshot: createDiskFromSnapshot,
  CreateDiskSnapshot: createDiskSnapshot,
  CreateDistribution: notImplemented,
  CreateDomain: notImplemented,
  CreateDomainEntry: notImplemented,
  CreateGUISessionAccessDetails: notImplemented,
  CreateInstanceSnapshot: createInstanceSnapshot,
  CreateInstances: createInstances,
  CreateInstancesFromSnapshot: createInstancesFromSnapshot,
  CreateKeyPair: createKeyPair,
  CreateLoadBalancer: notImplemented,
  CreateLoadBalancerTlsCertificate: notImplemented,
  CreateRelationalDatabase: notImplemented,
  CreateRelationalDatabaseFromSnapshot: notImplemented,
  CreateRelationalDatabaseSnapshot: notImplemented,
  CreateSubdomain: notImplemented,
  DeleteAlarm: notImplemented,
  DeleteAutoSnapshot: deleteAutoSnapshot,
  DeleteBucket: notImplemented,
  DeleteBucketAccessKey: notImplemented,
  DeleteCertificate: notImplemented,
  DeleteContactMethod: notImplemented,
  DeleteContainerImage: notImplemented,
  DeleteContainerService: notImplemented,
  DeleteDisk: deleteDisk,
  DeleteDiskSnapshot: deleteDiskSnapshot,
  DeleteDistribution: notImplemented,
  DeleteDomain: notImplemented,
  DeleteDomainEntry: notImplemented,
  DeleteInstance: deleteInstance,
  DeleteInstanceSnapshot: deleteInstanceSnapshot,
  DeleteKeyPair: deleteKeyPair,
  DeleteKnownHostKeys: notImplemented,
  DeleteLoadBalancer: notImplemented,
  DeleteLoadBalancerTlsCertificate: notImplemented,
  DeleteRelationalDatabase: notImplemented,
  DeleteRelationalDatabaseSnapshot: notImplemented,
  DeleteSubdomain: notImplemented,
  DetachCertificateFromDistribution: notImplemented,
  DetachDisk: detachDisk,
  DetachInstancesFromLoadBalancer: notImplemented,
  DetachStaticIp: notImplemented,
  DisableAddOn: disableAddOn,
  DownloadDefaultKeyPair: downloadDefaultKeyPair,
  EnableAddOn: enableAddOn,
  ExportSnapshot: notImplemented,
  GetActiveNames: notImplemented,
  GetAlarms: notImplemented,
  GetAutoSnapshots: getAutoSnapshots,
  GetBlueprints: getBlueprints,
  GetBucketAccessKeys: notImplemented,
  GetBucketBundles: notImplemented,
  GetBucketMetricData: notImplemented,
  GetBuckets: notImplemented,
  GetBundles: getBundles,
  GetCertificates: notImplemented,
  GetCloudFormationStackRecords: notImplemented,
  GetContactMethods: notImplemented,
  GetContainerAPIMetadata: notImplemented,
  GetContainerImages: notImplemented,
  GetContainerLog: notImplemented,
  GetContainerServiceDeployments: notImplemented,
  GetContainerServiceMetricData: notImplemented,
  GetContainerServicePowers: notImplemented,
  GetContainerServices: notImplemented,
  GetCostEstimate: notImplemented,
  GetDisk: getDisk,
  GetDiskSnapshot: getDiskSnapshot,
  GetDiskSnapshots: getDiskSnapshots,
  GetDisks: getDisks,
  GetDistributionBundles: notImplemented,
  GetDistributionLatestCacheReset: notImplemented,
  GetDistributionMetricData: notImplemented,
  GetDistributions: notImplemented,
  GetDomain: notImplemented,
  GetDomains: notImplemented,
  GetExportSnapshotRecords: notImplemented,
  GetInstance: getInstance,
  GetInstanceAccessDetails: getInstanceAccessDetails,
  GetInstanceMetricData: notImplemented,
  GetInstancePortStates: getInstancePortStates,
  GetInstanceSnapshot: getInstanceSnapshot,
  GetInstanceSnapshots: getInstanceSnapshots,
  GetInstanceState: getInstanceState,
  GetInstances: getInstances,
  GetKeyPair: getKeyPair,
  GetKeyPairs: getKeyPairs,
  GetLoadBalancer: notImplemented,
  GetLoadBalancerMetricData: notImplemented,
  GetLoadBalancerTlsCertificates: notImplemented,
  GetLoadBalancerTlsPolicies: notImplemented,
  GetLoadBalancers: notImplemented,
  GetOperation: getOperation,
  GetOperations: getOperations,
  GetOperationsForResource: getOperationsForResource,
  GetProfile: notImplemented,
  GetRegions: getRegions,
  GetRelationalDatabase: notImplemented,
  GetRelationalDatabaseBlueprints: notImplemented,
  GetRelationalDatabaseBundles: notImplemented,
  GetRelationalDatabaseEvents: notImplemented,
  GetRelationalDatabaseLogEvents: notImplemented,
  GetRelationalDatabaseLogStreams: notImplemented,
  GetRelationalDatabaseMasterUserPassword: notImplemented,
  GetRelationalDatabaseMetricData: notImplemented,
  GetRelationalDatabaseParameters: notImplemented,
  GetRelationalDatabaseSnapshot: notImplemented,
  GetRelationalDatabaseSnapshots: notImplemented,
  GetRelationalDatabases: notImplemented,
  GetSetupHistory: notImplemented,
  GetStaticIp: notImplemented,
  GetStaticIps: notImplemented,
  GetSubdomains: notImplemented,
  ImportKeyPair: importKeyPair,
  IsVpcPeered: notImplemented,
  OpenInstancePublicPorts: openInstancePublicPorts,
  PeerVpc: notImplemented,
  PutAlarm: notImplemented,
  PutInstancePublicPorts: putInstancePublicPorts,
  RebootInstance: rebootInstance,
  RebootRelationalDatabase: notImplemented,
  RegisterContainerImage: notImplemented,
  ReleaseStaticIp: notImplemented,
  ResetDistributionCache: notImplemented,
  SendContactMethodVerification: notImplemented,
  SetIpAddressType: setIpAddressType,
  SetResourceAccessForBucket: notImplemented,
  SetupInstanceHttps: notImplemented,
  StartGUISession: notImplemented,
  StartInstance: startInstance,
  StartRelationalDatabase: notImplemented,
  StopGUISession: notImplemented,
  StopInstance: stopInstance,
  StopRelationalDatabase: notImplemented,
  TagResource: tagResource,
  TestAlarm: notImplemented,
  UnpeerVpc: notImplemented,
  UntagResource: untagResource,
  UpdateBucket: notImplemented,
  UpdateBucketBundle: notImplemented,
  UpdateContainerService: notImplemented,
  UpdateDistribution: notImplemented,
  UpdateDistributionBundle: notImplemented,
  UpdateDomainEntry: notImplemented,
  UpdateInstanceMetadataOptions: updateInstanceMetadataOptions,
  UpdateLoadBalancerAttribute: notImplemented,
  UpdateRelationalDatabase: notImplemented,
  UpdateRelationalDatabaseParameters: notImplemented,
  UpdateSubdomainAssociation: notImplemented,
};
