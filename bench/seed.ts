/**
 * Fills a Skiff SQLite file with many resources at once, for the growth benchmark. Rows are written
 * through the store's own repositories (`openSqliteStore`), so the table layout, extra columns and
 * side indexes (names, shares, tags) have one source of truth: the same code the server runs.
 *
 * Seeding is incremental: it adds what is missing to reach the target counts, so the growth
 * benchmark grows one file step by step (1k → 10k → 100k instances …) instead of starting over.
 */
import { DEFAULT_ACCOUNT, type Scope } from "../src/core/scope.js";
import type { Ec2Tag, SnapshotRecord, VolumeRecord } from "../src/state/ec2-records.js";
import type { DiskRecord, InstanceRecord, InstanceSnapshotRecord } from "../src/state/records.js";
import { openSqliteStore } from "../src/state/sqlite/sqlite-store.js";
import type { Store, Tx } from "../src/state/store.js";

export const SEED_SCOPE: Scope = { account: DEFAULT_ACCOUNT, region: "us-east-1" };

export interface SeedCounts {
  instances: number;
  /** Block disks, disk i attached to instance i × DISK_EVERY. */
  disks: number;
  instanceSnapshots: number;
  volumes: number;
  ec2Snapshots: number;
}

/** Rows written per transaction: large enough to amortise the commit, small enough to keep the WAL modest. */
const BATCH = 20_000;
/** Every seeded EC2 snapshot carries `batch=<i mod BATCHES>`: one value selects 1/BATCHES of them. */
export const TAG_BATCHES = 1000;
/** One instance in this many has a block disk attached. */
export const DISK_EVERY = 10;
const ZONE = "us-east-1a";
const T0 = Date.UTC(2026, 0, 1);

/** Deterministic names and ids, so the benchmark knows what to read without asking. */
export const seeded = {
  instanceName: (i: number) => `seed-instance-${i}`,
  instanceSnapshotName: (i: number) => `seed-snapshot-${i}`,
  diskName: (i: number) => `seed-disk-${i}`,
  volumeId: (i: number) => `vol-${hex17(i)}`,
  ec2SnapshotId: (i: number) => `snap-${hex17(i)}`,
  /** Seeded EC2 snapshots are spread over the volumes round-robin: snapshot i is of volume i mod volumes. */
  volumeOfSnapshot: (i: number, volumes: number) => i % volumes,
  batchTag: (i: number) => `b${i % TAG_BATCHES}`,
};

function hex17(i: number) {
  return `1${i.toString(16).padStart(16, "0")}`;
}

const arn = (type: string, i: number) => `arn:aws:lightsail:${SEED_SCOPE.region}:${SEED_SCOPE.account}:${type}/00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;

function instance(i: number): InstanceRecord {
  const computeId = `i-${hex17(i)}`;
  return {
    name: seeded.instanceName(i),
    arn: arn("Instance", i),
    computeId,
    supportCode: `621291663362/${computeId}`,
    createdAt: T0 + i * 1000,
    availabilityZone: ZONE,
    blueprintId: "amazon_linux_2023",
    bundleId: "nano_3_0",
    state: "running",
    sshKeyName: "LightsailDefaultKeyPair",
    userData: "",
    tags: [{ key: "team", value: `t${i % 50}` }],
    addOns: [],
    ipAddressType: "dualstack",
    privateIpAddress: `172.26.${(i >> 8) & 255}.${(i & 255) || 1}`,
    publicIpAddress: `203.0.113.${(i % 254) + 1}`,
    ipv6Addresses: [`2001:db8:0:0:0:0:${(i >> 16).toString(16)}:${(i & 0xffff).toString(16)}`],
    ports: [
      { fromPort: 22, toPort: 22, protocol: "tcp", cidrs: ["0.0.0.0/0"], ipv6Cidrs: ["::/0"], cidrListAliases: [] },
      { fromPort: 80, toPort: 80, protocol: "tcp", cidrs: ["0.0.0.0/0"], ipv6Cidrs: ["::/0"], cidrListAliases: [] },
    ],
    metadataOptions: { state: "applied", httpTokens: "optional", httpEndpoint: "enabled", httpPutResponseHopLimit: 1, httpProtocolIpv6: "disabled" },
    systemDiskCreatedAt: T0 + i * 1000,
  };
}

function disk(i: number): DiskRecord {
  const computeId = `vol-${hex17(0x800000000 + i)}`;
  return {
    name: seeded.diskName(i),
    arn: arn("Disk", i),
    computeId,
    supportCode: `621291663362/${computeId}`,
    createdAt: T0 + i * 1000,
    availabilityZone: ZONE,
    sizeInGb: 32,
    state: "in-use",
    tags: [],
    addOns: [],
    isAttached: true,
    attachmentState: "attached",
    attachedTo: seeded.instanceName(i * DISK_EVERY),
    path: "/dev/xvdf",
    autoMounting: false,
  };
}

function instanceSnapshot(i: number, instances: number): InstanceSnapshotRecord {
  const from = i % Math.max(1, instances);
  const computeId = `ami-${hex17(i)}`;
  return {
    name: seeded.instanceSnapshotName(i),
    arn: arn("InstanceSnapshot", i),
    computeId,
    supportCode: `621291663362/${computeId}`,
    createdAt: T0 + i * 1000,
    tags: [{ key: "batch", value: seeded.batchTag(i) }],
    state: "available",
    fromInstanceName: seeded.instanceName(from),
    fromInstanceArn: arn("Instance", from),
    fromBlueprintId: "amazon_linux_2023",
    fromBundleId: "nano_3_0",
    sizeInGb: 20,
    isFromAutoSnapshot: false,
    fromAttachedDisks: [],
    pendingRestores: [],
  };
}

function volume(i: number): VolumeRecord {
  return {
    volumeId: seeded.volumeId(i),
    size: 8 + (i % 8),
    snapshotId: "",
    availabilityZone: ZONE,
    state: "available",
    createTime: T0 + i * 1000,
    volumeType: "gp3",
    iops: 3000,
    throughput: 125,
    encrypted: false,
    multiAttachEnabled: false,
    tags: [{ key: "team", value: `t${i % 50}` }],
  };
}

function ec2Snapshot(i: number, volumes: number): SnapshotRecord {
  const v = seeded.volumeOfSnapshot(i, volumes);
  const tags: Ec2Tag[] = [
    { key: "batch", value: seeded.batchTag(i) },
    { key: "ci", value: "true" },
  ];
  return {
    snapshotId: seeded.ec2SnapshotId(i),
    volumeId: seeded.volumeId(v),
    volumeSize: 8 + (v % 8),
    state: "completed",
    progress: "100%",
    startTime: T0 + i * 1000,
    completionTime: T0 + i * 1000 + 5000,
    ownerId: SEED_SCOPE.account,
    description: `nightly backup ${i}`,
    encrypted: false,
    tags,
    createVolumePermissions: [],
  };
}

async function fill(store: Store, have: number, want: number, write: (tx: Tx, i: number) => Promise<void>) {
  for (let from = have; from < want; from += BATCH) {
    const to = Math.min(want, from + BATCH);
    await store.transaction(async (tx) => {
      for (let i = from; i < to; i++) await write(tx, i);
    });
  }
}

async function claimed(tx: Tx, name: string, type: string) {
  const taken = await tx.names.claim(SEED_SCOPE, [name], type);
  if (taken.length > 0) throw new Error(`seed: the name ${name} is already taken`);
}

/** Adds rows to the SQLite file at `path` until it holds `target`; returns the counts reached. */
export async function seed(path: string, target: SeedCounts): Promise<SeedCounts> {
  const store = openSqliteStore(path);
  try {
    const have = await store.read(async (tx) => ({
      instances: await tx.instances.count(SEED_SCOPE),
      disks: await tx.disks.count(SEED_SCOPE),
      instanceSnapshots: await tx.instanceSnapshots.count(SEED_SCOPE),
      volumes: await tx.ec2Volumes.count(SEED_SCOPE),
      ec2Snapshots: await tx.ec2Snapshots.count(SEED_SCOPE),
    }));
    const instances = Math.max(have.instances, target.instances);
    const volumes = Math.max(have.volumes, target.volumes);
    await fill(store, have.instances, target.instances, async (tx, i) => {
      const r = instance(i);
      await claimed(tx, r.name, "Instance");
      await tx.instances.insert(SEED_SCOPE, r);
    });
    await fill(store, have.disks, Math.min(target.disks, Math.ceil(instances / DISK_EVERY)), async (tx, i) => {
      const r = disk(i);
      await claimed(tx, r.name, "Disk");
      await tx.disks.insert(SEED_SCOPE, r);
    });
    await fill(store, have.instanceSnapshots, target.instanceSnapshots, async (tx, i) => {
      const r = instanceSnapshot(i, instances);
      await claimed(tx, r.name, "InstanceSnapshot");
      await tx.instanceSnapshots.insert(SEED_SCOPE, r);
    });
    await fill(store, have.volumes, target.volumes, (tx, i) => tx.ec2Volumes.insert(SEED_SCOPE, volume(i)));
    await fill(store, have.ec2Snapshots, target.ec2Snapshots, (tx, i) => tx.ec2Snapshots.insert(SEED_SCOPE, ec2Snapshot(i, volumes)));
    return {
      instances,
      disks: Math.max(have.disks, Math.min(target.disks, Math.ceil(instances / DISK_EVERY))),
      instanceSnapshots: Math.max(have.instanceSnapshots, target.instanceSnapshots),
      volumes,
      ec2Snapshots: Math.max(have.ec2Snapshots, target.ec2Snapshots),
    };
  } finally {
    await store.close();
  }
}
