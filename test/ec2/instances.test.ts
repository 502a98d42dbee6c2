import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import {
  AttachVolumeCommand, CreateKeyPairCommand, CreateSnapshotCommand, CreateVolumeCommand, DescribeInstancesCommand, DescribeInstanceStatusCommand,
  DescribeVolumesCommand, paginateDescribeInstances, RebootInstancesCommand, RunInstancesCommand, StartInstancesCommand,
  StopInstancesCommand, TerminateInstancesCommand, waitUntilInstanceRunning, waitUntilInstanceStopped, waitUntilInstanceTerminated,
  waitUntilSnapshotCompleted, waitUntilVolumeAvailable, type RunInstancesCommandInput,
} from "@aws-sdk/client-ec2";
import { imagesOf } from "../../src/services/ec2/images/catalog.js";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";
import { amiId, fastWaiter, runInstance } from "./fixtures.js";

describe("EC2 instances", () => {
  const t = useTestSkiff();
  let ami: string;
  before(async () => {
    ami = await amiId(t.ec2);
  });

  const run = (input: Partial<RunInstancesCommandInput> = {}) =>
    t.ec2.send(new RunInstancesCommand({ ImageId: ami, InstanceType: "t3.micro", MinCount: 1, MaxCount: 1, ...input }));

  describe("RunInstances", () => {
    it("launches MaxCount instances in one reservation, pending, each with a root volume from the AMI, then running", async () => {
      await t.ec2.send(new CreateKeyPairCommand({ KeyName: "deploy" }));
      const r = await run({
        MinCount: 2, MaxCount: 3, KeyName: "deploy", Placement: { AvailabilityZone: "us-east-1c" },
        UserData: Buffer.from("#!/bin/sh\necho hello\n").toString("base64"),
        TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "web" }] }, { ResourceType: "volume", Tags: [{ Key: "backup", Value: "daily" }] }],
      });
      assert.match(r.ReservationId!, /^r-[0-9a-f]{17}$/);
      assert.equal(r.OwnerId, "000000000000");
      assert.equal(r.Instances!.length, 3);
      assert.deepEqual(r.Instances!.map((i) => i.AmiLaunchIndex), [0, 1, 2]);
      for (const i of r.Instances!) {
        assert.match(i.InstanceId!, /^i-[0-9a-f]{17}$/);
        assert.deepEqual(i.State, { Code: 0, Name: "pending" });
        assert.deepEqual([i.ImageId, i.InstanceType, i.KeyName, i.Placement?.AvailabilityZone, i.RootDeviceName, i.RootDeviceType, i.Architecture], [ami, "t3.micro", "deploy", "us-east-1c", "/dev/xvda", "ebs", "x86_64"]);
        assert.deepEqual(i.Tags, [{ Key: "Name", Value: "web" }]);
        assert.match(i.PrivateIpAddress!, /^172\.31\.\d+\.\d+$/);
        assert.equal(i.BlockDeviceMappings!.length, 1);
        assert.equal(i.BlockDeviceMappings![0]!.DeviceName, "/dev/xvda");
        assert.equal(i.BlockDeviceMappings![0]!.Ebs!.DeleteOnTermination, true);
      }
      const ids = r.Instances!.map((i) => i.InstanceId!);
      await waitUntilInstanceRunning(fastWaiter(t.ec2), { InstanceIds: ids });
      const { Volumes } = await t.ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: "attachment.instance-id", Values: ids }] }));
      assert.equal(Volumes!.length, 3);
      for (const v of Volumes!) {
        assert.deepEqual([v.Size, v.VolumeType, v.State, v.AvailabilityZone], [8, "gp3", "in-use", "us-east-1c"]);
        assert.match(v.SnapshotId!, /^snap-[0-9a-f]{17}$/);
        assert.deepEqual(v.Tags, [{ Key: "backup", Value: "daily" }]);
      }
      const [running] = (await t.ec2.send(new DescribeInstancesCommand({ InstanceIds: [ids[0]!] }))).Reservations![0]!.Instances!;
      assert.deepEqual(running!.State, { Code: 16, Name: "running" });
      assert.match(running!.PublicIpAddress!, /^(198\.51\.100|203\.0\.113)\.\d+$/);
      assert.equal(running!.PublicDnsName, `ec2-${running!.PublicIpAddress!.replace(/\./g, "-")}.compute-1.amazonaws.com`);
    });

    it("changes the root volume through its block device mapping and adds data volumes, from a size or a snapshot", async () => {
      const source = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", Size: 5 }));
      await waitUntilVolumeAvailable(fastWaiter(t.ec2), { VolumeIds: [source.VolumeId!] });
      const snap = await t.ec2.send(new CreateSnapshotCommand({ VolumeId: source.VolumeId! }));
      await waitUntilSnapshotCompleted(fastWaiter(t.ec2), { SnapshotIds: [snap.SnapshotId!] });
      const r = await run({
        BlockDeviceMappings: [
          { DeviceName: "/dev/xvda", Ebs: { VolumeSize: 30, VolumeType: "io1", Iops: 500, DeleteOnTermination: false } },
          { DeviceName: "/dev/sdf", Ebs: { VolumeSize: 500, VolumeType: "st1" } },
          { DeviceName: "/dev/sdg", Ebs: { SnapshotId: snap.SnapshotId! } },
          { DeviceName: "/dev/sdh", NoDevice: "" },
        ],
      });
      const instance = r.Instances![0]!;
      assert.deepEqual(instance.BlockDeviceMappings!.map((m) => [m.DeviceName, m.Ebs!.DeleteOnTermination]), [["/dev/xvda", false], ["/dev/sdf", true], ["/dev/sdg", true]]);
      const { Volumes } = await t.ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: "attachment.instance-id", Values: [instance.InstanceId!] }] }));
      const byDevice = Object.fromEntries(Volumes!.map((v) => [v.Attachments![0]!.Device, v]));
      assert.deepEqual([byDevice["/dev/xvda"]!.Size, byDevice["/dev/xvda"]!.VolumeType, byDevice["/dev/xvda"]!.Iops], [30, "io1", 500]);
      assert.deepEqual([byDevice["/dev/sdf"]!.Size, byDevice["/dev/sdf"]!.VolumeType], [500, "st1"]);
      assert.deepEqual([byDevice["/dev/sdg"]!.Size, byDevice["/dev/sdg"]!.SnapshotId], [5, snap.SnapshotId]);
    });

    const invalid: [string, Partial<RunInstancesCommandInput>, string, RegExp][] = [
      ["an unknown AMI", { ImageId: "ami-0123456789abcdef0" }, "InvalidAMIID.NotFound", /The image id '\[ami-0123456789abcdef0\]' does not exist/],
      ["a malformed AMI id", { ImageId: "ubuntu" }, "InvalidAMIID.Malformed", /Invalid id: "ubuntu"/],
      ["no AMI", { ImageId: undefined }, "MissingParameter", /must contain the parameter ImageId/],
      ["an unknown key pair", { KeyName: "nobody" }, "InvalidKeyPair.NotFound", /The key pair 'nobody' does not exist/],
      ["an arm64 type for an x86_64 AMI", { InstanceType: "t4g.micro" }, "InvalidParameterValue", /architecture 'arm64' of the specified instance type does not match the architecture 'x86_64'/],
      ["MaxCount below MinCount", { MinCount: 3, MaxCount: 2 }, "InvalidParameterValue", /MaxCount \(2\) must be greater than or equal to MinCount \(3\)/],
      ["MinCount of zero", { MinCount: 0 }, "InvalidParameterValue", /Value \(0\) for parameter minCount is invalid/],
      ["more than the instance limit", { MinCount: 101, MaxCount: 101 }, "InstanceLimitExceeded", /more instances \(101\) than your current instance limit of 100/],
      ["a zone of another region", { Placement: { AvailabilityZone: "eu-west-1a" } }, "InvalidParameterValue", /Invalid availability zone: \[eu-west-1a\]/],
      ["a root volume smaller than the AMI snapshot", { BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { VolumeSize: 4 } }] }, "InvalidBlockDeviceMapping", /Volume of size 4GB is smaller than snapshot 'snap-[0-9a-f]{17}', expect size >= 8GB/],
      ["a data mapping without size or snapshot", { BlockDeviceMappings: [{ DeviceName: "/dev/sdf", Ebs: { VolumeType: "gp3" } }] }, "InvalidParameterCombination", /BlockDeviceMapping\.1\.Ebs needs a VolumeSize or a SnapshotId/],
      ["the same device twice", { BlockDeviceMappings: [{ DeviceName: "/dev/sdf", Ebs: { VolumeSize: 1 } }, { DeviceName: "/dev/sdf", Ebs: { VolumeSize: 2 } }] }, "InvalidBlockDeviceMapping", /'\/dev\/sdf' is used in more than one/],
      ["an instance store mapping", { BlockDeviceMappings: [{ DeviceName: "/dev/sdb", VirtualName: "ephemeral0" }] }, "InvalidBlockDeviceMapping", /no instance store volumes/],
      ["user data that is not base64", { UserData: "echo hi!" }, "InvalidParameterValue", /Invalid BASE64 encoding of user data/],
      ["user data over 16 KB", { UserData: Buffer.alloc(16 * 1024 + 1, 65).toString("base64") }, "InvalidParameterValue", /limited to 16384 bytes; this one has 16385/],
      ["a tag specification for snapshots", { TagSpecifications: [{ ResourceType: "snapshot", Tags: [{ Key: "a", Value: "b" }] }] }, "InvalidParameterValue", /'snapshot' is not a valid taggable resource type/],
      ["a launch template", { ImageId: undefined, LaunchTemplate: { LaunchTemplateName: "lt" } }, "InvalidParameterValue", /does not support launch templates/],
    ];
    for (const [what, patch, code, message] of invalid) {
      it(`rejects ${what} with ${code}`, async () => {
        await rejectsWith(run(patch), code, message);
        assert.deepEqual((await t.ec2.send(new DescribeInstancesCommand({}))).Reservations, []);
      });
    }

    it("rejects a data volume at /dev/xvda, the system disk, where the AMI's root device is /dev/sda1", async () => {
      const ubuntu = imagesOf("us-east-1").find((i) => i.rootDeviceName === "/dev/sda1")!;
      await rejectsWith(
        run({ ImageId: ubuntu.imageId, BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { VolumeSize: 1 } }] }),
        "InvalidBlockDeviceMapping",
        /Skiff keeps \/dev\/xvda for the root device of every instance/,
      );
      assert.deepEqual((await t.ec2.send(new DescribeInstancesCommand({}))).Reservations, []);
    });

    it("answers DryRunOperation and launches nothing", async () => {
      await rejectsWith(run({ DryRun: true }), "DryRunOperation", /Request would have succeeded, but DryRun flag is set/);
      assert.deepEqual((await t.ec2.send(new DescribeInstancesCommand({}))).Reservations, []);
      assert.deepEqual((await t.ec2.send(new DescribeVolumesCommand({}))).Volumes, []);
    });

    it("answers a retry with the same ClientToken with the first reservation", async () => {
      const first = await run({ ClientToken: "once" });
      const again = await run({ ClientToken: "once" });
      assert.equal(again.ReservationId, first.ReservationId);
      assert.deepEqual(again.Instances!.map((i) => i.InstanceId), first.Instances!.map((i) => i.InstanceId));
      assert.equal((await t.ec2.send(new DescribeInstancesCommand({}))).Reservations!.length, 1);
    });
  });

  describe("DescribeInstances", () => {
    it("groups instances by reservation, filters them and pages through them", async () => {
      const a = await run({ MinCount: 3, MaxCount: 3, TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "env", Value: "prod" }] }] });
      const b = await run({ MinCount: 4, MaxCount: 4, InstanceType: "m5.large" });
      await t.skiff.idle();
      const aIds = a.Instances!.map((i) => i.InstanceId);
      const bIds = b.Instances!.map((i) => i.InstanceId);
      const all = await t.ec2.send(new DescribeInstancesCommand({}));
      assert.deepEqual(all.Reservations!.map((r) => [r.ReservationId, r.Instances!.map((i) => i.InstanceId)]), [[a.ReservationId, aIds], [b.ReservationId, bIds]]);
      const ids = async (Filters: { Name: string; Values: string[] }[]) =>
        (await t.ec2.send(new DescribeInstancesCommand({ Filters }))).Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId));
      assert.deepEqual(await ids([{ Name: "tag:env", Values: ["prod"] }]), aIds);
      assert.deepEqual(await ids([{ Name: "instance-type", Values: ["m5.*"] }, { Name: "instance-state-name", Values: ["running"] }]), bIds);
      assert.deepEqual(await ids([{ Name: "reservation-id", Values: [b.ReservationId!] }]), bIds);
      const vol = b.Instances![1]!.BlockDeviceMappings![0]!.Ebs!.VolumeId!;
      assert.deepEqual(await ids([{ Name: "block-device-mapping.volume-id", Values: [vol] }]), [bIds[1]]);

      const pages: string[][] = [];
      for await (const page of paginateDescribeInstances({ client: t.ec2, pageSize: 5 }, {})) pages.push(page.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId!)));
      assert.deepEqual(pages, [[...aIds, ...bIds.slice(0, 2)], bIds.slice(2)]);
    });

    it("fails for unknown ids, naming them, and for ids together with MaxResults", async () => {
      await rejectsWith(
        t.ec2.send(new DescribeInstancesCommand({ InstanceIds: ["i-0123456789abcdef0", "i-0123456789abcdef1"] })),
        "InvalidInstanceID.NotFound",
        /The instance IDs 'i-0123456789abcdef0, i-0123456789abcdef1' do not exist/,
      );
      const i = await runInstance(t.ec2);
      await rejectsWith(t.ec2.send(new DescribeInstancesCommand({ InstanceIds: [i.InstanceId!], MaxResults: 5 })), "InvalidParameterCombination", /instancesSet cannot be used with the parameter maxResults/);
    });

    it("keeps regions and accounts apart", async () => {
      await runInstance(t.ec2);
      assert.deepEqual((await t.ec2As("us-west-2").send(new DescribeInstancesCommand({}))).Reservations, []);
      assert.deepEqual((await t.ec2As("us-east-1", "123456789012").send(new DescribeInstancesCommand({}))).Reservations, []);
    });
  });

  describe("lifecycle", () => {
    it("stops, starts, reboots and terminates, answering previous and current states", async () => {
      const i = await runInstance(t.ec2);
      const id = i.InstanceId!;
      await waitUntilInstanceRunning(fastWaiter(t.ec2), { InstanceIds: [id] });
      const stopping = await t.ec2.send(new StopInstancesCommand({ InstanceIds: [id] }));
      assert.deepEqual(stopping.StoppingInstances, [{ InstanceId: id, PreviousState: { Code: 16, Name: "running" }, CurrentState: { Code: 64, Name: "stopping" } }]);
      await waitUntilInstanceStopped(fastWaiter(t.ec2), { InstanceIds: [id] });
      const [stopped] = (await t.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations![0]!.Instances!;
      assert.equal(stopped!.PublicIpAddress, undefined);
      assert.match(stopped!.StateTransitionReason!, /^User initiated \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT\)$/);
      assert.equal(stopped!.StateReason?.Code, "Client.UserInitiatedShutdown");
      await rejectsWith(t.ec2.send(new RebootInstancesCommand({ InstanceIds: [id] })), "IncorrectInstanceState", /not in a state from which it can be rebooted/);
      const starting = await t.ec2.send(new StartInstancesCommand({ InstanceIds: [id] }));
      assert.deepEqual(starting.StartingInstances![0]!.CurrentState, { Code: 0, Name: "pending" });
      await waitUntilInstanceRunning(fastWaiter(t.ec2), { InstanceIds: [id] });
      await t.ec2.send(new RebootInstancesCommand({ InstanceIds: [id] }));
      await t.skiff.idle();
      const terminating = await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
      assert.deepEqual(terminating.TerminatingInstances![0]!.CurrentState, { Code: 32, Name: "shutting-down" });
      await waitUntilInstanceTerminated(fastWaiter(t.ec2), { InstanceIds: [id] });
      const again = await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
      assert.deepEqual(again.TerminatingInstances![0]!.CurrentState, { Code: 48, Name: "terminated" });
      await rejectsWith(t.ec2.send(new StartInstancesCommand({ InstanceIds: [id] })), "IncorrectInstanceState", new RegExp(`The instance '${id}' is not in a state from which it can be started`));
    });

    it("takes DeleteOnTermination volumes with a terminated instance and leaves the others available", async () => {
      const i = await runInstance(t.ec2, { Placement: { AvailabilityZone: "us-east-1a" }, BlockDeviceMappings: [{ DeviceName: "/dev/sdf", Ebs: { VolumeSize: 2, DeleteOnTermination: false } }] });
      const kept = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", Size: 3 }));
      await t.skiff.idle();
      await t.ec2.send(new AttachVolumeCommand({ VolumeId: kept.VolumeId!, InstanceId: i.InstanceId!, Device: "/dev/sdg" }));
      const root = i.BlockDeviceMappings!.find((m) => m.DeviceName === "/dev/xvda")!.Ebs!.VolumeId!;
      const sdf = i.BlockDeviceMappings!.find((m) => m.DeviceName === "/dev/sdf")!.Ebs!.VolumeId!;
      await t.skiff.idle();
      await t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [i.InstanceId!] }));
      await waitUntilInstanceTerminated(fastWaiter(t.ec2), { InstanceIds: [i.InstanceId!] });
      const { Volumes } = await t.ec2.send(new DescribeVolumesCommand({}));
      assert.deepEqual(Volumes!.map((v) => [v.VolumeId, v.State, v.Attachments]).sort(), [[sdf, "available", []], [kept.VolumeId, "available", []]].sort());
      assert.ok(!Volumes!.some((v) => v.VolumeId === root));
    });

    it("stopping or starting an instance already there changes nothing", async () => {
      const i = await runInstance(t.ec2);
      await t.skiff.idle();
      const started = await t.ec2.send(new StartInstancesCommand({ InstanceIds: [i.InstanceId!] }));
      assert.deepEqual(started.StartingInstances![0]!.CurrentState, { Code: 16, Name: "running" });
    });

    it("answers DryRunOperation for every state change without changing anything", async () => {
      const i = await runInstance(t.ec2);
      await t.skiff.idle();
      const InstanceIds = [i.InstanceId!];
      for (const command of [new StopInstancesCommand({ InstanceIds, DryRun: true }), new RebootInstancesCommand({ InstanceIds, DryRun: true }), new TerminateInstancesCommand({ InstanceIds, DryRun: true })]) {
        await rejectsWith(t.ec2.send(command as never), "DryRunOperation", /DryRun flag is set/);
      }
      await t.skiff.idle();
      const [now] = (await t.ec2.send(new DescribeInstancesCommand({ InstanceIds }))).Reservations![0]!.Instances!;
      assert.equal(now!.State!.Name, "running");
    });

    it("rejects hibernation and unknown instances", async () => {
      const i = await runInstance(t.ec2);
      await rejectsWith(t.ec2.send(new StopInstancesCommand({ InstanceIds: [i.InstanceId!], Hibernate: true })), "InvalidParameterValue", /not enabled for hibernation/);
      await rejectsWith(t.ec2.send(new TerminateInstancesCommand({ InstanceIds: [i.InstanceId!, "i-0123456789abcdef0"] })), "InvalidInstanceID.NotFound", /The instance ID 'i-0123456789abcdef0' does not exist/);
      await t.skiff.idle();
      const [still] = (await t.ec2.send(new DescribeInstancesCommand({ InstanceIds: [i.InstanceId!] }))).Reservations![0]!.Instances!;
      assert.equal(still!.State!.Name, "running");
    });
  });

  describe("DescribeInstanceStatus", () => {
    it("shows running instances with passed checks, and others only with IncludeAllInstances", async () => {
      const a = await runInstance(t.ec2);
      const b = await runInstance(t.ec2);
      await t.skiff.idle();
      await t.ec2.send(new StopInstancesCommand({ InstanceIds: [b.InstanceId!] }));
      await t.skiff.idle();
      const running = await t.ec2.send(new DescribeInstanceStatusCommand({}));
      assert.deepEqual(running.InstanceStatuses!.map((s) => [s.InstanceId, s.InstanceState?.Name, s.InstanceStatus?.Status, s.SystemStatus?.Details?.[0]?.Status]), [[a.InstanceId, "running", "ok", "passed"]]);
      const all = await t.ec2.send(new DescribeInstanceStatusCommand({ IncludeAllInstances: true }));
      assert.deepEqual(all.InstanceStatuses!.map((s) => [s.InstanceId, s.InstanceState?.Name, s.InstanceStatus?.Status]), [[a.InstanceId, "running", "ok"], [b.InstanceId, "stopped", "not-applicable"]]);
      const filtered = await t.ec2.send(new DescribeInstanceStatusCommand({ IncludeAllInstances: true, Filters: [{ Name: "instance-state-name", Values: ["stopped"] }] }));
      assert.deepEqual(filtered.InstanceStatuses!.map((s) => s.InstanceId), [b.InstanceId]);
      await rejectsWith(t.ec2.send(new DescribeInstanceStatusCommand({ InstanceIds: ["i-0123456789abcdef0"] })), "InvalidInstanceID.NotFound", /i-0123456789abcdef0/);
    });
  });
});
