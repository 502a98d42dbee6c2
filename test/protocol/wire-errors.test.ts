import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GetInstancesCommand } from "@aws-sdk/client-lightsail";
import { lightsailCall, rawCall, type RawReply } from "../helpers/raw.js";
import { useTestSkiff } from "../helpers/skiff.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const create = { instanceNames: ["wire"], availabilityZone: "us-east-1a", blueprintId: "amazon_linux_2023", bundleId: "nano_3_0" };

/** Every error: status, `__type` and the same name in x-amzn-ErrorType, a request id, a message. */
function assertError(reply: RawReply, status: number, type: string, message: RegExp) {
  assert.equal(reply.status, status, reply.text);
  assert.equal(reply.body?.__type, type);
  assert.equal(reply.headers.get("x-amzn-ErrorType"), type);
  assert.match(reply.headers.get("x-amzn-RequestId") ?? "", UUID);
  assert.equal(reply.headers.get("content-type"), "application/x-amz-json-1.1");
  assert.match(String(reply.body?.message), message);
}

/** Lightsail's modeled exceptions also carry code, docs, message and tip. */
function assertLightsailError(reply: RawReply, status: number, type: string, message: RegExp, code: string) {
  assertError(reply, status, type, message);
  assert.equal(reply.body?.code, code);
  assert.match(String(reply.body?.docs), /^https:\/\//);
  assert.ok(typeof reply.body?.tip === "string" && reply.body.tip.length > 0);
}

describe("awsJson1_1 wire errors", () => {
  const t = useTestSkiff({}, { reset: false });

  it("answers a body that is not JSON with 400 SerializationException", async () => {
    const reply = await rawCall(t.skiff.endpoint, "Lightsail_20161128.GetInstances", '{"pageToken": ');
    assertError(reply, 400, "SerializationException", /not valid JSON/);
  });

  it("answers a JSON array body with SerializationException", async () => {
    assertError(await rawCall(t.skiff.endpoint, "Lightsail_20161128.GetInstances", "[]"), 400, "SerializationException", /must be a JSON object, not array/);
  });

  it("takes an empty body as an empty request", async () => {
    const reply = await rawCall(t.skiff.endpoint, "Lightsail_20161128.GetInstances", "");
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, { instances: [] });
  });

  const wrongTypes: [string, string, unknown, RegExp][] = [
    ["a string for a list", "CreateInstances", { ...create, instanceNames: "wire" }, /Member 'instanceNames' must be a list, but the request has string "wire"/],
    ["a number for a string", "GetInstance", { instanceName: 42 }, /Member 'instanceName' must be a string, but the request has number 42/],
    ["an object for a boolean", "DeleteInstance", { instanceName: "wire", forceDeleteAddOns: { yes: true } }, /Member 'forceDeleteAddOns' must be a boolean, but the request has object/],
    ["a string for a structure in a list", "CreateInstances", { ...create, tags: ["env=prod"] }, /Member 'tags\[0\]' must be a structure/],
    ["a number inside a nested structure", "CreateInstances", { ...create, addOns: [{ addOnType: "AutoSnapshot", autoSnapshotAddOnRequest: { snapshotTimeOfDay: 6 } }] },
      /Member 'addOns\[0\]\.autoSnapshotAddOnRequest\.snapshotTimeOfDay' must be a string/],
    ["null inside a list", "CreateInstances", { ...create, instanceNames: ["a", null] }, /Member 'instanceNames' must be a list without null entries/],
  ];
  for (const [what, operation, input, message] of wrongTypes) {
    it(`answers ${what} with SerializationException naming the member`, async () => {
      assertError(await lightsailCall(t.skiff.endpoint, operation, input), 400, "SerializationException", message);
    });
  }

  it("answers a missing required member with InvalidInputException naming it", async () => {
    const { instanceNames: _, ...withoutNames } = create;
    const reply = await lightsailCall(t.skiff.endpoint, "CreateInstances", withoutNames);
    assertLightsailError(reply, 400, "InvalidInputException", /The instanceNames parameter is required/, "MissingParameter");
  });

  it("names the path of a required member missing inside a list", async () => {
    const reply = await lightsailCall(t.skiff.endpoint, "CreateInstances", { ...create, addOns: [{}] });
    assertLightsailError(reply, 400, "InvalidInputException", /The addOns\[0\]\.addOnType parameter is required/, "MissingParameter");
  });

  it("answers a value outside the member's enum with InvalidInputException listing the allowed values", async () => {
    const reply = await lightsailCall(t.skiff.endpoint, "CreateInstances", { ...create, ipAddressType: "ipv5" });
    assertLightsailError(reply, 400, "InvalidInputException", /The ipAddressType value 'ipv5' is not valid\. Valid values: dualstack, ipv4, ipv6\./, "InvalidInput");
    const { instances } = await t.lightsail.send(new GetInstancesCommand({}));
    assert.deepEqual(instances, []);
  });

  it("answers an operation the service does not have with UnknownOperationException", async () => {
    const reply = await rawCall(t.skiff.endpoint, "Lightsail_20161128.LaunchRocket", "{}");
    assertError(reply, 400, "UnknownOperationException", /Lightsail_20161128\.LaunchRocket is not known/);
  });

  it("answers a target prefix no service has with UnknownOperationException", async () => {
    const reply = await rawCall(t.skiff.endpoint, "DynamoDB_20120810.ListTables", "{}");
    assertError(reply, 400, "UnknownOperationException", /No service answers the target DynamoDB_20120810\.ListTables/);
  });

  it("answers a request without X-Amz-Target with UnknownOperationException that says what to send", async () => {
    assertError(await rawCall(t.skiff.endpoint, undefined, "{}"), 400, "UnknownOperationException", /send an X-Amz-Target header/);
  });

  it("answers an operation Skiff does not implement with 501 NotImplementedException, not 500", async () => {
    const reply = await lightsailCall(t.skiff.endpoint, "CreateBucket", { bucketName: "b", bundleId: "small_1_0" });
    assertError(reply, 501, "NotImplementedException", /Skiff does not implement Lightsail CreateBucket/);
  });

  it("checks the request of an unimplemented operation against the model first", async () => {
    const reply = await lightsailCall(t.skiff.endpoint, "CreateBucket", { bucketName: ["b"], bundleId: "small_1_0" });
    assertError(reply, 400, "SerializationException", /Member 'bucketName' must be a string/);
  });

  it("answers a body over 4 MiB with 413 and keeps serving", async () => {
    const reply = await rawCall(t.skiff.endpoint, "Lightsail_20161128.GetInstances", JSON.stringify({ pageToken: "x".repeat(5 * 1024 * 1024) }));
    assertError(reply, 413, "RequestEntityTooLargeException", /larger than 4194304 bytes/);
    const next = await rawCall(t.skiff.endpoint, "Lightsail_20161128.GetInstances", "{}");
    assert.equal(next.status, 200);
  });

  it("answers success with the awsJson1_1 content type and a request id", async () => {
    const reply = await rawCall(t.skiff.endpoint, "Lightsail_20161128.GetInstances", "{}");
    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get("content-type"), "application/x-amz-json-1.1");
    assert.match(reply.headers.get("x-amzn-RequestId") ?? "", UUID);
  });

  it("gives every request its own request id", async () => {
    const a = await rawCall(t.skiff.endpoint, "Lightsail_20161128.GetInstances", "{}");
    const b = await rawCall(t.skiff.endpoint, "Lightsail_20161128.GetInstances", "{}");
    assert.notEqual(a.headers.get("x-amzn-RequestId"), b.headers.get("x-amzn-RequestId"));
  });

  it("answers NotFound with 404 and the Lightsail members", async () => {
    const reply = await lightsailCall(t.skiff.endpoint, "GetInstance", { instanceName: "ghost" });
    assertLightsailError(reply, 404, "NotFoundException", /The Instance does not exist: ghost/, "DoesNotExist");
    assert.equal(reply.body?.message, "The Instance does not exist: ghost");
  });

  it("never sets x-amzn-ErrorType on a success", async () => {
    const reply = await lightsailCall(t.skiff.endpoint, "GetInstances", {});
    assert.equal(reply.headers.get("x-amzn-ErrorType"), null);
  });
});
