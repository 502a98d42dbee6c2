import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AttachVolumeCommand, CreateSnapshotsCommand, CreateTagsCommand, CreateVolumeCommand, DescribeSnapshotsCommand, TerminateInstancesCommand,
  waitUntilSnapshotCompleted, waitUntilVolumeAvailable, waitUntilVolumeInUse, type Instance,
} from "@aws-sdk/client-ec2";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";
import { fastWaiter, runInstance } from "./fixtures.js";

describe("CreateSnapshots", () => {
  const t = useTestSkiff();

  /** An instance with its root volume and two data volumes attached at /dev/sdf and /dev/sdg. */
  async function instanceWithData(): Promise<{ instance: Instance; root: string; data: string[] }> {
    const instance = await runInstance(t.ec2, {
      BlockDeviceMappings: [{ DeviceName: "/dev/sdf", Ebs: { VolumeSize: 10 } }],
      TagSpecifications: [{ ResourceType: "volume", Tags: [{ Key: "origin", Value: "launch" }] }],
    });
    const extra = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: instance.Placement!.AvailabilityZone!, Size: 20, VolumeType: "gp3" }));
    await waitUntilVolumeAvailable(fastWaiter(t.ec2), { VolumeIds: [extra.VolumeId!] });
    await t.ec2.send(new AttachVolumeCommand({ VolumeId: extra.VolumeId!, InstanceId: instance.InstanceId!, Device: "/dev/sdg" }));
    await waitUntilVolumeInUse(fastWaiter(t.ec2), { VolumeIds: [extra.VolumeId!] });
    const mappings = instance.BlockDeviceMappings!;
    const root = mappings.find((m) => m.DeviceName === instance.RootDeviceName)!.Ebs!.VolumeId!;
    const sdf = mappings.find((m) => m.DeviceName === "/dev/sdf")!.Ebs!.VolumeId!;
    return { instance, root, data: [sdf, extra.VolumeId!] };
  }

  it("takes one pending snapshot of every attached volume, root first, all with one StartTime", async () => {
    const { instance, root, data } = await instanceWithData();
    const { Snapshots } = await t.ec2.send(new CreateSnapshotsCommand({
      InstanceSpecification: { InstanceId: instance.InstanceId! },
      Description: "nightly",
      TagSpecifications: [{ ResourceType: "snapshot", Tags: [{ Key: "set", Value: "n1" }] }],
    }));
    assert.deepEqual(Snapshots!.map((s) => s.VolumeId), [root, ...data]);
    assert.deepEqual(Snapshots!.map((s) => s.VolumeSize), [8, 10, 20]);
    for (const s of Snapshots!) {
      assert.match(s.SnapshotId!, /^snap-[0-9a-f]{17}$/);
      assert.equal(s.State, "pending");
      assert.equal(s.Progress, "");
      assert.equal(s.OwnerId, "000000000000");
      assert.equal(s.Description, "nightly");
      assert.equal(s.Encrypted, false);
      assert.deepEqual(s.Tags, [{ Key: "set", Value: "n1" }]);
      assert.equal(s.StartTime!.getTime(), Snapshots![0]!.StartTime!.getTime());
    }
    await waitUntilSnapshotCompleted(fastWaiter(t.ec2), { SnapshotIds: Snapshots!.map((s) => s.SnapshotId!) });
    const described = await t.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: Snapshots!.map((s) => s.SnapshotId!) }));
    assert.deepEqual(described.Snapshots!.map((s) => [s.State, s.Progress]), [["completed", "100%"], ["completed", "100%"], ["completed", "100%"]]);
    assert.equal(new Set(described.Snapshots!.map((s) => s.StartTime!.getTime())).size, 1);
  });

  it("leaves out the root volume with ExcludeBootVolume", async () => {
    const { instance, data } = await instanceWithData();
    const { Snapshots } = await t.ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: instance.InstanceId!, ExcludeBootVolume: true } }));
    assert.deepEqual(Snapshots!.map((s) => s.VolumeId), data);
  });

  it("leaves out the data volumes listed in ExcludeDataVolumeIds", async () => {
    const { instance, root, data } = await instanceWithData();
    const { Snapshots } = await t.ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: instance.InstanceId!, ExcludeDataVolumeIds: [data[1]!] } }));
    assert.deepEqual(Snapshots!.map((s) => s.VolumeId), [root, data[0]]);
  });

  it("copies each volume's tags with CopyTagsFromSource=volume, TagSpecifications winning on the same key", async () => {
    const { instance, root, data } = await instanceWithData();
    await t.ec2.send(new CreateTagsCommand({ Resources: [data[1]!], Tags: [{ Key: "role", Value: "logs" }, { Key: "set", Value: "from-volume" }] }));
    const { Snapshots } = await t.ec2.send(new CreateSnapshotsCommand({
      InstanceSpecification: { InstanceId: instance.InstanceId! },
      CopyTagsFromSource: "volume",
      TagSpecifications: [{ ResourceType: "snapshot", Tags: [{ Key: "set", Value: "n2" }] }],
    }));
    const tagsOf = (volumeId: string) => Snapshots!.find((s) => s.VolumeId === volumeId)!.Tags;
    assert.deepEqual(tagsOf(root), [{ Key: "origin", Value: "launch" }, { Key: "set", Value: "n2" }]);
    assert.deepEqual(tagsOf(data[1]!), [{ Key: "role", Value: "logs" }, { Key: "set", Value: "n2" }]);
  });

  it("answers DryRunOperation for a valid request and takes no snapshot", async () => {
    const { instance } = await instanceWithData();
    await rejectsWith(
      t.ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: instance.InstanceId! }, DryRun: true })),
      "DryRunOperation",
      /Request would have succeeded, but DryRun flag is set/,
    );
    assert.deepEqual((await t.ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"] }))).Snapshots, []);
  });

  it("rejects the root volume in ExcludeDataVolumeIds, pointing to ExcludeBootVolume", async () => {
    const { instance, root } = await instanceWithData();
    await rejectsWith(
      t.ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: instance.InstanceId!, ExcludeDataVolumeIds: [root] } })),
      "InvalidParameterValue",
      new RegExp(`root volume '${root}' of instance '${instance.InstanceId}' cannot be excluded with ExcludeDataVolumeIds; use ExcludeBootVolume`),
    );
  });

  it("rejects more than 40 ExcludeDataVolumeIds", async () => {
    const { instance } = await instanceWithData();
    const ids = Array.from({ length: 41 }, (_, i) => `vol-${i.toString(16).padStart(17, "0")}`);
    await rejectsWith(
      t.ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: instance.InstanceId!, ExcludeDataVolumeIds: ids } })),
      "InvalidParameterValue",
      /lists 41 volumes; at most 40 can be excluded/,
    );
  });

  it("rejects an excluded volume that is not attached to the instance", async () => {
    const { instance } = await instanceWithData();
    const loose = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", Size: 1 }));
    await rejectsWith(
      t.ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: instance.InstanceId!, ExcludeDataVolumeIds: [loose.VolumeId!] } })),
      "InvalidParameterValue",
      new RegExp(`volume '${loose.VolumeId}' in ExcludeDataVolumeIds is not attached to instance`),
    );
  });

  it("rejects a malformed volume id in ExcludeDataVolumeIds", async () => {
    const { instance } = await instanceWithData();
    await rejectsWith(
      t.ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: instance.InstanceId!, ExcludeDataVolumeIds: ["disk-1"] } })),
      "InvalidVolumeID.Malformed",
      /Invalid id: "disk-1"/,
    );
  });

  it("fails when nothing is left to snapshot", async () => {
    const instance = await runInstance(t.ec2);
    await rejectsWith(
      t.ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: instance.InstanceId!, ExcludeBootVolume: true } })),
      "InvalidParameterValue",
      new RegExp(`Instance '${instance.InstanceId}' has no volume left to snapshot`),
    );
  });

  it("fails for an unknown or malformed instance", async () => {
    await rejectsWith(
      t.ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: "i-0123456789abcdef0" } })),
      "InvalidInstanceID.NotFound",
      /The instance ID 'i-0123456789abcdef0' does not exist/,
    );
    await rejectsWith(
      t.ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: "web-1" } })),
      "InvalidInstanceID.Malformed",
      /Invalid id: "web-1"/,
    );
  });

  it("fails for a terminated instance", async () => {
    const instance = await runInstance(t.ec2);
    await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [instance.InstanceId!] }));
    await rejectsWith(
      t.ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: instance.InstanceId! } })),
      "IncorrectInstanceState",
      /not in a state from which it can be snapshotted/,
    );
  });

  it("rejects OutpostArn and Location=local clearly: there are no Outposts", async () => {
    const instance = await runInstance(t.ec2);
    await rejectsWith(
      t.ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: instance.InstanceId! }, OutpostArn: "arn:aws:outposts:us-east-1:123456789012:outpost/op-0123456789abcdef0" })),
      "InvalidParameterValue",
      /Skiff has no Outposts: .* leave out OutpostArn/,
    );
    await rejectsWith(
      t.ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: instance.InstanceId! }, Location: "local" })),
      "InvalidParameterValue",
      /leave out Location=local/,
    );
    const regional = await t.ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: instance.InstanceId! }, Location: "regional" }));
    assert.equal(regional.Snapshots?.length, 1);
  });

  it("rejects tag specifications for anything but snapshots, and empty ones", async () => {
    const instance = await runInstance(t.ec2);
    await rejectsWith(
      t.ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: instance.InstanceId! }, TagSpecifications: [{ ResourceType: "volume", Tags: [{ Key: "a", Value: "b" }] }] })),
      "InvalidParameterValue",
      /'volume' is not a valid taggable resource type for this operation/,
    );
    await rejectsWith(
      t.ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: instance.InstanceId! }, TagSpecifications: [{ ResourceType: "snapshot", Tags: [] }] })),
      "InvalidParameterValue",
      /has no tags/,
    );
  });

  it("rejects a Description over 255 characters", async () => {
    const instance = await runInstance(t.ec2);
    await rejectsWith(
      t.ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: instance.InstanceId! }, Description: "d".repeat(256) })),
      "InvalidParameterValue",
      /256 characters long; at most 255/,
    );
  });
});
