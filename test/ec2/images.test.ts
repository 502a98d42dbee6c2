import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { DescribeAvailabilityZonesCommand, DescribeImagesCommand } from "@aws-sdk/client-ec2";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";

describe("EC2 catalog: images and zones", () => {
  const t = useTestSkiff({}, { reset: false });
  before(async () => {
    await t.admin("/_skiff/clock", { method: "POST", body: JSON.stringify({ set: "2026-01-15T00:00:00Z" }) });
  });

  it("lists public AMIs that look like EC2's, with their root snapshot mapping", async () => {
    const { Images } = await t.ec2.send(new DescribeImagesCommand({ Owners: ["amazon"], Filters: [{ Name: "name", Values: ["al2023-ami-*"] }, { Name: "architecture", Values: ["x86_64"] }] }));
    assert.equal(Images!.length, 1);
    const image = Images![0]!;
    assert.match(image.ImageId!, /^ami-[0-9a-f]{17}$/);
    assert.deepEqual(
      [image.State, image.Public, image.ImageOwnerAlias, image.OwnerId, image.RootDeviceName, image.RootDeviceType, image.VirtualizationType, image.PlatformDetails],
      ["available", true, "amazon", "137112412989", "/dev/xvda", "ebs", "hvm", "Linux/UNIX"],
    );
    assert.deepEqual(image.BlockDeviceMappings![0]!.Ebs!.VolumeSize, 8);
    assert.match(image.BlockDeviceMappings![0]!.Ebs!.SnapshotId!, /^snap-[0-9a-f]{17}$/);
    const ubuntu = await t.ec2.send(new DescribeImagesCommand({ Owners: ["099720109477"] }));
    assert.ok(ubuntu.Images!.length >= 2 && ubuntu.Images!.every((i) => i.Name!.startsWith("ubuntu/")));
    const windows = await t.ec2.send(new DescribeImagesCommand({ Filters: [{ Name: "platform", Values: ["windows"] }] }));
    assert.deepEqual(windows.Images!.map((i) => [i.Platform, i.RootDeviceName]), [["windows", "/dev/sda1"]]);
  });

  it("gives each region its own AMI ids", async () => {
    const east = (await t.ec2.send(new DescribeImagesCommand({}))).Images!.map((i) => i.ImageId);
    const west = (await t.ec2As("us-west-2").send(new DescribeImagesCommand({}))).Images!.map((i) => i.ImageId);
    assert.equal(east.length, west.length);
    assert.ok(!east.some((id) => west.includes(id)));
  });

  it("describes by id, fails on unknown ids, owns nothing for self", async () => {
    const [first] = (await t.ec2.send(new DescribeImagesCommand({}))).Images!;
    assert.deepEqual((await t.ec2.send(new DescribeImagesCommand({ ImageIds: [first!.ImageId!] }))).Images!.map((i) => i.ImageId), [first!.ImageId]);
    await rejectsWith(t.ec2.send(new DescribeImagesCommand({ ImageIds: ["ami-0123456789abcdef0"] })), "InvalidAMIID.NotFound", /ami-0123456789abcdef0/);
    assert.deepEqual((await t.ec2.send(new DescribeImagesCommand({ Owners: ["self"] }))).Images, []);
    await rejectsWith(t.ec2.send(new DescribeImagesCommand({ Filters: [{ Name: "flavour", Values: ["x"] }] })), "InvalidParameterValue", /The filter 'flavour' is invalid/);
  });

  it("hides deprecated AMIs unless IncludeDeprecated", async () => {
    await t.admin("/_skiff/clock", { method: "POST", body: JSON.stringify({ set: "2026-08-01T00:00:00Z" }) });
    const al2 = { Filters: [{ Name: "name", Values: ["amzn2-ami-*"] }] };
    assert.deepEqual((await t.ec2.send(new DescribeImagesCommand(al2))).Images, []);
    assert.equal((await t.ec2.send(new DescribeImagesCommand({ ...al2, IncludeDeprecated: true }))).Images!.length, 1);
  });

  it("lists the region's Availability Zones with their ids", async () => {
    const { AvailabilityZones } = await t.ec2.send(new DescribeAvailabilityZonesCommand({}));
    assert.deepEqual(AvailabilityZones!.map((z) => [z.ZoneName, z.ZoneId, z.State]).slice(0, 2), [["us-east-1a", "use1-az1", "available"], ["us-east-1b", "use1-az2", "available"]]);
    const west = await t.ec2As("eu-west-1").send(new DescribeAvailabilityZonesCommand({ ZoneNames: ["eu-west-1b"] }));
    assert.deepEqual(west.AvailabilityZones!.map((z) => [z.ZoneName, z.ZoneId, z.RegionName]), [["eu-west-1b", "euw1-az2", "eu-west-1"]]);
    await rejectsWith(t.ec2.send(new DescribeAvailabilityZonesCommand({ ZoneNames: ["us-east-1z"] })), "InvalidParameterValue", /Invalid availability zone: \[us-east-1z\]/);
  });
});
