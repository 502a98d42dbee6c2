import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AttachVolumeCommand, CreateVolumeCommand, DeleteVolumeCommand, DescribeVolumesCommand, DescribeVolumesModificationsCommand,
  DetachVolumeCommand, ModifyVolumeCommand, paginateDescribeVolumes, StopInstancesCommand, waitUntilInstanceStopped,
  waitUntilVolumeAvailable, waitUntilVolumeDeleted, waitUntilVolumeInUse, type CreateVolumeCommandInput,
} from "@aws-sdk/client-ec2";
import { imagesOf } from "../../src/services/ec2/images/catalog.js";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";
import { fastWaiter, runInstance } from "./fixtures.js";

describe("EBS volumes", () => {
  const t = useTestSkiff();

  const create = (input: Partial<CreateVolumeCommandInput> = {}) => t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", Size: 8, ...input }));

  describe("CreateVolume", () => {
    it("answers a creating volume with EC2's defaults that becomes available", async () => {
      const v = await create({ TagSpecifications: [{ ResourceType: "volume", Tags: [{ Key: "Name", Value: "data" }] }] });
      assert.match(v.VolumeId!, /^vol-[0-9a-f]{17}$/);
      assert.deepEqual(
        [v.State, v.Size, v.SnapshotId, v.AvailabilityZone, v.VolumeType, v.Iops, v.Encrypted, v.MultiAttachEnabled, v.Attachments],
        ["creating", 8, "", "us-east-1a", "gp2", 100, false, false, []],
      );
      assert.deepEqual(v.Tags, [{ Key: "Name", Value: "data" }]);
      assert.ok(v.CreateTime instanceof Date);
      await waitUntilVolumeAvailable(fastWaiter(t.ec2), { VolumeIds: [v.VolumeId!] });
    });

    it("gives gp2 3 IOPS per GiB and takes provisioned IOPS and throughput where the type has them", async () => {
      assert.equal((await create({ Size: 100 })).Iops, 300);
      const gp3 = await create({ VolumeType: "gp3", Iops: 4000, Throughput: 250 });
      assert.deepEqual([gp3.Iops, gp3.Throughput], [4000, 250]);
      const io2 = await create({ VolumeType: "io2", Size: 10, Iops: 1000, MultiAttachEnabled: true });
      assert.deepEqual([io2.Iops, io2.MultiAttachEnabled], [1000, true]);
    });

    it("takes the zone by id too", async () => {
      const v = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZoneId: "use1-az2", Size: 1 }));
      assert.equal(v.AvailabilityZone, "us-east-1b");
    });

    const invalid: [string, Partial<CreateVolumeCommandInput>, string, RegExp][] = [
      ["neither size nor snapshot", { Size: undefined }, "MissingParameter", /must contain the parameter Size or SnapshotId/],
      ["a zone of another region", { AvailabilityZone: "us-west-2a" }, "InvalidParameterValue", /Invalid availability zone: \[us-west-2a\]/],
      ["both zone forms", { AvailabilityZoneId: "use1-az1" }, "InvalidParameterCombination", /either AvailabilityZone or AvailabilityZoneId/],
      ["a size outside the type's range", { VolumeType: "st1", Size: 100 }, "InvalidParameterValue", /Volume size 100 GiB \(size\) is not valid for a st1 volume: use 125 to 16384 GiB/],
      ["IOPS on gp2", { Iops: 500 }, "InvalidParameterCombination", /The parameter iops is not supported for gp2 volumes/],
      ["io1 without IOPS", { VolumeType: "io1" }, "MissingParameter", /must contain the parameter iops/],
      ["throughput on io2", { VolumeType: "io2", Iops: 100, Throughput: 200 }, "InvalidParameterCombination", /throughput is not supported for io2/],
      ["gp3 IOPS out of range", { VolumeType: "gp3", Iops: 100 }, "InvalidParameterValue", /gp3 volumes take 3000 to 80000 IOPS/],
      ["KmsKeyId without encryption", { KmsKeyId: "alias/mine" }, "InvalidParameterDependency", /KmsKeyId requires the parameter Encrypted/],
      ["Multi-Attach on gp3", { VolumeType: "gp3", MultiAttachEnabled: true }, "InvalidParameterCombination", /Multi-Attach is supported only for io1 and io2/],
      ["an unknown snapshot", { SnapshotId: "snap-0123456789abcdef0" }, "InvalidSnapshot.NotFound", /snap-0123456789abcdef0/],
      ["tags for another resource type", { TagSpecifications: [{ ResourceType: "snapshot", Tags: [{ Key: "a", Value: "b" }] }] }, "InvalidParameterValue", /'snapshot' is not a valid taggable resource type/],
      ["an aws: tag", { TagSpecifications: [{ ResourceType: "volume", Tags: [{ Key: "aws:x", Value: "b" }] }] }, "InvalidParameterValue", /reserved for internal use/],
    ];
    for (const [what, patch, code, message] of invalid) {
      it(`rejects ${what} with ${code}`, async () => {
        await rejectsWith(create(patch), code, message);
        assert.deepEqual((await t.ec2.send(new DescribeVolumesCommand({}))).Volumes, []);
      });
    }

    it("answers DryRunOperation and creates nothing", async () => {
      await rejectsWith(create({ DryRun: true }), "DryRunOperation", /DryRun flag is set/);
      assert.deepEqual((await t.ec2.send(new DescribeVolumesCommand({}))).Volumes, []);
    });
  });

  describe("DescribeVolumes", () => {
    it("filters by attachment.instance-id, status and tag, and pages in creation order", async () => {
      const instance = await runInstance(t.ec2);
      const loose = [];
      for (let i = 0; i < 7; i++) loose.push((await create({ Size: 1 + i, TagSpecifications: [{ ResourceType: "volume", Tags: [{ Key: "tier", Value: i < 3 ? "hot" : "cold" }] }] })).VolumeId!);
      await t.skiff.idle();
      const ids = async (Filters: { Name: string; Values: string[] }[]) => (await t.ec2.send(new DescribeVolumesCommand({ Filters }))).Volumes!.map((v) => v.VolumeId);
      const root = instance.BlockDeviceMappings![0]!.Ebs!.VolumeId;
      assert.deepEqual(await ids([{ Name: "attachment.instance-id", Values: [instance.InstanceId!] }]), [root]);
      assert.deepEqual(await ids([{ Name: "status", Values: ["in-use"] }]), [root]);
      assert.deepEqual(await ids([{ Name: "status", Values: ["available"] }, { Name: "tag:tier", Values: ["hot"] }]), loose.slice(0, 3));
      assert.deepEqual(await ids([{ Name: "size", Values: ["1", "7"] }]), [loose[0], loose[6]]);
      assert.deepEqual(await ids([{ Name: "attachment.device", Values: ["/dev/xvd?"] }]), [root]);

      const pages: string[][] = [];
      for await (const page of paginateDescribeVolumes({ client: t.ec2, pageSize: 5 }, { Filters: [{ Name: "status", Values: ["available"] }] })) pages.push(page.Volumes!.map((v) => v.VolumeId!));
      assert.deepEqual(pages, [loose.slice(0, 5), loose.slice(5)]);
      await rejectsWith(t.ec2.send(new DescribeVolumesCommand({ MaxResults: 4 })), "InvalidParameterValue", /Expecting a value greater than 5/);
      await rejectsWith(t.ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: "attachment.colour", Values: ["x"] }] })), "InvalidParameterValue", /The filter 'attachment.colour' is invalid/);
    });

    it("fails naming unknown volume ids", async () => {
      await rejectsWith(
        t.ec2.send(new DescribeVolumesCommand({ VolumeIds: ["vol-0123456789abcdef0", "vol-0123456789abcdef1"] })),
        "InvalidVolume.NotFound",
        /The volumes 'vol-0123456789abcdef0, vol-0123456789abcdef1' do not exist/,
      );
    });
  });

  describe("attach, detach, delete", () => {
    it("attaches an available volume to an instance of its zone and detaches it again", async () => {
      const instance = await runInstance(t.ec2, { Placement: { AvailabilityZone: "us-east-1a" } });
      const v = await create();
      await waitUntilVolumeAvailable(fastWaiter(t.ec2), { VolumeIds: [v.VolumeId!] });
      const attaching = await t.ec2.send(new AttachVolumeCommand({ VolumeId: v.VolumeId!, InstanceId: instance.InstanceId!, Device: "/dev/sdh" }));
      assert.deepEqual([attaching.State, attaching.Device, attaching.InstanceId, attaching.DeleteOnTermination], ["attaching", "/dev/sdh", instance.InstanceId, false]);
      await waitUntilVolumeInUse(fastWaiter(t.ec2), { VolumeIds: [v.VolumeId!] });
      const [inUse] = (await t.ec2.send(new DescribeVolumesCommand({ VolumeIds: [v.VolumeId!] }))).Volumes!;
      assert.equal(inUse!.Attachments![0]!.State, "attached");
      await rejectsWith(t.ec2.send(new DeleteVolumeCommand({ VolumeId: v.VolumeId! })), "VolumeInUse", new RegExp(`Volume ${v.VolumeId} is currently attached to ${instance.InstanceId}`));
      const detaching = await t.ec2.send(new DetachVolumeCommand({ VolumeId: v.VolumeId! }));
      assert.equal(detaching.State, "detaching");
      await waitUntilVolumeAvailable(fastWaiter(t.ec2), { VolumeIds: [v.VolumeId!] });
      await t.ec2.send(new DeleteVolumeCommand({ VolumeId: v.VolumeId! }));
      await waitUntilVolumeDeleted(fastWaiter(t.ec2), { VolumeIds: [v.VolumeId!] });
    });

    it("refuses attachments EC2 refuses", async () => {
      const instance = await runInstance(t.ec2, { Placement: { AvailabilityZone: "us-east-1a" } });
      const elsewhere = await create({ AvailabilityZone: "us-east-1c" });
      const v = await create();
      await t.skiff.idle();
      await rejectsWith(t.ec2.send(new AttachVolumeCommand({ VolumeId: elsewhere.VolumeId!, InstanceId: instance.InstanceId!, Device: "/dev/sdf" })), "InvalidVolume.ZoneMismatch", /not in the same availability zone/);
      await rejectsWith(t.ec2.send(new AttachVolumeCommand({ VolumeId: v.VolumeId!, InstanceId: instance.InstanceId!, Device: "/dev/xvda" })), "InvalidParameterValue", /Attachment point \/dev\/xvda is already in use/);
      await rejectsWith(t.ec2.send(new AttachVolumeCommand({ VolumeId: v.VolumeId!, InstanceId: instance.InstanceId!, Device: "D:" })), "InvalidParameterValue", /D: is not a valid EBS device name/);
      await rejectsWith(t.ec2.send(new AttachVolumeCommand({ VolumeId: v.VolumeId!, InstanceId: "i-0123456789abcdef0", Device: "/dev/sdf" })), "InvalidInstanceID.NotFound", /i-0123456789abcdef0/);
      await rejectsWith(t.ec2.send(new AttachVolumeCommand({ VolumeId: v.VolumeId!, InstanceId: instance.InstanceId!, Device: "/dev/sdf", DryRun: true })), "DryRunOperation", /DryRun/);
      await t.ec2.send(new AttachVolumeCommand({ VolumeId: v.VolumeId!, InstanceId: instance.InstanceId!, Device: "/dev/sdf" }));
      await rejectsWith(t.ec2.send(new AttachVolumeCommand({ VolumeId: v.VolumeId!, InstanceId: instance.InstanceId!, Device: "/dev/sdg" })), "VolumeInUse", /already attached to an instance/);
    });

    it("keeps /dev/xvda for the system disk even where the AMI's root device is /dev/sda1", async () => {
      const ubuntu = await runInstance(t.ec2, { ImageId: imagesOf("us-east-1").find((i) => i.rootDeviceName === "/dev/sda1")!.imageId, Placement: { AvailabilityZone: "us-east-1a" } });
      const v = await create();
      await t.skiff.idle();
      await rejectsWith(
        t.ec2.send(new AttachVolumeCommand({ VolumeId: v.VolumeId!, InstanceId: ubuntu.InstanceId!, Device: "xvda" })),
        "InvalidParameterValue",
        /Skiff keeps \/dev\/xvda for the root device of every instance/,
      );
    });

    it("refuses to detach a root volume from a running instance, and detaches it once stopped", async () => {
      const instance = await runInstance(t.ec2);
      const root = instance.BlockDeviceMappings![0]!.Ebs!.VolumeId!;
      await rejectsWith(t.ec2.send(new DetachVolumeCommand({ VolumeId: root })), "IncorrectState", /Unable to detach root volume/);
      const loose = await create();
      await t.skiff.idle();
      await rejectsWith(t.ec2.send(new DetachVolumeCommand({ VolumeId: loose.VolumeId! })), "IncorrectState", /is in the 'available' state/);
      await rejectsWith(t.ec2.send(new DetachVolumeCommand({ VolumeId: root, InstanceId: "i-0123456789abcdef0" })), "InvalidAttachment.NotFound", /is not attached to instance 'i-0123456789abcdef0'/);
      await t.ec2.send(new StopInstancesCommand({ InstanceIds: [instance.InstanceId!] }));
      await waitUntilInstanceStopped(fastWaiter(t.ec2), { InstanceIds: [instance.InstanceId!] });
      await t.ec2.send(new DetachVolumeCommand({ VolumeId: root, InstanceId: instance.InstanceId! }));
      await waitUntilVolumeAvailable(fastWaiter(t.ec2), { VolumeIds: [root] });
    });

    it("deletes only existing volumes, and answers DryRunOperation without deleting", async () => {
      await rejectsWith(t.ec2.send(new DeleteVolumeCommand({ VolumeId: "vol-0123456789abcdef0" })), "InvalidVolume.NotFound", /The volume 'vol-0123456789abcdef0' does not exist\./);
      const v = await create();
      await t.skiff.idle();
      await rejectsWith(t.ec2.send(new DeleteVolumeCommand({ VolumeId: v.VolumeId!, DryRun: true })), "DryRunOperation", /DryRun/);
      assert.equal((await t.ec2.send(new DescribeVolumesCommand({ VolumeIds: [v.VolumeId!] }))).Volumes!.length, 1);
    });
  });

  describe("ModifyVolume", () => {
    it("grows a volume and changes its type; the modification completes in the background", async () => {
      const v = await create({ Size: 10 });
      await t.skiff.idle();
      const { VolumeModification } = await t.ec2.send(new ModifyVolumeCommand({ VolumeId: v.VolumeId!, Size: 20, VolumeType: "gp3" }));
      assert.deepEqual(
        [VolumeModification!.ModificationState, VolumeModification!.OriginalSize, VolumeModification!.TargetSize, VolumeModification!.OriginalVolumeType, VolumeModification!.TargetVolumeType, VolumeModification!.TargetIops],
        ["modifying", 10, 20, "gp2", "gp3", 3000],
      );
      await t.skiff.idle();
      const [after] = (await t.ec2.send(new DescribeVolumesCommand({ VolumeIds: [v.VolumeId!] }))).Volumes!;
      assert.deepEqual([after!.Size, after!.VolumeType, after!.Iops, after!.Throughput], [20, "gp3", 3000, 125]);
      const { VolumesModifications } = await t.ec2.send(new DescribeVolumesModificationsCommand({ VolumeIds: [v.VolumeId!] }));
      assert.deepEqual([VolumesModifications![0]!.ModificationState, VolumesModifications![0]!.Progress], ["completed", 100]);
    });

    it("refuses to shrink, to change nothing, and sizes the type does not allow", async () => {
      const v = await create({ Size: 10 });
      await t.skiff.idle();
      await rejectsWith(t.ec2.send(new ModifyVolumeCommand({ VolumeId: v.VolumeId!, Size: 5 })), "InvalidParameterValue", /New size 5 GiB cannot be smaller than the volume's size of 10 GiB/);
      await rejectsWith(t.ec2.send(new ModifyVolumeCommand({ VolumeId: v.VolumeId!, Size: 10 })), "InvalidParameterValue", /does not change volume/);
      await rejectsWith(t.ec2.send(new ModifyVolumeCommand({ VolumeId: v.VolumeId!, VolumeType: "sc1" })), "InvalidParameterValue", /not valid for a sc1 volume/);
      await rejectsWith(t.ec2.send(new ModifyVolumeCommand({ VolumeId: v.VolumeId!, Size: 11, DryRun: true })), "DryRunOperation", /DryRun/);
    });
  });
});
