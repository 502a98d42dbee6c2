import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CopySnapshotCommand, CreateSnapshotCommand, CreateVolumeCommand, DeleteSnapshotCommand, DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand, DescribeVolumesCommand, ModifySnapshotAttributeCommand, waitUntilSnapshotCompleted, waitUntilVolumeAvailable,
} from "@aws-sdk/client-ec2";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";
import { fastWaiter } from "./fixtures.js";

const OTHER = "123456789012";

describe("EBS snapshots", () => {
  const t = useTestSkiff();

  async function volume(size = 8, extra: Partial<ConstructorParameters<typeof CreateVolumeCommand>[0]> = {}, client = t.ec2) {
    const v = await client.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", Size: size, ...extra }));
    await waitUntilVolumeAvailable(fastWaiter(client), { VolumeIds: [v.VolumeId!] });
    return v.VolumeId!;
  }

  async function completedSnapshot(volumeId: string, client = t.ec2) {
    const s = await client.send(new CreateSnapshotCommand({ VolumeId: volumeId }));
    await waitUntilSnapshotCompleted(fastWaiter(client), { SnapshotIds: [s.SnapshotId!] });
    return s.SnapshotId!;
  }

  describe("CreateSnapshot", () => {
    it("answers a pending Snapshot of the volume that completes at 100%", async () => {
      const v = await volume(12, { Encrypted: true });
      const s = await t.ec2.send(new CreateSnapshotCommand({ VolumeId: v, Description: "before upgrade", TagSpecifications: [{ ResourceType: "snapshot", Tags: [{ Key: "Name", Value: "pre" }] }] }));
      assert.match(s.SnapshotId!, /^snap-[0-9a-f]{17}$/);
      assert.deepEqual([s.VolumeId, s.VolumeSize, s.State, s.Progress, s.OwnerId, s.Description, s.Encrypted], [v, 12, "pending", "", "000000000000", "before upgrade", true]);
      assert.match(s.KmsKeyId!, /^arn:aws:kms:us-east-1:000000000000:key\//);
      assert.deepEqual(s.Tags, [{ Key: "Name", Value: "pre" }]);
      await waitUntilSnapshotCompleted(fastWaiter(t.ec2), { SnapshotIds: [s.SnapshotId!] });
      const [done] = (await t.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [s.SnapshotId!] }))).Snapshots!;
      assert.equal(done!.Progress, "100%");
    });

    it("fails for an unknown or malformed volume and for an Outpost", async () => {
      await rejectsWith(t.ec2.send(new CreateSnapshotCommand({ VolumeId: "vol-0123456789abcdef0" })), "InvalidVolume.NotFound", /The volume 'vol-0123456789abcdef0' does not exist\./);
      await rejectsWith(t.ec2.send(new CreateSnapshotCommand({ VolumeId: "snap-0123456789abcdef0" })), "InvalidVolumeID.Malformed", /Invalid id: "snap-0123456789abcdef0"/);
      await rejectsWith(t.ec2.send(new CreateSnapshotCommand({ VolumeId: await volume(), OutpostArn: "arn:aws:outposts:us-east-1:1:outpost/op-1" })), "InvalidParameterValue", /no Outposts/);
    });

    it("answers DryRunOperation and takes nothing", async () => {
      const v = await volume();
      await rejectsWith(t.ec2.send(new CreateSnapshotCommand({ VolumeId: v, DryRun: true })), "DryRunOperation", /DryRun flag is set/);
      assert.deepEqual((await t.ec2.send(new DescribeSnapshotsCommand({}))).Snapshots, []);
    });
  });

  describe("restoring a volume from a snapshot", () => {
    it("creates a volume of the snapshot's size (or larger) that carries the snapshot id and becomes available", async () => {
      const snap = await completedSnapshot(await volume(10));
      const restored = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1b", SnapshotId: snap, VolumeType: "gp3" }));
      assert.deepEqual([restored.Size, restored.SnapshotId, restored.State, restored.AvailabilityZone, restored.VolumeType, restored.Iops, restored.Throughput], [10, snap, "creating", "us-east-1b", "gp3", 3000, 125]);
      await waitUntilVolumeAvailable(fastWaiter(t.ec2), { VolumeIds: [restored.VolumeId!] });
      const bigger = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", SnapshotId: snap, Size: 50 }));
      assert.equal(bigger.Size, 50);
      const { Volumes } = await t.ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: "snapshot-id", Values: [snap] }] }));
      assert.deepEqual(Volumes!.map((v) => v.VolumeId).sort(), [restored.VolumeId, bigger.VolumeId].sort());
    });

    it("refuses a size smaller than the snapshot", async () => {
      const snap = await completedSnapshot(await volume(10));
      await rejectsWith(
        t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", SnapshotId: snap, Size: 4 })),
        "InvalidParameterValue",
        new RegExp(`Volume of size 4GB is smaller than snapshot '${snap}', expect size >= 10GB`),
      );
    });

    it("keeps encryption from an encrypted snapshot", async () => {
      const snap = await completedSnapshot(await volume(8, { Encrypted: true }));
      const restored = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", SnapshotId: snap }));
      assert.equal(restored.Encrypted, true);
    });

    it("lets another account restore a snapshot only once it is shared with it", async () => {
      const other = t.ec2As("us-east-1", OTHER);
      const snap = await completedSnapshot(await volume(6));
      await rejectsWith(other.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", SnapshotId: snap })), "InvalidSnapshot.NotFound", new RegExp(snap));
      await t.ec2.send(new ModifySnapshotAttributeCommand({ SnapshotId: snap, Attribute: "createVolumePermission", CreateVolumePermission: { Add: [{ UserId: OTHER }] } }));
      const theirs = await other.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", SnapshotId: snap }));
      assert.equal(theirs.SnapshotId, snap);
      await rejectsWith(other.send(new DeleteSnapshotCommand({ SnapshotId: snap })), "InvalidSnapshot.NotFound", new RegExp(snap));
    });
  });

  describe("DeleteSnapshot", () => {
    it("deletes a snapshot without touching volumes made from it", async () => {
      const snap = await completedSnapshot(await volume());
      const restored = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", SnapshotId: snap }));
      await t.skiff.idle();
      await t.ec2.send(new DeleteSnapshotCommand({ SnapshotId: snap }));
      await rejectsWith(t.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [snap] })), "InvalidSnapshot.NotFound", new RegExp(snap));
      const { Volumes } = await t.ec2.send(new DescribeVolumesCommand({ VolumeIds: [restored.VolumeId!] }));
      assert.equal(Volumes![0]!.State, "available");
    });

    it("fails for unknown and malformed ids, and answers DryRunOperation without deleting", async () => {
      await rejectsWith(t.ec2.send(new DeleteSnapshotCommand({ SnapshotId: "snap-0123456789abcdef0" })), "InvalidSnapshot.NotFound", /The snapshot 'snap-0123456789abcdef0' does not exist\./);
      await rejectsWith(t.ec2.send(new DeleteSnapshotCommand({ SnapshotId: "snapshot-1" })), "InvalidSnapshotID.Malformed", /Invalid id: "snapshot-1"/);
      const snap = await completedSnapshot(await volume());
      await rejectsWith(t.ec2.send(new DeleteSnapshotCommand({ SnapshotId: snap, DryRun: true })), "DryRunOperation", /DryRun flag is set/);
      assert.equal((await t.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [snap] }))).Snapshots!.length, 1);
    });
  });

  describe("CopySnapshot", () => {
    it("copies a completed snapshot within the region, as EC2 shows copies", async () => {
      const source = await completedSnapshot(await volume(7));
      const copy = await t.ec2.send(new CopySnapshotCommand({ SourceRegion: "us-east-1", SourceSnapshotId: source, TagSpecifications: [{ ResourceType: "snapshot", Tags: [{ Key: "copy", Value: "1" }] }] }));
      assert.match(copy.SnapshotId!, /^snap-[0-9a-f]{17}$/);
      assert.deepEqual(copy.Tags, [{ Key: "copy", Value: "1" }]);
      await waitUntilSnapshotCompleted(fastWaiter(t.ec2), { SnapshotIds: [copy.SnapshotId!] });
      const [s] = (await t.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [copy.SnapshotId!] }))).Snapshots!;
      assert.deepEqual([s!.VolumeId, s!.VolumeSize, s!.Description, s!.State], ["vol-ffffffff", 7, `[Copied ${source} from us-east-1]`, "completed"]);
    });

    it("copies from another region of the account into the region of the request", async () => {
      const west = t.ec2As("us-west-2");
      const v = await west.send(new CreateVolumeCommand({ AvailabilityZone: "us-west-2a", Size: 3 }));
      await t.skiff.idle();
      const source = await completedSnapshot(v.VolumeId!, west);
      const copy = await t.ec2.send(new CopySnapshotCommand({ SourceRegion: "us-west-2", SourceSnapshotId: source, Description: "dr copy", Encrypted: true }));
      await t.skiff.idle();
      const [s] = (await t.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [copy.SnapshotId!] }))).Snapshots!;
      assert.deepEqual([s!.Description, s!.Encrypted, s!.VolumeSize], ["dr copy", true, 3]);
      await rejectsWith(t.ec2.send(new CopySnapshotCommand({ SourceRegion: "us-east-1", SourceSnapshotId: source })), "InvalidSnapshot.NotFound", new RegExp(source));
    });

    it("refuses KmsKeyId without Encrypted and another DestinationRegion", async () => {
      const source = await completedSnapshot(await volume());
      await rejectsWith(t.ec2.send(new CopySnapshotCommand({ SourceRegion: "us-east-1", SourceSnapshotId: source, KmsKeyId: "alias/x" })), "InvalidParameterDependency", /KmsKeyId requires the parameter Encrypted/);
      await rejectsWith(t.ec2.send(new CopySnapshotCommand({ SourceRegion: "us-east-1", SourceSnapshotId: source, DestinationRegion: "eu-west-1" })), "InvalidParameterValue", /send CopySnapshot to the destination region/);
    });
  });

  describe("snapshot attributes", () => {
    it("adds and removes createVolumePermission in both request forms and describes it", async () => {
      const snap = await completedSnapshot(await volume());
      const permissions = async () => (await t.ec2.send(new DescribeSnapshotAttributeCommand({ SnapshotId: snap, Attribute: "createVolumePermission" }))).CreateVolumePermissions;
      assert.deepEqual(await permissions(), []);
      await t.ec2.send(new ModifySnapshotAttributeCommand({ SnapshotId: snap, CreateVolumePermission: { Add: [{ UserId: OTHER }, { Group: "all" }] } }));
      assert.deepEqual(await permissions(), [{ UserId: OTHER }, { Group: "all" }]);
      await t.ec2.send(new ModifySnapshotAttributeCommand({ SnapshotId: snap, Attribute: "createVolumePermission", OperationType: "remove", UserIds: [OTHER] }));
      assert.deepEqual(await permissions(), [{ Group: "all" }]);
      const codes = await t.ec2.send(new DescribeSnapshotAttributeCommand({ SnapshotId: snap, Attribute: "productCodes" }));
      assert.deepEqual(codes.ProductCodes, []);
    });

    it("rejects bad account ids, groups other than all, public encrypted snapshots and productCodes changes", async () => {
      const snap = await completedSnapshot(await volume());
      await rejectsWith(t.ec2.send(new ModifySnapshotAttributeCommand({ SnapshotId: snap, CreateVolumePermission: { Add: [{ UserId: "bob" }] } })), "InvalidParameterValue", /Value \(bob\) for parameter CreateVolumePermission\.Add\.1\.UserId is invalid/);
      await rejectsWith(t.ec2.send(new ModifySnapshotAttributeCommand({ SnapshotId: snap, OperationType: "add", GroupNames: ["friends"] })), "InvalidParameterValue", /Value \(friends\)/);
      await rejectsWith(t.ec2.send(new ModifySnapshotAttributeCommand({ SnapshotId: snap, Attribute: "productCodes", OperationType: "add", UserIds: [OTHER] })), "InvalidParameterValue", /only createVolumePermission/);
      const secret = await completedSnapshot(await volume(8, { Encrypted: true }));
      await rejectsWith(t.ec2.send(new ModifySnapshotAttributeCommand({ SnapshotId: secret, CreateVolumePermission: { Add: [{ Group: "all" }] } })), "InvalidParameterValue", /cannot be made public/);
      await rejectsWith(t.ec2.send(new ModifySnapshotAttributeCommand({ SnapshotId: snap, CreateVolumePermission: { Add: [{ UserId: OTHER }] }, DryRun: true })), "DryRunOperation", /DryRun/);
      const { CreateVolumePermissions } = await t.ec2.send(new DescribeSnapshotAttributeCommand({ SnapshotId: snap, Attribute: "createVolumePermission" }));
      assert.deepEqual(CreateVolumePermissions, []);
    });
  });
});

describe("EBS snapshots while work is in flight", () => {
  const t = useTestSkiff({ transitionMs: 60_000 });

  async function availableVolume(size = 8) {
    const v = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", Size: size }));
    await t.advance("1m");
    await t.skiff.idle();
    return v.VolumeId!;
  }

  it("refuses to delete a snapshot that a volume is still being created from, and allows it after", async () => {
    const v = await availableVolume();
    const snap = await t.ec2.send(new CreateSnapshotCommand({ VolumeId: v }));
    await t.advance("1m");
    await t.skiff.idle();
    const restoring = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", SnapshotId: snap.SnapshotId! }));
    await rejectsWith(
      t.ec2.send(new DeleteSnapshotCommand({ SnapshotId: snap.SnapshotId! })),
      "InvalidSnapshot.InUse",
      new RegExp(`The snapshot ${snap.SnapshotId} is currently in use by ${restoring.VolumeId}`),
    );
    await t.advance("1m");
    await t.skiff.idle();
    await t.ec2.send(new DeleteSnapshotCommand({ SnapshotId: snap.SnapshotId! }));
  });

  it("refuses to restore or copy a snapshot that is still pending", async () => {
    const snap = await t.ec2.send(new CreateSnapshotCommand({ VolumeId: await availableVolume() }));
    await rejectsWith(t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", SnapshotId: snap.SnapshotId! })), "IncorrectState", /Snapshot is in invalid state - pending/);
    await rejectsWith(t.ec2.send(new CopySnapshotCommand({ SourceRegion: "us-east-1", SourceSnapshotId: snap.SnapshotId! })), "IncorrectState", /Snapshot is in invalid state - pending/);
  });

  it("allows five pending snapshots of one volume and refuses a sixth", async () => {
    const v = await availableVolume();
    for (let i = 0; i < 5; i++) await t.ec2.send(new CreateSnapshotCommand({ VolumeId: v }));
    await rejectsWith(t.ec2.send(new CreateSnapshotCommand({ VolumeId: v })), "ConcurrentSnapshotLimitExceeded", new RegExp(`pending snapshots of volume ${v}`));
  });

  it("refuses to snapshot a volume that is still being created", async () => {
    const creating = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", Size: 1 }));
    await rejectsWith(t.ec2.send(new CreateSnapshotCommand({ VolumeId: creating.VolumeId! })), "InvalidParameterValue", /is in the 'creating' state and cannot be snapshotted/);
  });

  it("deletes a pending snapshot at once", async () => {
    const snap = await t.ec2.send(new CreateSnapshotCommand({ VolumeId: await availableVolume() }));
    await t.ec2.send(new DeleteSnapshotCommand({ SnapshotId: snap.SnapshotId! }));
    await t.advance("1m");
    await t.skiff.idle();
    assert.deepEqual((await t.ec2.send(new DescribeSnapshotsCommand({}))).Snapshots, []);
  });
});
