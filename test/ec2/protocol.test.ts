import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AttachVolumeCommand, CopySnapshotCommand, CreateKeyPairCommand, CreateSnapshotCommand, CreateSnapshotsCommand, CreateTagsCommand,
  CreateVolumeCommand, DeleteKeyPairCommand, DeleteSnapshotCommand, DeleteTagsCommand, DeleteVolumeCommand, DescribeVolumesCommand,
  DescribeVpcsCommand, DetachVolumeCommand, ImportKeyPairCommand, ModifySnapshotAttributeCommand, ModifyVolumeCommand,
  RebootInstancesCommand, RunInstancesCommand, StartInstancesCommand, StopInstancesCommand, TerminateInstancesCommand,
} from "@aws-sdk/client-ec2";
import { GetInstancesCommand } from "@aws-sdk/client-lightsail";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";
import { amiId, runInstance } from "./fixtures.js";

const FORM = { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" };

describe("EC2 query protocol on the shared port", () => {
  const t = useTestSkiff();

  const post = (body: string) => fetch(t.skiff.endpoint, { method: "POST", headers: FORM, body });

  async function xmlError(response: Response) {
    const text = await response.text();
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
    const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
    const requestId = /<RequestID>([^<]*)<\/RequestID>/.exec(text)?.[1];
    return { status: response.status, code, message, requestId, text, header: response.headers.get("x-amzn-requestid"), type: response.headers.get("content-type") };
  }

  it("answers a form POST with an XML document in EC2's namespace, requestId first", async () => {
    const response = await post("Action=DescribeAvailabilityZones&Version=2016-11-15&ZoneName.1=us-east-1a");
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type")!, /^text\/xml/);
    const text = await response.text();
    const requestId = response.headers.get("x-amzn-requestid")!;
    assert.match(text, new RegExp(`^<\\?xml version="1.0" encoding="UTF-8"\\?>\\n<DescribeAvailabilityZonesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>${requestId}</requestId><availabilityZoneInfo><item>`));
    assert.match(text, /<zoneName>us-east-1a<\/zoneName>/);
  });

  it("answers GET requests with the parameters in the query string", async () => {
    const response = await fetch(`${t.skiff.endpoint}/?Action=DescribeAvailabilityZones&Version=2016-11-15&ZoneId.1=use1-az3`);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /<zoneName>us-east-1c<\/zoneName>/);
  });

  it("answers <return>true</return> for operations without output", async () => {
    const volume = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", Size: 1 }));
    await t.skiff.idle();
    const response = await post(`Action=DeleteVolume&Version=2016-11-15&VolumeId=${volume.VolumeId}`);
    assert.match(await response.text(), /<DeleteVolumeResponse xmlns="http:\/\/ec2.amazonaws.com\/doc\/2016-11-15\/"><requestId>[0-9a-f-]{36}<\/requestId><return>true<\/return><\/DeleteVolumeResponse>$/);
  });

  const errors: [string, string, number, string, RegExp][] = [
    ["an unknown Action", "Action=LaunchRocket&Version=2016-11-15", 400, "InvalidAction", /^The action LaunchRocket is not valid for this web service\.$/],
    ["no Action", "Version=2016-11-15", 400, "MissingParameter", /^The request must contain the parameter Action$/],
    ["no Version", "Action=DescribeVolumes", 400, "MissingParameter", /^The request must contain the parameter Version$/],
    ["an unknown Version", "Action=DescribeVolumes&Version=2014-01-01", 400, "NoSuchVersion", /version \(2014-01-01\)/],
    ["an unknown parameter", "Action=DescribeVolumes&Version=2016-11-15&VolumeIds.1=vol-1", 400, "UnknownParameter", /^The parameter VolumeIds\.1 is not recognized$/],
    ["a missing required parameter", "Action=DeleteSnapshot&Version=2016-11-15", 400, "MissingParameter", /^The request must contain the parameter SnapshotId$/],
    ["a missing required member of a structure", "Action=CreateSnapshots&Version=2016-11-15&InstanceSpecification.ExcludeBootVolume=true", 400, "MissingParameter", /parameter InstanceSpecification\.InstanceId$/],
    ["a number that is not one", "Action=DescribeVolumes&Version=2016-11-15&MaxResults=many", 400, "InvalidParameterValue", /Value \(many\) for parameter MaxResults is invalid\. Expected: a number/],
    ["a boolean that is not one", "Action=DescribeVolumes&Version=2016-11-15&DryRun=maybe", 400, "InvalidParameterValue", /Value \(maybe\) for parameter DryRun is invalid/],
    ["a value outside the enum", "Action=CreateVolume&Version=2016-11-15&AvailabilityZone=us-east-1a&Size=1&VolumeType=ssd", 400, "InvalidParameterValue", /Value \(ssd\) for parameter VolumeType is invalid/],
    ["an operation Skiff does not implement", "Action=DescribeVpcs&Version=2016-11-15", 501, "NotImplementedException", /Skiff does not implement EC2 DescribeVpcs yet/],
  ];
  for (const [what, body, status, code, message] of errors) {
    it(`answers ${what} with ${code} in EC2's error envelope`, async () => {
      const e = await xmlError(await post(body));
      assert.equal(e.status, status);
      assert.equal(e.code, code);
      assert.match(e.message!, message);
      assert.match(e.text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Response><Errors><Error><Code>/);
      assert.equal(e.requestId, e.header);
      assert.match(e.type!, /^text\/xml/);
    });
  }

  it("accepts the plural ExcludeDataVolumeIds.N of the SDK shape only as EC2 does: as an unknown parameter", async () => {
    const e = await xmlError(await post("Action=CreateSnapshots&Version=2016-11-15&InstanceSpecification.InstanceId=i-0123456789abcdef0&InstanceSpecification.ExcludeDataVolumeIds.1=vol-0123456789abcdef0"));
    assert.equal(e.code, "UnknownParameter");
    assert.match(e.message!, /InstanceSpecification\.ExcludeDataVolumeIds\.1/);
  });

  it("gives SDK errors the request id, status and code of the response", async () => {
    const err = await rejectsWith(t.ec2.send(new DeleteSnapshotCommand({ SnapshotId: "snap-0123456789abcdef0" })), "InvalidSnapshot.NotFound", /does not exist/);
    const metadata = err.$metadata as { httpStatusCode: number; requestId: string };
    assert.equal(metadata.httpStatusCode, 400);
    assert.match(metadata.requestId, /^[0-9a-f-]{36}$/);
    await rejectsWith(t.ec2.send(new DescribeVpcsCommand({})), "NotImplementedException", /DescribeVpcs/);
  });

  it("keeps speaking awsJson1_1 to Lightsail on the same port", async () => {
    const { instances } = await t.lightsail.send(new GetInstancesCommand({}));
    assert.deepEqual(instances, []);
    const response = await fetch(t.skiff.endpoint, { method: "POST", headers: { "X-Amz-Target": "Lightsail_20161128.Nope", "Content-Type": "application/x-amz-json-1.1" }, body: "{}" });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { __type: string }).__type, "UnknownOperationException");
  });

  it("carries text with XML metacharacters intact through tags", async () => {
    const volume = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", Size: 1, TagSpecifications: [{ ResourceType: "volume", Tags: [{ Key: "q&a", Value: `<b>"it's"</b> & more\r\nline` }] }] }));
    const [v] = (await t.ec2.send(new DescribeVolumesCommand({ VolumeIds: [volume.VolumeId!] }))).Volumes!;
    assert.deepEqual(v!.Tags, [{ Key: "q&a", Value: `<b>"it's"</b> & more\r\nline` }]);
  });

  it("answers DryRunOperation with HTTP 412 on every mutating call, changing nothing", async () => {
    const instance = await runInstance(t.ec2, { Placement: { AvailabilityZone: "us-east-1a" } });
    const volume = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", Size: 1 }));
    await t.skiff.idle();
    const attached = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", Size: 1 }));
    await t.skiff.idle();
    await t.ec2.send(new AttachVolumeCommand({ VolumeId: attached.VolumeId!, InstanceId: instance.InstanceId!, Device: "/dev/sdf" }));
    const snapshot = await t.ec2.send(new CreateSnapshotCommand({ VolumeId: volume.VolumeId! }));
    await t.ec2.send(new CreateKeyPairCommand({ KeyName: "k" }));
    await t.skiff.idle();
    const ids = { InstanceIds: [instance.InstanceId!], DryRun: true };
    const calls = [
      new RunInstancesCommand({ ImageId: await amiId(t.ec2), MinCount: 1, MaxCount: 1, DryRun: true }),
      new StartInstancesCommand(ids), new StopInstancesCommand(ids), new RebootInstancesCommand(ids), new TerminateInstancesCommand(ids),
      new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", Size: 1, DryRun: true }),
      new AttachVolumeCommand({ VolumeId: volume.VolumeId!, InstanceId: instance.InstanceId!, Device: "/dev/sdg", DryRun: true }),
      new DetachVolumeCommand({ VolumeId: attached.VolumeId!, DryRun: true }),
      new DeleteVolumeCommand({ VolumeId: volume.VolumeId!, DryRun: true }),
      new ModifyVolumeCommand({ VolumeId: volume.VolumeId!, Size: 2, DryRun: true }),
      new CreateSnapshotCommand({ VolumeId: volume.VolumeId!, DryRun: true }),
      new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: instance.InstanceId! }, DryRun: true }),
      new CopySnapshotCommand({ SourceRegion: "us-east-1", SourceSnapshotId: snapshot.SnapshotId!, DryRun: true }),
      new DeleteSnapshotCommand({ SnapshotId: snapshot.SnapshotId!, DryRun: true }),
      new ModifySnapshotAttributeCommand({ SnapshotId: snapshot.SnapshotId!, OperationType: "add", GroupNames: ["all"], DryRun: true }),
      new CreateKeyPairCommand({ KeyName: "k2", DryRun: true }),
      new ImportKeyPairCommand({ KeyName: "k3", PublicKeyMaterial: Buffer.from("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPHrjiMRhdHejJOxlebz2qzX3oXVLlQfsInUDqdA1rKu x"), DryRun: true }),
      new DeleteKeyPairCommand({ KeyName: "k", DryRun: true }),
      new CreateTagsCommand({ Resources: [volume.VolumeId!], Tags: [{ Key: "a", Value: "b" }], DryRun: true }),
      new DeleteTagsCommand({ Resources: [volume.VolumeId!], DryRun: true }),
    ];
    const before = await fetch(`${t.skiff.endpoint}/?Action=DescribeVolumes&Version=2016-11-15`).then((r) => r.text());
    for (const command of calls) {
      const err = await rejectsWith(t.ec2.send(command as never), "DryRunOperation", /^Request would have succeeded, but DryRun flag is set\.$/);
      assert.equal((err.$metadata as { httpStatusCode: number }).httpStatusCode, 412, command.constructor.name);
    }
    await t.skiff.idle();
    const afterwards = await fetch(`${t.skiff.endpoint}/?Action=DescribeVolumes&Version=2016-11-15`).then((r) => r.text());
    assert.equal(afterwards.replace(/<requestId>[^<]*<\/requestId>/, ""), before.replace(/<requestId>[^<]*<\/requestId>/, ""));
  });
});
