/** What the store keeps for EC2. Plain JSON values; services/ec2 turns them into SDK shapes. Times are epoch ms. */
import type { InstanceStateName } from "./records.js";

/** EC2 tags always have a value (an empty string when none was given). */
export interface Ec2Tag {
  key: string;
  value: string;
}

export interface Ec2InstanceRecord {
  instanceId: string;
  reservationId: string;
  ownerId: string;
  imageId: string;
  instanceType: string;
  keyName?: string;
  state: InstanceStateName;
  stateTransitionReason: string;
  stateReason?: { code: string; message: string };
  launchTime: number;
  availabilityZone: string;
  privateIpAddress: string;
  publicIpAddress?: string;
  rootDeviceName: string;
  architecture: string;
  platform?: string;
  platformDetails: string;
  /** Base64, as the client sent it. */
  userData: string;
  tags: Ec2Tag[];
  clientToken: string;
  amiLaunchIndex: number;
  vpcId: string;
  subnetId: string;
  ebsOptimized: boolean;
}

export type VolumeState = "creating" | "available" | "in-use" | "deleting" | "deleted" | "error";

export interface VolumeAttachmentRecord {
  instanceId: string;
  device: string;
  state: "attaching" | "attached" | "detaching";
  attachTime: number;
  deleteOnTermination: boolean;
}

export interface VolumeModificationRecord {
  state: "modifying" | "optimizing" | "completed" | "failed";
  startTime: number;
  endTime?: number;
  progress: number;
  originalSize: number;
  originalIops?: number;
  originalThroughput?: number;
  originalVolumeType: string;
  targetSize: number;
  targetIops?: number;
  targetThroughput?: number;
  targetVolumeType: string;
}

export interface VolumeRecord {
  volumeId: string;
  size: number;
  /** "" when the volume was not created from a snapshot, as EC2 shows it. */
  snapshotId: string;
  availabilityZone: string;
  state: VolumeState;
  createTime: number;
  volumeType: string;
  iops?: number;
  throughput?: number;
  encrypted: boolean;
  kmsKeyId?: string;
  multiAttachEnabled: boolean;
  tags: Ec2Tag[];
  attachment?: VolumeAttachmentRecord;
  modification?: VolumeModificationRecord;
}

export type SnapshotState = "pending" | "completed" | "error";

export interface SnapshotRecord {
  snapshotId: string;
  /** `vol-ffffffff` for copies, as EC2 shows them. */
  volumeId: string;
  volumeSize: number;
  state: SnapshotState;
  /** "" until the worker starts on it, then "NN%". */
  progress: string;
  startTime: number;
  completionTime?: number;
  ownerId: string;
  description: string;
  encrypted: boolean;
  kmsKeyId?: string;
  tags: Ec2Tag[];
  /** Accounts (or "all") allowed to create volumes from it, besides its owner. */
  createVolumePermissions: string[];
  sourceSnapshotId?: string;
}

export interface Ec2KeyPairRecord {
  keyName: string;
  keyPairId: string;
  keyType: "rsa" | "ed25519";
  fingerprint: string;
  publicKey: string;
  createTime: number;
  tags: Ec2Tag[];
}
