import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import {
  CreateContainerServiceCommand,
  CreateInstancesCommand,
  DeleteInstanceCommand,
  GetContainerServicesCommand,
  GetInstanceCommand,
  GetInstancesCommand,
  GetInstanceMetricDataCommand,
  GetOperationsCommand,
  LightsailClient,
  PutInstancePublicPortsCommand,
  type ContainerServicesListResult,
  type GetInstanceResult,
  type GetOperationsResult,
} from "@aws-sdk/client-lightsail";
import { model } from "../../services/lightsail/generated/model.js";
import { decodeJsonInput, type InputRules } from "./decode.js";
import { encodeJsonChunks, encodeJsonOutput } from "./encode.js";

/**
 * The SDK's own serializer and parser are the oracle (STYLE 13): what SDK v3 sends must decode to
 * exactly the input it was given, and what Skiff encodes must parse back to exactly the output.
 */
let sent: string | undefined;
let reply = "{}";
const sdk = new LightsailClient({
  region: "us-east-1",
  endpoint: "http://oracle.invalid",
  credentials: { accessKeyId: "a", secretAccessKey: "b" },
  maxAttempts: 1,
  requestHandler: {
    async handle(request: { body: Uint8Array | string }) {
      sent = typeof request.body === "string" ? request.body : new TextDecoder().decode(request.body);
      return { response: { statusCode: 200, headers: { "content-type": "application/x-amz-json-1.1" }, body: new TextEncoder().encode(reply) } };
    },
  } as never,
});

const rules: InputRules = {
  missing: (path) => new Error(`missing ${path}`),
  notInEnum: (path, value) => new Error(`enum ${path}=${value}`),
};

/** The same value with its maps (null-prototype objects, see decode.ts) as plain objects, to compare with SDK input. */
function withPrototypes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withPrototypes);
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withPrototypes(v)]));
}

/** The body SDK v3 sends for a command. */
async function sdkBody(command: object): Promise<string> {
  reply = "{}";
  await sdk.send(command as never);
  return sent!;
}

/** What SDK v3 makes of a response body, without its $metadata. */
async function sdkParse(command: object, body: string): Promise<unknown> {
  reply = body;
  const { $metadata: _, ...output } = (await sdk.send(command as never)) as unknown as Record<string, unknown>;
  return output;
}

describe("awsJson1_1 decode, against the SDK's serializer", () => {
  after(() => sdk.destroy());

  const inputs: [string, string, Record<string, unknown>, new (input: never) => unknown][] = [
    ["CreateInstances", "CreateInstancesRequest", {
      instanceNames: ["a", "b"], availabilityZone: "us-east-1a", blueprintId: "amazon_linux_2023", bundleId: "nano_3_0",
      userData: "#!/bin/sh\necho \"hi\" ü", keyPairName: "kp", ipAddressType: "ipv4",
      tags: [{ key: "env", value: "prod" }, { key: "flag" }],
      addOns: [{ addOnType: "AutoSnapshot", autoSnapshotAddOnRequest: { snapshotTimeOfDay: "06:00" } }],
    }, CreateInstancesCommand],
    ["GetInstanceMetricData (timestamps)", "GetInstanceMetricDataRequest", {
      instanceName: "a", metricName: "CPUUtilization", period: 300, unit: "Percent", statistics: ["Average", "Maximum"],
      startTime: new Date("2026-01-01T00:00:00.123Z"), endTime: new Date("2026-01-02T12:30:00Z"),
    }, GetInstanceMetricDataCommand],
    ["PutInstancePublicPorts (numbers in nested lists)", "PutInstancePublicPortsRequest", {
      instanceName: "a", portInfos: [{ fromPort: 22, toPort: 22, protocol: "tcp", cidrs: ["10.0.0.0/8"], ipv6Cidrs: [], cidrListAliases: ["lightsail-connect"] }],
    }, PutInstancePublicPortsCommand],
    ["DeleteInstance (boolean false)", "DeleteInstanceRequest", { instanceName: "a", forceDeleteAddOns: false }, DeleteInstanceCommand],
    ["CreateContainerService (map of lists)", "CreateContainerServiceRequest", {
      serviceName: "svc", power: "nano", scale: 2, publicDomainNames: { cert1: ["a.example.com", "b.example.com"] },
    }, CreateContainerServiceCommand],
  ];
  for (const [what, shape, input, Command] of inputs) {
    it(`decodes what SDK v3 sends for ${what} to the same input`, async () => {
      const body = await sdkBody(new Command(input as never) as object);
      assert.deepEqual(withPrototypes(decodeJsonInput(model, shape, body, rules)), input);
    });
  }

  it("reads the SDK's timestamps as epoch seconds", async () => {
    const body = await sdkBody(new GetInstanceMetricDataCommand({
      instanceName: "a", metricName: "CPUUtilization", period: 60, unit: "Percent", statistics: ["Sum"],
      startTime: new Date(1_700_000_000_500), endTime: new Date(1_700_000_060_000),
    }));
    assert.equal(JSON.parse(body).startTime, 1_700_000_000.5);
    const decoded = decodeJsonInput(model, "GetInstanceMetricDataRequest", body, rules);
    assert.equal((decoded.startTime as Date).getTime(), 1_700_000_000_500);
  });

  it("ignores members the model does not have", () => {
    assert.deepEqual(decodeJsonInput(model, "GetInstanceRequest", '{"instanceName":"a","extra":1}', rules), { instanceName: "a" });
  });

  it("asks the service's rules for a missing required member and a value outside an enum", () => {
    assert.throws(() => decodeJsonInput(model, "GetInstanceRequest", "{}", rules), /missing instanceName/);
    assert.throws(() => decodeJsonInput(model, "CreateInstancesRequest",
      '{"instanceNames":["a"],"availabilityZone":"z","blueprintId":"b","bundleId":"c","ipAddressType":"ipv5"}', rules), /enum ipAddressType=ipv5/);
  });

  it("treats null as absent, as the SDKs do", () => {
    assert.throws(() => decodeJsonInput(model, "GetInstanceRequest", '{"instanceName":null}', rules), /missing instanceName/);
  });

  it("answers a member nested 40,000 deep with a SerializationException that shows its start (not a stack overflow)", () => {
    const deep = `{"instanceName":${"[".repeat(40_000)}${"]".repeat(40_000)}}`;
    assert.throws(() => decodeJsonInput(model, "GetInstanceRequest", deep, rules), (e: Error) => {
      assert.equal(e.name, "SerializationException");
      assert.match(e.message, /^Member 'instanceName' must be a string, but the request has array \[\[\[…\]\]\]\.$/);
      return true;
    });
  });

  it("shows at most 60 characters of a wrong value, however large", () => {
    const huge = JSON.stringify({ instanceName: { key: "x".repeat(1_000_000) } });
    assert.throws(() => decodeJsonInput(model, "GetInstanceRequest", huge, rules), (e: Error) => {
      assert.match(e.message, /^Member 'instanceName' must be a string, but the request has object \{"key":"x{50,60}\.$/);
      return true;
    });
  });

  it("refuses a body of more than 50,000 JSON values with a SerializationException, before JSON.parse holds the event loop", () => {
    const body = `{"instanceName":"a","junk":[${"[],".repeat(60_000)}[]]}`;
    assert.throws(() => decodeJsonInput(model, "GetInstanceRequest", body, rules), (e: Error) => {
      assert.equal(e.name, "SerializationException");
      assert.match(e.message, /more than 50000 JSON values/);
      return true;
    });
  });

  it("counts only the values outside strings: commas and brackets in a string are text", () => {
    const body = `{"instanceName":"${"[{,".repeat(40_000)}"}`;
    assert.equal(decodeJsonInput(model, "GetInstanceRequest", body, rules).instanceName, "[{,".repeat(40_000));
    const escaped = JSON.stringify({ instanceName: `\\"${",".repeat(60_000)}` });
    assert.equal(decodeJsonInput(model, "GetInstanceRequest", escaped, rules).instanceName, `\\"${",".repeat(60_000)}`);
  });

  it("keeps __proto__ and constructor as map keys like any other, in an object without a prototype", () => {
    const body = '{"serviceName":"s","power":"nano","scale":1,"publicDomainNames":{"__proto__":["a.example.com"],"constructor":["b.example.com"]}}';
    const decoded = decodeJsonInput(model, "CreateContainerServiceRequest", body, rules);
    const names = decoded.publicDomainNames as Record<string, string[]>;
    assert.equal(Object.getPrototypeOf(names), null);
    assert.deepEqual(Object.keys(names), ["__proto__", "constructor"]);
    assert.deepEqual(Object.entries(names), [["__proto__", ["a.example.com"]], ["constructor", ["b.example.com"]]]);
  });
});

describe("awsJson1_1 encode, against the SDK's parser", () => {
  after(() => sdk.destroy());

  const instanceOutput: GetInstanceResult = {
    instance: {
      name: "web", arn: "arn:aws:lightsail:us-east-1:000000000000:Instance/1", createdAt: new Date("2026-01-01T06:00:00.061Z"),
      location: { availabilityZone: "us-east-1a", regionName: "us-east-1" }, resourceType: "Instance",
      tags: [{ key: "env", value: "prod" }, { key: "flag" }], isStaticIp: false, ipv6Addresses: [],
      hardware: { cpuCount: 2, ramSizeInGb: 0.5, disks: [{ path: "/dev/xvda", sizeInGb: 20, isSystemDisk: true, createdAt: new Date(1_700_000_000_000) }] },
      networking: { monthlyTransfer: { gbPerMonthAllocated: 1024 }, ports: [{ fromPort: 22, toPort: 22, protocol: "tcp", cidrs: ["0.0.0.0/0"] }] },
      state: { code: 16, name: "running" },
      addOns: [{ name: "AutoSnapshot", status: "Enabled", snapshotTimeOfDay: "06:00" }],
    },
  };
  const operationsOutput: GetOperationsResult = {
    operations: [{
      id: "o-1", resourceName: "web", resourceType: "Instance", createdAt: new Date(1_569_447_986_061), isTerminal: true,
      location: { availabilityZone: "us-east-1a", regionName: "us-east-1" }, operationType: "CreateInstance", status: "Succeeded",
      statusChangedAt: new Date(1_569_447_990_000), operationDetails: "",
    }],
    nextPageToken: "abc",
  };
  const containerOutput: ContainerServicesListResult = {
    containerServices: [{ containerServiceName: "svc", publicDomainNames: { cert1: ["a.example.com"] }, isDisabled: false, scale: 1 }],
  };
  const outputs: [string, string, unknown, unknown][] = [
    ["GetInstance (nested structures, dates, numbers)", "GetInstanceResult", instanceOutput, new GetInstanceCommand({ instanceName: "web" })],
    ["GetOperations", "GetOperationsResult", operationsOutput, new GetOperationsCommand({})],
    ["GetContainerServices (map of lists, boolean false)", "ContainerServicesListResult", containerOutput, new GetContainerServicesCommand({})],
  ];
  for (const [what, shape, output, command] of outputs) {
    it(`encodes ${what} so that SDK v3 parses back the same output`, async () => {
      const body = encodeJsonOutput(model, shape, output as object);
      assert.deepEqual(await sdkParse(command as never, body), output);
    });
  }

  it("writes a list of several items in pieces, one per item, that join into what SDK v3 parses back", async () => {
    const output = { instances: ["a1", "b2", "c3"].map((name) => ({ ...instanceOutput.instance, name })), nextPageToken: "next" };
    const chunks = encodeJsonChunks(model, "GetInstancesResult", output);
    assert.equal(chunks.length, 5); // the opening, one per instance, the rest
    assert.deepEqual(await sdkParse(new GetInstancesCommand({}) as never, chunks.join("")), output);
  });

  it("writes timestamps as epoch seconds with a millisecond fraction", () => {
    const body = JSON.parse(encodeJsonOutput(model, "GetOperationsResult", operationsOutput));
    assert.equal(body.operations[0].createdAt, 1569447986.061);
  });

  it("leaves out members the model does not have and members that are undefined", () => {
    const output = { instance: { name: "web", computeId: "i-0123", publicIpAddress: undefined, tags: [] } };
    assert.equal(encodeJsonOutput(model, "GetInstanceResult", output), '{"instance":{"name":"web","tags":[]}}');
  });
});
