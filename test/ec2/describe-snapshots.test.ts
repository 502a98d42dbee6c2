import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateSnapshotCommand, CreateTagsCommand, CreateVolumeCommand, DeleteSnapshotCommand, DeleteTagsCommand, DescribeSnapshotsCommand,
  ModifySnapshotAttributeCommand, paginateDescribeSnapshots, type DescribeSnapshotsCommandInput,
} from "@aws-sdk/client-ec2";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";

const OTHER = "123456789012";

describe("DescribeSnapshots", () => {
  const t = useTestSkiff();

  async function volume(size = 4, client = t.ec2) {
    const v = await client.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", Size: size }));
    await t.skiff.idle();
    return v.VolumeId!;
  }

  /** `count` completed snapshots of one volume, tagged n=<index>, described "snap <index>". */
  async function snapshots(count: number, volumeId: string, client = t.ec2) {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const s = await client.send(new CreateSnapshotCommand({
        VolumeId: volumeId, Description: `snap ${i}`,
        TagSpecifications: [{ ResourceType: "snapshot", Tags: [{ Key: "n", Value: String(i) }, ...(i % 2 === 0 ? [{ Key: "even", Value: "yes" }] : [])] }],
      }));
      ids.push(s.SnapshotId!);
      await t.skiff.idle();
    }
    return ids;
  }

  it("describes snapshots by id with the Snapshot shape, completed at 100%", async () => {
    const v = await volume(6);
    const [id] = await snapshots(1, v);
    const { Snapshots } = await t.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [id!] }));
    assert.equal(Snapshots?.length, 1);
    const s = Snapshots![0]!;
    assert.equal(s.SnapshotId, id);
    assert.equal(s.VolumeId, v);
    assert.equal(s.VolumeSize, 6);
    assert.equal(s.State, "completed");
    assert.equal(s.Progress, "100%");
    assert.equal(s.OwnerId, "000000000000");
    assert.equal(s.Description, "snap 0");
    assert.equal(s.StorageTier, "standard");
    assert.equal(s.Encrypted, false);
    assert.ok(s.StartTime instanceof Date && s.CompletionTime instanceof Date);
    assert.deepEqual(s.Tags, [{ Key: "n", Value: "0" }, { Key: "even", Value: "yes" }]);
  });

  it("fails naming every unknown id, and on malformed ones", async () => {
    await rejectsWith(t.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: ["snap-0123456789abcdef0"] })), "InvalidSnapshot.NotFound", /The snapshot 'snap-0123456789abcdef0' does not exist\./);
    await rejectsWith(
      t.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: ["snap-0123456789abcdef0", "snap-0123456789abcdef1"] })),
      "InvalidSnapshot.NotFound",
      /The snapshot IDs 'snap-0123456789abcdef0, snap-0123456789abcdef1' do not exist/,
    );
    await rejectsWith(t.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: ["vol-0123456789abcdef0"] })), "InvalidSnapshotID.Malformed", /Invalid id: "vol-0123456789abcdef0"/);
  });

  it("pages through filtered snapshots in creation order with MaxResults and NextToken", async () => {
    const all = await snapshots(12, await volume());
    const even = all.filter((_, i) => i % 2 === 0);
    const filters = [{ Name: "tag:even", Values: ["yes"] }];
    const first = await t.ec2.send(new DescribeSnapshotsCommand({ Filters: filters, MaxResults: 5 }));
    assert.deepEqual(first.Snapshots!.map((s) => s.SnapshotId), even.slice(0, 5));
    assert.ok(first.NextToken);
    const second = await t.ec2.send(new DescribeSnapshotsCommand({ Filters: filters, MaxResults: 5, NextToken: first.NextToken }));
    assert.deepEqual(second.Snapshots!.map((s) => s.SnapshotId), even.slice(5));
    assert.equal(second.NextToken, undefined);

    const pages: string[][] = [];
    for await (const page of paginateDescribeSnapshots({ client: t.ec2, pageSize: 5 }, { OwnerIds: ["self"] })) pages.push(page.Snapshots!.map((s) => s.SnapshotId!));
    assert.deepEqual(pages, [all.slice(0, 5), all.slice(5, 10), all.slice(10)]);
  });

  it("returns everything in one page without MaxResults, and serves MaxResults over 1000 as 1000", async () => {
    const all = await snapshots(6, await volume());
    const { Snapshots, NextToken } = await t.ec2.send(new DescribeSnapshotsCommand({}));
    assert.deepEqual(Snapshots!.map((s) => s.SnapshotId), all);
    assert.equal(NextToken, undefined);
    assert.equal((await t.ec2.send(new DescribeSnapshotsCommand({ MaxResults: 5000 }))).Snapshots!.length, 6);
  });

  it("rejects MaxResults below 5 and a NextToken it did not issue", async () => {
    await rejectsWith(t.ec2.send(new DescribeSnapshotsCommand({ MaxResults: 3 })), "InvalidParameterValue", /Value \( 3 \) for parameter maxResults is invalid\. Expecting a value greater than 5/);
    await rejectsWith(t.ec2.send(new DescribeSnapshotsCommand({ NextToken: "not-a-token" })), "InvalidPaginationToken", /'not-a-token' is not valid/);
  });

  it("filters with OR within a filter, AND across filters, and * ? wildcards", async () => {
    const v1 = await volume(4);
    const v2 = await volume(9);
    const a = await snapshots(3, v1);
    const b = await snapshots(2, v2);
    const ids = async (Filters: { Name: string; Values: string[] }[]) =>
      (await t.ec2.send(new DescribeSnapshotsCommand({ Filters }))).Snapshots!.map((s) => s.SnapshotId);
    assert.deepEqual(await ids([{ Name: "volume-id", Values: [v2] }]), b);
    assert.deepEqual(await ids([{ Name: "tag:n", Values: ["0", "2"] }]), [a[0], a[2], b[0]]);
    assert.deepEqual(await ids([{ Name: "tag:n", Values: ["0", "2"] }, { Name: "volume-size", Values: ["4"] }]), [a[0], a[2]]);
    assert.deepEqual(await ids([{ Name: "description", Values: ["snap ?"] }, { Name: "volume-id", Values: [v2] }]), b);
    assert.deepEqual(await ids([{ Name: "description", Values: ["*1"] }]), [a[1], b[1]]);
    assert.deepEqual(await ids([{ Name: "tag-key", Values: ["even"] }, { Name: "volume-id", Values: [v1] }]), [a[0], a[2]]);
    assert.deepEqual(await ids([{ Name: "status", Values: ["pending"] }]), []);
    assert.deepEqual(await ids([{ Name: "owner-id", Values: ["000000000000"] }, { Name: "encrypted", Values: ["false"] }]), [...a, ...b]);
  });

  it("rejects an unknown filter name and a filter without values", async () => {
    await rejectsWith(t.ec2.send(new DescribeSnapshotsCommand({ Filters: [{ Name: "colour", Values: ["red"] }] })), "InvalidParameterValue", /The filter 'colour' is invalid/);
    await rejectsWith(t.ec2.send(new DescribeSnapshotsCommand({ Filters: [{ Name: "status", Values: [] }] })), "InvalidParameterValue", /'status' needs at least one value/);
  });

  it("keeps accounts and regions apart, and shows snapshots shared with the caller", async () => {
    const other = t.ec2As("us-east-1", OTHER);
    const theirs = await snapshots(2, await volume(4, other), other);
    const mine = await snapshots(1, await volume());
    assert.deepEqual((await t.ec2.send(new DescribeSnapshotsCommand({}))).Snapshots!.map((s) => s.SnapshotId), mine);
    assert.deepEqual((await t.ec2As("eu-west-1").send(new DescribeSnapshotsCommand({}))).Snapshots, []);

    await other.send(new ModifySnapshotAttributeCommand({ SnapshotId: theirs[1]!, Attribute: "createVolumePermission", CreateVolumePermission: { Add: [{ UserId: "000000000000" }] } }));
    const visible = (await t.ec2.send(new DescribeSnapshotsCommand({}))).Snapshots!;
    assert.deepEqual(visible.map((s) => [s.SnapshotId, s.OwnerId]), [[theirs[1], OTHER], [mine[0], "000000000000"]]);
    const ids = async (input: DescribeSnapshotsCommandInput) => (await t.ec2.send(new DescribeSnapshotsCommand(input))).Snapshots!.map((s) => s.SnapshotId);
    assert.deepEqual(await ids({ OwnerIds: ["self"] }), mine);
    assert.deepEqual(await ids({ OwnerIds: [OTHER] }), [theirs[1]]);
    assert.deepEqual(await ids({ OwnerIds: ["amazon"] }), []);
    assert.deepEqual(await ids({ RestorableByUserIds: ["self"] }), [theirs[1], mine[0]]);
    assert.deepEqual(await ids({ SnapshotIds: [theirs[1]!] }), [theirs[1]]);
    await rejectsWith(t.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [theirs[0]!] })), "InvalidSnapshot.NotFound", new RegExp(theirs[0]!));
    await rejectsWith(t.ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ["someone"] })), "InvalidParameterValue", /Value \(someone\) for parameter Owner\.1 is invalid/);
  });

  it("finds snapshots by exact tag value, volume and status as their tags and states change, and forgets deleted ones", async () => {
    const v1 = await volume();
    const v2 = await volume();
    const [a, b] = await snapshots(2, v1);
    const [c] = await snapshots(1, v2);
    const ids = async (Filters: { Name: string; Values: string[] }[]) =>
      (await t.ec2.send(new DescribeSnapshotsCommand({ Filters, MaxResults: 5 }))).Snapshots!.map((s) => s.SnapshotId);

    await t.ec2.send(new CreateTagsCommand({ Resources: [c!, a!], Tags: [{ Key: "team", Value: "blue" }] }));
    assert.deepEqual(await ids([{ Name: "tag:team", Values: ["blue"] }]), [a, c]);
    await t.ec2.send(new CreateTagsCommand({ Resources: [a!], Tags: [{ Key: "team", Value: "red" }] }));
    assert.deepEqual(await ids([{ Name: "tag:team", Values: ["blue"] }]), [c]);
    assert.deepEqual(await ids([{ Name: "tag:team", Values: ["red", "blue"] }]), [a, c]);
    await t.ec2.send(new DeleteTagsCommand({ Resources: [c!], Tags: [{ Key: "team" }] }));
    assert.deepEqual(await ids([{ Name: "tag:team", Values: ["blue"] }]), []);

    const [d] = await snapshots(1, v2);
    assert.deepEqual(await ids([{ Name: "status", Values: ["completed"] }, { Name: "volume-id", Values: [v2, v1] }]), [a, b, c, d]);
    assert.deepEqual(await ids([{ Name: "status", Values: ["pending"] }]), []);

    await t.ec2.send(new DeleteSnapshotCommand({ SnapshotId: a! }));
    assert.deepEqual(await ids([{ Name: "tag:team", Values: ["red"] }]), []);
    assert.deepEqual(await ids([{ Name: "volume-id", Values: [v1] }]), [b]);
  });

  it("reads a snapshot shared with the caller and also made public once, in creation order among the caller's own", async () => {
    const other = t.ec2As("us-east-1", OTHER);
    const otherVolume = await volume(4, other);
    const [early] = await snapshots(1, otherVolume, other);
    const [mine] = await snapshots(1, await volume());
    const [late] = await snapshots(1, otherVolume, other);
    for (const id of [early!, late!]) {
      await other.send(new ModifySnapshotAttributeCommand({ SnapshotId: id, Attribute: "createVolumePermission", CreateVolumePermission: { Add: [{ UserId: "000000000000" }] } }));
    }
    await other.send(new ModifySnapshotAttributeCommand({ SnapshotId: late!, OperationType: "add", GroupNames: ["all"] }));
    const ids = async (input: DescribeSnapshotsCommandInput) => (await t.ec2.send(new DescribeSnapshotsCommand(input))).Snapshots!.map((s) => s.SnapshotId);
    assert.deepEqual(await ids({}), [early, mine, late]);
    assert.deepEqual(await ids({ Filters: [{ Name: "tag:n", Values: ["0"] }] }), [early, mine, late]);
    assert.deepEqual(await ids({ Filters: [{ Name: "volume-id", Values: [otherVolume] }] }), [early, late]);
    assert.deepEqual(await ids({ SnapshotIds: [late!, mine!] }), [mine, late]);

    await other.send(new ModifySnapshotAttributeCommand({ SnapshotId: early!, Attribute: "createVolumePermission", CreateVolumePermission: { Remove: [{ UserId: "000000000000" }] } }));
    assert.deepEqual(await ids({}), [mine, late]);
  });

  it("shows public snapshots to everyone and lists them under RestorableByUserIds=all", async () => {
    const other = t.ec2As("us-east-1", OTHER);
    const [shared] = await snapshots(1, await volume(4, other), other);
    await other.send(new ModifySnapshotAttributeCommand({ SnapshotId: shared!, OperationType: "add", GroupNames: ["all"] }));
    const ids = async (input: DescribeSnapshotsCommandInput) => (await t.ec2.send(new DescribeSnapshotsCommand(input))).Snapshots!.map((s) => s.SnapshotId);
    assert.deepEqual(await ids({}), [shared]);
    assert.deepEqual(await ids({ RestorableByUserIds: ["all"] }), [shared]);
    assert.deepEqual(await ids({ RestorableByUserIds: ["all"], OwnerIds: ["self"] }), []);
  });
});
