import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateKeyPairCommand, CreateSnapshotCommand, CreateTagsCommand, CreateVolumeCommand, DeleteTagsCommand, DescribeInstancesCommand,
  DescribeTagsCommand, DescribeVolumesCommand, paginateDescribeTags,
} from "@aws-sdk/client-ec2";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";
import { amiId, runInstance } from "./fixtures.js";

describe("EC2 tags", () => {
  const t = useTestSkiff();

  async function resources() {
    const instance = await runInstance(t.ec2);
    const volume = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", Size: 1 }));
    await t.skiff.idle();
    const snapshot = await t.ec2.send(new CreateSnapshotCommand({ VolumeId: volume.VolumeId! }));
    const key = await t.ec2.send(new CreateKeyPairCommand({ KeyName: "k" }));
    await t.skiff.idle();
    return { instance: instance.InstanceId!, volume: volume.VolumeId!, snapshot: snapshot.SnapshotId!, key: key.KeyPairId! };
  }

  it("tags instances, volumes, snapshots and key pairs in one call and describes every tag", async () => {
    const r = await resources();
    await t.ec2.send(new CreateTagsCommand({ Resources: [r.instance, r.volume, r.snapshot, r.key], Tags: [{ Key: "env", Value: "dev" }, { Key: "empty", Value: "" }] }));
    const { Tags } = await t.ec2.send(new DescribeTagsCommand({ Filters: [{ Name: "key", Values: ["env"] }] }));
    assert.deepEqual(Tags!.map((x) => [x.ResourceType, x.ResourceId, x.Key, x.Value]), [
      ["instance", r.instance, "env", "dev"], ["volume", r.volume, "env", "dev"], ["snapshot", r.snapshot, "env", "dev"], ["key-pair", r.key, "env", "dev"],
    ]);
    const { Tags: snapshotTags } = await t.ec2.send(new DescribeTagsCommand({ Filters: [{ Name: "resource-type", Values: ["snapshot"] }] }));
    assert.deepEqual(snapshotTags!.map((x) => [x.Key, x.Value]), [["env", "dev"], ["empty", ""]]);
    const [instance] = (await t.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: "tag:env", Values: ["dev"] }] }))).Reservations![0]!.Instances!;
    assert.equal(instance!.InstanceId, r.instance);
  });

  it("overwrites a tag given again and pages through DescribeTags", async () => {
    const r = await resources();
    await t.ec2.send(new CreateTagsCommand({ Resources: [r.volume], Tags: Array.from({ length: 7 }, (_, i) => ({ Key: `k${i}`, Value: "1" })) }));
    await t.ec2.send(new CreateTagsCommand({ Resources: [r.volume], Tags: [{ Key: "k0", Value: "2" }] }));
    const [v] = (await t.ec2.send(new DescribeVolumesCommand({ VolumeIds: [r.volume] }))).Volumes!;
    assert.equal(v!.Tags!.find((x) => x.Key === "k0")!.Value, "2");
    const pages: number[] = [];
    for await (const page of paginateDescribeTags({ client: t.ec2, pageSize: 5 }, { Filters: [{ Name: "resource-id", Values: [r.volume] }] })) pages.push(page.Tags!.length);
    assert.deepEqual(pages, [5, 2]);
  });

  it("deletes tags by key, by key and value, or all of them", async () => {
    const r = await resources();
    await t.ec2.send(new CreateTagsCommand({ Resources: [r.volume], Tags: [{ Key: "a", Value: "1" }, { Key: "b", Value: "2" }, { Key: "c", Value: "" }, { Key: "d", Value: "4" }] }));
    await t.ec2.send(new DeleteTagsCommand({ Resources: [r.volume], Tags: [{ Key: "a" }, { Key: "b", Value: "wrong" }, { Key: "c", Value: "" }] }));
    const keys = async () => ((await t.ec2.send(new DescribeVolumesCommand({ VolumeIds: [r.volume] }))).Volumes![0]!.Tags ?? []).map((x) => x.Key);
    assert.deepEqual(await keys(), ["b", "d"]);
    await t.ec2.send(new DeleteTagsCommand({ Resources: [r.volume] }));
    assert.deepEqual(await keys(), []);
  });

  it("rejects unknown and foreign ids, reserved keys and more than 50 tags, changing nothing", async () => {
    const r = await resources();
    await rejectsWith(t.ec2.send(new CreateTagsCommand({ Resources: [r.volume, "vol-0123456789abcdef0"], Tags: [{ Key: "a", Value: "1" }] })), "InvalidVolume.NotFound", /vol-0123456789abcdef0/);
    await rejectsWith(t.ec2.send(new CreateTagsCommand({ Resources: ["sg-0123456789abcdef0"], Tags: [{ Key: "a", Value: "1" }] })), "InvalidID", /The ID 'sg-0123456789abcdef0' is not valid/);
    await rejectsWith(t.ec2.send(new CreateTagsCommand({ Resources: [await amiId(t.ec2)], Tags: [{ Key: "a", Value: "1" }] })), "InvalidParameterValue", /belongs to another account and cannot be tagged/);
    await rejectsWith(t.ec2.send(new CreateTagsCommand({ Resources: [r.volume], Tags: [{ Key: "aws:owner", Value: "1" }] })), "InvalidParameterValue", /Tag keys starting with 'aws:' are reserved for internal use/);
    await rejectsWith(t.ec2.send(new CreateTagsCommand({ Resources: [r.volume], Tags: [{ Key: "k".repeat(129), Value: "1" }] })), "InvalidParameterValue", /longer than 128 characters/);
    await rejectsWith(
      t.ec2.send(new CreateTagsCommand({ Resources: [r.volume], Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "" })) })),
      "TagLimitExceeded",
      /The maximum number of Tags for a resource has been reached/,
    );
    await rejectsWith(t.ec2.send(new CreateTagsCommand({ Resources: [r.volume], Tags: [{ Key: "a", Value: "1" }], DryRun: true })), "DryRunOperation", /DryRun/);
    await rejectsWith(t.ec2.send(new DeleteTagsCommand({ Resources: [r.volume], DryRun: true })), "DryRunOperation", /DryRun/);
    assert.deepEqual((await t.ec2.send(new DescribeTagsCommand({}))).Tags, []);
    await rejectsWith(t.ec2.send(new DescribeTagsCommand({ Filters: [{ Name: "owner", Values: ["me"] }] })), "InvalidParameterValue", /The filter 'owner' is invalid/);
  });
});
