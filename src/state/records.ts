/** What the store keeps. Plain JSON values; services turn them into SDK shapes. Times are epoch ms. */

export interface Tag {
  key: string;
  value?: string;
}

export interface AddOnRecord {
  name: "AutoSnapshot" | "StopInstanceOnIdle";
  status: string;
  snapshotTimeOfDay?: string;
  threshold?: string;
  duration?: string;
  /** Identifies one enabling of the add-on: a scheduled job whose id differs belongs to an older one. */
  scheduleId?: string;
}

export interface PortRecord {
  fromPort: number;
  toPort: number;
  protocol: string;
  cidrs: string[];
  ipv6Cidrs: string[];
  cidrListAliases: string[];
}

export interface MetadataOptionsRecord {
  state: "pending" | "applied";
  httpTokens: string;
  httpEndpoint: string;
  httpPutResponseHopLimit: number;
  httpProtocolIpv6: string;
}

export type InstanceStateName = "pending" | "running" | "stopping" | "stopped" | "shutting-down" | "terminated";

export interface InstanceRecord {
  name: string;
  arn: string;
  /** The driver's handle for this instance; never shown to clients. */
  computeId: string;
  supportCode: string;
  createdAt: number;
  availabilityZone: string;
  blueprintId: string;
  bundleId: string;
  state: InstanceStateName;
  sshKeyName: string;
  userData: string;
  tags: Tag[];
  addOns: AddOnRecord[];
  ipAddressType: string;
  privateIpAddress: string;
  publicIpAddress?: string;
  ipv6Addresses: string[];
  ports: PortRecord[];
  metadataOptions: MetadataOptionsRecord;
  systemDiskCreatedAt: number;
}

export interface KeyPairRecord {
  name: string;
  arn: string;
  supportCode: string;
  createdAt: number;
  fingerprint: string;
  publicKey: string;
  tags: Tag[];
  /** Kept only for the default key pair, which DownloadDefaultKeyPair hands out again. */
  privateKey?: string;
  isDefault: boolean;
}

export interface OperationRecord {
  id: string;
  resourceName: string;
  resourceType: string;
  createdAt: number;
  availabilityZone: string;
  isTerminal: boolean;
  operationDetails: string;
  operationType: string;
  status: "NotStarted" | "Started" | "Failed" | "Completed" | "Succeeded";
  statusChangedAt?: number;
  errorCode?: string;
  errorDetails?: string;
}

export interface JobRecord {
  id: number;
  account: string;
  region: string;
  kind: string;
  payload: Record<string, unknown>;
  runAt: number;
  attempts: number;
}

export type DiskState = "pending" | "available" | "in-use" | "error";
export type AttachmentState = "attaching" | "attached" | "detaching" | "detached";

/** A block storage disk. System disks are not stored apart: they are part of their instance. */
export interface DiskRecord {
  name: string;
  arn: string;
  /** The driver's handle for this disk (an EBS-style volume id); also its support code. */
  computeId: string;
  supportCode: string;
  createdAt: number;
  availabilityZone: string;
  sizeInGb: number;
  state: DiskState;
  tags: Tag[];
  addOns: AddOnRecord[];
  isAttached: boolean;
  attachmentState: AttachmentState;
  attachedTo?: string;
  path?: string;
  autoMounting?: boolean;
}

/** Restores that read a snapshot right now; while any is listed the snapshot cannot be deleted. */
export interface Holdable {
  pendingRestores: string[];
}

export interface InstanceSnapshotRecord extends Holdable {
  name: string;
  arn: string;
  /** The driver's handle for the copied disks (an AMI-style id); also its support code. */
  computeId: string;
  supportCode: string;
  createdAt: number;
  tags: Tag[];
  state: "pending" | "available" | "error";
  fromInstanceName: string;
  fromInstanceArn: string;
  fromBlueprintId: string;
  fromBundleId: string;
  sizeInGb: number;
  isFromAutoSnapshot: boolean;
  /** The disks attached when the snapshot was taken, as they were then. */
  fromAttachedDisks: DiskRecord[];
}

export interface DiskSnapshotRecord extends Holdable {
  name: string;
  arn: string;
  computeId: string;
  supportCode: string;
  createdAt: number;
  tags: Tag[];
  state: "pending" | "completed" | "error";
  sizeInGb: number;
  fromDiskName?: string;
  fromDiskArn?: string;
  /** Set instead of fromDisk* for a snapshot of an instance's system disk. */
  fromInstanceName?: string;
  fromInstanceArn?: string;
  /** The source disk's driver handle; undefined for a snapshot of a system disk. */
  fromDiskComputeId?: string;
  isFromAutoSnapshot: boolean;
}

/** One daily automatic snapshot of an instance or a disk, keyed by resource name and date. */
export interface AutoSnapshotRecord extends Holdable {
  resourceName: string;
  resourceType: "Instance" | "Disk";
  resourceArn: string;
  /** YYYY-MM-DD (UTC) of createdAt. */
  date: string;
  createdAt: number;
  status: "Success" | "Failed" | "InProgress";
  computeId: string;
  sizeInGb: number;
  /** Instances only: what CreateInstancesFromSnapshot needs. */
  fromBlueprintId?: string;
  fromBundleId?: string;
  fromAttachedDisks: DiskRecord[];
  /** The driver handle of the resource (instance or disk) that was copied. */
  sourceComputeId: string;
}

/** An access key of `--auth sigv4`: the secret signs requests of `account`; admin keys may also call /_skiff/. */
export interface AccessKeyRecord {
  accessKeyId: string;
  secretAccessKey: string;
  account: string;
  admin: boolean;
  createdAt: number;
}
