import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateInstancesCommand, GetInstanceCommand, GetInstancesCommand, GetOperationCommand } from "@aws-sdk/client-lightsail";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";

const base = { availabilityZone: "us-east-1a", blueprintId: "amazon_linux_2023", bundleId: "nano_3_0" };

describe("CreateInstances", () => {
  const t = useTestSkiff();

  it("creates several named instances in one call, each with a Started CreateInstance operation", async () => {
    const { operations } = await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["web-1", "web-2"] }));
    assert.equal(operations?.length, 2);
    assert.deepEqual(operations!.map((o) => o.resourceName), ["web-1", "web-2"]);
    for (const op of operations!) {
      assert.equal(op.operationType, "CreateInstance");
      assert.equal(op.status, "Started");
      assert.equal(op.isTerminal, false);
      assert.equal(op.resourceType, "Instance");
      assert.deepEqual(op.location, { availabilityZone: "us-east-1a", regionName: "us-east-1" });
      assert.ok(op.createdAt instanceof Date);
    }
  });

  it("shows the instance as pending at once and running once the worker is done", async () => {
    await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["box"] }));
    const { instance } = await t.lightsail.send(new GetInstanceCommand({ instanceName: "box" }));
    assert.ok(instance);
    await t.skiff.idle();
    const after = await t.lightsail.send(new GetInstanceCommand({ instanceName: "box" }));
    assert.deepEqual(after.instance?.state, { code: 16, name: "running" });
  });

  it("returns the full Instance shape of the seed", async () => {
    await t.lightsail.send(
      new CreateInstancesCommand({
        ...base,
        instanceNames: ["shape"],
        bundleId: "micro_3_0",
        blueprintId: "wordpress",
        tags: [{ key: "env", value: "test" }, { key: "flag" }],
        userData: "echo hi",
        ipAddressType: "ipv4",
      }),
    );
    await t.skiff.idle();
    const { instance } = await t.lightsail.send(new GetInstanceCommand({ instanceName: "shape" }));
    assert.ok(instance);
    assert.match(instance.arn!, /^arn:aws:lightsail:us-east-1:000000000000:Instance\/[0-9a-f-]{36}$/);
    assert.match(instance.supportCode!, /^\d{12}\/i-[0-9a-f]{17}$/);
    assert.equal(instance.blueprintName, "WordPress");
    assert.equal(instance.username, "bitnami");
    assert.equal(instance.sshKeyName, "LightsailDefaultKeyPair");
    assert.equal(instance.ipAddressType, "ipv4");
    assert.deepEqual(instance.ipv6Addresses, []);
    assert.match(instance.privateIpAddress!, /^172\.26\.\d+\.\d+$/);
    assert.match(instance.publicIpAddress!, /^\d+\.\d+\.\d+\.\d+$/);
    assert.deepEqual(instance.tags, [{ key: "env", value: "test" }, { key: "flag" }]);
    assert.equal(instance.hardware?.cpuCount, 2);
    assert.equal(instance.hardware?.ramSizeInGb, 1);
    assert.deepEqual(
      instance.hardware?.disks?.map((d) => [d.path, d.sizeInGb, d.isSystemDisk, d.attachedTo]),
      [["/dev/xvda", 40, true, "shape"]],
    );
    assert.equal(instance.networking?.monthlyTransfer?.gbPerMonthAllocated, 2048);
    assert.deepEqual(instance.networking?.ports?.map((p) => p.fromPort), [80, 22, 443]);
    assert.equal(instance.networking?.ports?.[0]?.accessFrom, "Anywhere (0.0.0.0/0)");
    assert.deepEqual(instance.metadataOptions, {
      state: "applied", httpTokens: "optional", httpEndpoint: "enabled", httpPutResponseHopLimit: 1, httpProtocolIpv6: "disabled",
    });
  });

  it("finishes the CreateInstance operation as Succeeded", async () => {
    const { operations } = await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["op"] }));
    await t.skiff.idle();
    const { operation } = await t.lightsail.send(new GetOperationCommand({ operationId: operations![0]!.id }));
    assert.equal(operation?.status, "Succeeded");
    assert.equal(operation?.isTerminal, true);
  });

  it("rejects a name already in use, naming it, and creates none of the batch", async () => {
    await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["taken"] }));
    const err = await rejectsWith(
      t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["fresh", "taken"] })),
      "InvalidInputException",
      /Some names are already in use: taken/,
    );
    assert.equal(err.code, "NameExists");
    await rejectsWith(t.lightsail.send(new GetInstanceCommand({ instanceName: "fresh" })), "NotFoundException");
  });

  it("gives exactly one of two concurrent creates of the same name", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["race"] }))),
    );
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
    const { instances } = await t.lightsail.send(new GetInstancesCommand({}));
    assert.equal(instances?.filter((i) => i.name === "race").length, 1);
  });

  const invalid: [string, Record<string, unknown>, RegExp][] = [
    ["a zone outside the region", { availabilityZone: "us-west-2a" }, /Availability Zone 'us-west-2a' is not valid in region us-east-1/],
    ["an unknown bundle", { bundleId: "huge_9_0" }, /bundle does not exist in this region: huge_9_0/],
    ["an unknown blueprint", { blueprintId: "templeos" }, /blueprint does not exist in this region: templeos/],
    ["a Windows bundle for a Linux blueprint", { bundleId: "nano_win_3_0" }, /nano_win_3_0 supports WINDOWS but the blueprint amazon_linux_2023 runs on LINUX_UNIX/],
    ["an IPv6-only bundle with dualstack", { bundleId: "nano_ipv6_3_0" }, /IPv6-only/],
    ["ipv6 with a dual-stack bundle", { ipAddressType: "ipv6" }, /needs an IPv6-only bundle/],
    ["a name with a space", { instanceNames: ["bad name"] }, /instance name 'bad name' is not valid/],
    ["a one-letter name", { instanceNames: ["x"] }, /instance name 'x' is not valid/],
    ["the same name twice", { instanceNames: ["dup", "dup"] }, /'dup' appears more than once/],
    ["no names", { instanceNames: [] }, /At least one instance name/],
    ["a tag key with aws:", { tags: [{ key: "aws:x", value: "1" }] }, /reserved prefix 'aws:'/],
    ["a tag key over 128 characters", { tags: [{ key: "k".repeat(129) }] }, /longer than 128/],
    ["a tag value with a forbidden character", { tags: [{ key: "k", value: "a#b" }] }, /value of tag 'k' has characters/],
    ["51 tags", { tags: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}` })) }, /at most 50 tags/],
    ["an AutoSnapshot time not on the hour", { addOns: [{ addOnType: "AutoSnapshot", autoSnapshotAddOnRequest: { snapshotTimeOfDay: "06:30" } }] }, /snapshot time of day '06:30' is not valid/],
    ["user data over 16 KB", { userData: "x".repeat(16 * 1024 + 1) }, /user data is 16385 bytes/],
  ];
  for (const [what, patch, message] of invalid) {
    it(`rejects ${what} with InvalidInputException`, async () => {
      await rejectsWith(
        t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["ok-name"], ...patch } as never)),
        "InvalidInputException",
        message,
      );
      const { instances } = await t.lightsail.send(new GetInstancesCommand({}));
      assert.deepEqual(instances, []);
    });
  }

  it("rejects an unknown key pair with NotFoundException", async () => {
    await rejectsWith(
      t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["kp"], keyPairName: "missing-key" })),
      "NotFoundException",
      /KeyPair does not exist: missing-key/,
    );
  });

  it("keeps instances of other regions and accounts apart", async () => {
    const oregon = t.lightsailAs("us-west-2");
    await oregon.send(new CreateInstancesCommand({ ...base, availabilityZone: "us-west-2b", instanceNames: ["west"] }));
    const other = t.lightsailAs("us-east-1", "123456789012");
    await other.send(new CreateInstancesCommand({ ...base, instanceNames: ["west"] }));
    assert.deepEqual((await t.lightsail.send(new GetInstancesCommand({}))).instances, []);
    const { instance } = await oregon.send(new GetInstanceCommand({ instanceName: "west" }));
    assert.equal(instance?.location?.availabilityZone, "us-west-2b");
    const mine = await other.send(new GetInstanceCommand({ instanceName: "west" }));
    assert.match(mine.instance!.arn!, /:123456789012:Instance\//);
  });
});
