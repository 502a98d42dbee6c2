import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateSnapshotsCommand, CreateVolumeCommand, DescribeSnapshotsCommand, ImportKeyPairCommand, RunInstancesCommand,
} from "@aws-sdk/client-ec2";
import { AwsError } from "../../core/errors.js";
import { model } from "../../services/ec2/generated/model.js";
import { sdkRequestBody } from "../../../test/helpers/sdk-oracle.js";
import type { ServiceModel } from "../model.js";
import { decodeQueryInput, parseQueryParams, type QueryInputRules } from "./decode.js";

const rules: QueryInputRules = {
  missing: (name) => new AwsError("MissingParameter", `missing ${name}`),
  unknown: (name) => new AwsError("UnknownParameter", `unknown ${name}`),
  invalidValue: (name, value, expected) => new AwsError("InvalidParameterValue", `${name}=${value} is not ${expected}`),
  tooMany: (name, count, max, tags) => new AwsError(tags ? "TagLimitExceeded" : "InvalidParameterValue", `${name} has ${count} > ${max}`),
};

/** Sends `input` through the SDK's EC2 serializer and decodes the body it produced. */
async function roundTrip(command: { input: object; constructor: { name: string } }, shape: string) {
  const body = await sdkRequestBody(command as never);
  const params = parseQueryParams(body);
  params.delete("Action");
  params.delete("Version");
  return { body, decoded: decodeQueryInput(model, shape, params, rules) };
}

const decode = (shape: string, body: string, m: ServiceModel = model) => decodeQueryInput(m, shape, parseQueryParams(body), rules);

describe("ec2query decode, with the SDK's serializer as the oracle", () => {
  it("reads every CreateSnapshots parameter back as the SDK input, with singular ExcludeDataVolumeId on the wire", async () => {
    const input = {
      InstanceSpecification: { InstanceId: "i-0123456789abcdef0", ExcludeBootVolume: true, ExcludeDataVolumeIds: ["vol-01111111111111111", "vol-02222222222222222"] },
      Description: "nightly & more",
      OutpostArn: "arn:aws:outposts:us-east-1:123456789012:outpost/op-1234567890abcdef0",
      TagSpecifications: [{ ResourceType: "snapshot" as const, Tags: [{ Key: "team", Value: "a=b" }, { Key: "empty", Value: "" }] }],
      DryRun: false,
      CopyTagsFromSource: "volume" as const,
    };
    const { body, decoded } = await roundTrip(new CreateSnapshotsCommand(input), "CreateSnapshotsRequest");
    assert.match(body, /InstanceSpecification\.ExcludeDataVolumeId\.1=vol-01111111111111111/);
    assert.match(body, /TagSpecification\.1\.Tag\.2\.Key=empty/);
    assert.deepEqual(decoded, input);
  });

  it("reads DescribeSnapshots lists (Owner.N, RestorableBy.N, SnapshotId.N, Filter.N.Value.M) and integers", async () => {
    const input = {
      OwnerIds: ["self", "123456789012"],
      RestorableByUserIds: ["all"],
      SnapshotIds: ["snap-0123456789abcdef0"],
      Filters: [{ Name: "status", Values: ["pending", "completed"] }, { Name: "tag:Name", Values: ["web*"] }],
      MaxResults: 25,
      NextToken: "abc",
    };
    const { body, decoded } = await roundTrip(new DescribeSnapshotsCommand(input), "DescribeSnapshotsRequest");
    assert.match(body, /Owner\.2=123456789012/);
    assert.match(body, /RestorableBy\.1=all/);
    assert.match(body, /Filter\.1\.Value\.2=completed/);
    assert.deepEqual(decoded, input);
  });

  it("reads RunInstances' nested block device mappings, placement and tag specifications", async () => {
    const input = {
      ImageId: "ami-0123456789abcdef0",
      MinCount: 1,
      MaxCount: 3,
      InstanceType: "t3.micro" as const,
      KeyName: "k",
      UserData: Buffer.from("#!/bin/sh\necho hi\n").toString("base64"),
      Placement: { AvailabilityZone: "us-east-1b" },
      BlockDeviceMappings: [
        { DeviceName: "/dev/xvda", Ebs: { VolumeSize: 20, VolumeType: "gp3" as const, DeleteOnTermination: false } },
        { DeviceName: "/dev/sdf", Ebs: { SnapshotId: "snap-0123456789abcdef0", Iops: 3000 } },
      ],
      TagSpecifications: [{ ResourceType: "instance" as const, Tags: [{ Key: "Name", Value: "web" }] }],
      ClientToken: "fixed",
    };
    const { body, decoded } = await roundTrip(new RunInstancesCommand(input), "RunInstancesRequest");
    assert.match(body, /BlockDeviceMapping\.1\.Ebs\.VolumeSize=20/);
    assert.deepEqual(decoded, input);
  });

  it("reads booleans and blobs (ImportKeyPair's base64 PublicKeyMaterial becomes bytes)", async () => {
    const material = new TextEncoder().encode("ssh-ed25519 AAAA test");
    const { decoded } = await roundTrip(new ImportKeyPairCommand({ KeyName: "k", PublicKeyMaterial: material, DryRun: true }), "ImportKeyPairRequest");
    assert.deepEqual(decoded, { KeyName: "k", PublicKeyMaterial: material, DryRun: true });
    const volume = await roundTrip(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", Size: 8, Encrypted: true, MultiAttachEnabled: false, ClientToken: "t" }), "CreateVolumeRequest");
    assert.deepEqual(volume.decoded, { AvailabilityZone: "us-east-1a", Size: 8, Encrypted: true, MultiAttachEnabled: false, ClientToken: "t" });
  });

  it("orders list items by their index, whatever order they arrive in", () => {
    const decoded = decode("DescribeSnapshotsRequest", "SnapshotId.10=snap-0000000000000000a&SnapshotId.2=snap-00000000000000002");
    assert.deepEqual(decoded, { SnapshotIds: ["snap-00000000000000002", "snap-0000000000000000a"] });
  });

  it("rejects a parameter the model does not know, naming it", () => {
    assert.throws(() => decode("DescribeSnapshotsRequest", "SnapshotIds.1=snap-1"), /unknown SnapshotIds\.1$/);
    assert.throws(() => decode("CreateSnapshotsRequest", "InstanceSpecification.InstanceId=i-1&InstanceSpecification.ExcludeDataVolumeIds.1=vol-1"), /unknown InstanceSpecification\.ExcludeDataVolumeIds\.1/);
  });

  it("rejects values of the wrong type, naming the parameter and the value", () => {
    assert.throws(() => decode("DescribeSnapshotsRequest", "MaxResults=ten"), /MaxResults=ten is not a number/);
    assert.throws(() => decode("DescribeSnapshotsRequest", "DryRun=yes"), /DryRun=yes is not true or false/);
    assert.throws(() => decode("CreateVolumeRequest", "AvailabilityZone=us-east-1a&VolumeType=gp9"), /VolumeType=gp9 is not one of gp2, gp3, io1, io2, sc1, st1, standard/);
    assert.throws(() => decode("ImportKeyPairRequest", "KeyName=k&PublicKeyMaterial=%%%"), /PublicKeyMaterial=%%% is not base64 data/);
  });

  it("rejects a missing required member by its wire name, also inside a structure", () => {
    assert.throws(() => decode("CreateSnapshotsRequest", "Description=x"), /missing InstanceSpecification$/);
    assert.throws(() => decode("CreateSnapshotsRequest", "InstanceSpecification.ExcludeBootVolume=true"), /missing InstanceSpecification\.InstanceId$/);
  });

  it("reads timestamps in ISO-8601 or epoch seconds, and maps as Name.entry.N.key/value", () => {
    const tiny: ServiceModel = {
      sdkPackage: "test", sdkVersion: "0",
      operations: {},
      enums: {},
      shapes: { In: { required: [], members: { At: { k: "t" }, Labels: { k: "m", v: { k: "s" } } } } },
    };
    assert.deepEqual(decode("In", "At=2025-01-02T03:04:05.678Z", tiny), { At: new Date("2025-01-02T03:04:05.678Z") });
    assert.deepEqual(decode("In", "At=1700000000", tiny), { At: new Date(1700000000000) });
    assert.deepEqual(decode("In", "Labels.entry.1.key=a&Labels.entry.1.value=1&Labels.entry.2.key=b&Labels.entry.2.value=2", tiny), { Labels: Object.assign(Object.create(null), { a: "1", b: "2" }) });
    assert.throws(() => decode("In", "At=yesterday", tiny), /At=yesterday is not an ISO-8601 timestamp/);
  });

  it("answers prototype names as parameters the model does not know, and keeps __proto__ as a map key", () => {
    assert.throws(() => decode("DescribeSnapshotsRequest", "__proto__=1"), /unknown __proto__$/);
    assert.throws(() => decode("DescribeSnapshotsRequest", "constructor.prototype=1"), /unknown constructor\.prototype$/);
    assert.throws(() => decode("DescribeSnapshotsRequest", "Filter.1.__proto__=x"), /unknown Filter\.1\.__proto__$/);
    const tiny: ServiceModel = { sdkPackage: "test", sdkVersion: "0", operations: {}, enums: {}, shapes: { In: { required: [], members: { Labels: { k: "m", v: { k: "s" } } } } } };
    const decoded = decode("In", "Labels.entry.1.key=__proto__&Labels.entry.1.value=polluted", tiny) as { Labels: Record<string, string> };
    assert.equal(Object.getPrototypeOf(decoded.Labels), null);
    assert.equal(decoded.Labels["__proto__"], "polluted");
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it("takes list indexes 1, 2, … only: 0, -1, 01 and 20 digits are unknown parameters", () => {
    for (const index of ["0", "-1", "01", "12345678901234567890", "1e3"]) {
      assert.throws(() => decode("DescribeSnapshotsRequest", `SnapshotId.${index}=snap-1`), new RegExp(`unknown SnapshotId\\.${index.replace(/[-.]/g, "\\$&")}$`));
    }
  });

  it("bounds lists: 1,000 members, and 50 for a list of tags", () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `SnapshotId.${i + 1}=snap-${i}`).join("&");
    assert.equal((decode("DescribeSnapshotsRequest", ids(1000)) as { SnapshotIds: string[] }).SnapshotIds.length, 1000);
    assert.throws(() => decode("DescribeSnapshotsRequest", ids(1001)), /SnapshotId has 1001 > 1000/);
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `TagSpecification.1.Tag.${i + 1}.Key=k${i}`).join("&");
    assert.throws(() => decode("CreateSnapshotsRequest", `InstanceSpecification.InstanceId=i-1&${tags(51)}`), (e: AwsError) => e.type === "TagLimitExceeded");
    assert.doesNotThrow(() => decode("CreateSnapshotsRequest", `InstanceSpecification.InstanceId=i-1&${tags(50)}`));
  });

  it("decodes in time linear in the parameters (it was quadratic: 4,000 tag specifications took 18 s)", () => {
    const body = (n: number) => `InstanceSpecification.InstanceId=i-1&${Array.from({ length: n }, (_, i) => `TagSpecification.${i + 1}.ResourceType=snapshot`).join("&")}`;
    decode("CreateSnapshotsRequest", body(1000));
    const started = performance.now();
    decode("CreateSnapshotsRequest", body(1000));
    assert.ok(performance.now() - started < 50, `1,000 members took ${(performance.now() - started).toFixed(1)} ms`);
  });
});
