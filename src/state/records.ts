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
