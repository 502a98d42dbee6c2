import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateSnapshotsCommand, DeleteSnapshotCommand, DescribeInstancesCommand, DescribeSnapshotsCommand, ImportKeyPairCommand,
} from "@aws-sdk/client-ec2";
import { AwsError } from "../../core/errors.js";
import { model } from "../../services/ec2/generated/model.js";
import { sdkParse } from "../../../test/helpers/sdk-oracle.js";
import { encodeQueryChunks, encodeQueryOutput } from "./encode.js";
import { encodeQueryError } from "./errors.js";

const NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
const strip = ({ $metadata, ...rest }: Record<string, unknown>) => rest;

describe("ec2query encode, with the SDK's parser as the oracle", () => {
  it("writes Snapshot's State as <status> and SnapshotInfo's as <state>, lists as <item>s, and the SDK reads both back", async () => {
    const snapshot = {
      SnapshotId: "snap-0123456789abcdef0", VolumeId: "vol-0123456789abcdef0", State: "completed" as const,
      StartTime: new Date("2025-03-01T10:11:12.345Z"), Progress: "100%", OwnerId: "123456789012", Description: "<a & b>",
      VolumeSize: 8, Encrypted: false, Tags: [{ Key: "k", Value: "v" }], StorageTier: "standard" as const,
    };
    const xml = encodeQueryOutput(model, "DescribeSnapshots", "DescribeSnapshotsResult", { Snapshots: [snapshot], NextToken: "n" }, "req-1", NS);
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<DescribeSnapshotsResponse xmlns="http:\/\/ec2.amazonaws.com\/doc\/2016-11-15\/"><requestId>req-1<\/requestId>/);
    assert.match(xml, /<snapshotSet><item>.*<snapshotId>snap-0123456789abcdef0<\/snapshotId>.*<\/item><\/snapshotSet>/);
    assert.match(xml, /<status>completed<\/status>/);
    assert.match(xml, /<startTime>2025-03-01T10:11:12.345Z<\/startTime>/);
    assert.match(xml, /<description>&lt;a &amp; b&gt;<\/description>/);
    const parsed = (await sdkParse(new DescribeSnapshotsCommand({}), 200, xml)) as Record<string, unknown>;
    assert.deepEqual(strip(parsed), { Snapshots: [snapshot], NextToken: "n" });

    const info = { SnapshotId: "snap-0123456789abcdef0", VolumeId: "vol-0123456789abcdef0", State: "pending" as const, StartTime: snapshot.StartTime, Progress: "", OwnerId: "123456789012", VolumeSize: 8, Encrypted: false, Tags: [] };
    const created = encodeQueryOutput(model, "CreateSnapshots", "CreateSnapshotsResult", { Snapshots: [info] }, "r", NS);
    assert.match(created, /<state>pending<\/state><volumeSize>8<\/volumeSize>/);
    assert.match(created, /<tagSet><\/tagSet>/);
    assert.deepEqual(strip((await sdkParse(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: "i-1" } }), 200, created)) as never), { Snapshots: [info] });
  });

  it("writes a list of several items in pieces, one per item, that join into what the SDK reads back", async () => {
    const snapshots = ["0", "1", "2"].map((n) => ({
      SnapshotId: `snap-012345678900000${n}`, VolumeId: "vol-0123456789abcdef0", State: "completed" as const,
      StartTime: new Date("2025-03-01T10:11:12.345Z"), Progress: "100%", OwnerId: "123456789012", Tags: [{ Key: "n", Value: n }],
    }));
    const chunks = encodeQueryChunks(model, "DescribeSnapshots", "DescribeSnapshotsResult", { Snapshots: snapshots, NextToken: "t" }, "r", NS);
    assert.equal(chunks.filter((c) => c.startsWith("<item>") && c.endsWith("</item>")).length, 3);
    const xml = chunks.join("");
    assert.match(xml, /<requestId>r<\/requestId><nextToken>t<\/nextToken><snapshotSet><item>.*<\/item><\/snapshotSet><\/DescribeSnapshotsResponse>$/);
    assert.deepEqual(strip((await sdkParse(new DescribeSnapshotsCommand({}), 200, xml)) as never), { Snapshots: snapshots, NextToken: "t" });
  });

  it("writes nested structures the SDK reads as DescribeInstances reservations", async () => {
    const output = {
      Reservations: [{
        ReservationId: "r-0123456789abcdef0", OwnerId: "000000000000", Groups: [],
        Instances: [{
          InstanceId: "i-0123456789abcdef0", State: { Code: 16, Name: "running" as const }, Placement: { AvailabilityZone: "us-east-1a" },
          BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { VolumeId: "vol-0123456789abcdef0", Status: "attached" as const, DeleteOnTermination: true, AttachTime: new Date(0) } }],
          Tags: [{ Key: "Name", Value: "web" }], PublicIpAddress: "198.51.100.7", EbsOptimized: false,
        }],
      }],
    };
    const xml = encodeQueryOutput(model, "DescribeInstances", "DescribeInstancesResult", output, "r", NS);
    assert.match(xml, /<reservationSet><item><reservationId>/);
    assert.match(xml, /<instancesSet><item>/);
    assert.match(xml, /<instanceState><code>16<\/code><name>running<\/name><\/instanceState>/);
    assert.match(xml, /<ipAddress>198.51.100.7<\/ipAddress>/);
    assert.deepEqual(strip((await sdkParse(new DescribeInstancesCommand({}), 200, xml)) as never), output);
  });

  it("answers <return>true</return> for operations without output, and base64 for blobs", async () => {
    const xml = encodeQueryOutput(model, "DeleteSnapshot", undefined, undefined, "r", NS);
    assert.match(xml, /<DeleteSnapshotResponse xmlns="[^"]+"><requestId>r<\/requestId><return>true<\/return><\/DeleteSnapshotResponse>$/);
    assert.deepEqual(strip((await sdkParse(new DeleteSnapshotCommand({ SnapshotId: "snap-1" }), 200, xml)) as never), {});
    const imported = encodeQueryOutput(model, "ImportKeyPair", "ImportKeyPairResult", { KeyName: "k", KeyFingerprint: "aa:bb", KeyPairId: "key-0123456789abcdef0", Tags: [] }, "r", NS);
    assert.deepEqual(strip((await sdkParse(new ImportKeyPairCommand({ KeyName: "k", PublicKeyMaterial: new Uint8Array() }), 200, imported)) as never), { KeyName: "k", KeyFingerprint: "aa:bb", KeyPairId: "key-0123456789abcdef0", Tags: [] });
  });

  it("escapes text the XML could not carry as is", () => {
    const xml = encodeQueryOutput(model, "DescribeSnapshots", "DescribeSnapshotsResult", { NextToken: `a"b'c\r\u0001` }, "r", NS);
    assert.match(xml, /<nextToken>a&quot;b'c&#13;\ufffd<\/nextToken>/);
  });

  it("writes errors in EC2's envelope, which the SDK turns into an exception named by the code, with the status", async () => {
    const encoded = encodeQueryError(new AwsError("InvalidSnapshot.NotFound", "The snapshot 'snap-1' does not exist.", 400), "req-9");
    assert.equal(encoded.status, 400);
    assert.equal(encoded.body, `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>InvalidSnapshot.NotFound</Code><Message>The snapshot 'snap-1' does not exist.</Message></Error></Errors><RequestID>req-9</RequestID></Response>`);
    await assert.rejects(sdkParse(new DeleteSnapshotCommand({ SnapshotId: "snap-1" }), 400, encoded.body), (e: Error & { $metadata: { httpStatusCode?: number } }) => {
      assert.equal(e.name, "InvalidSnapshot.NotFound");
      assert.equal(e.message, "The snapshot 'snap-1' does not exist.");
      assert.equal(e.$metadata.httpStatusCode, 400);
      return true;
    });
  });
});
