import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import {
  CreateInstancesCommand,
  GetInstanceCommand,
  GetOperationCommand,
  GetOperationsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from "@aws-sdk/client-lightsail";
import { onlyOperation } from "../helpers/lightsail.js";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";

const base = { availabilityZone: "us-east-1b", blueprintId: "amazon_linux_2023", bundleId: "nano_3_0" };
const scope = { account: "000000000000", region: "us-east-1" };

describe("TagResource and UntagResource", () => {
  const t = useTestSkiff();
  beforeEach(async () => {
    await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["web", "db"], tags: [{ key: "team", value: "ops" }] }));
  });

  const tagsOf = async (name: string) => (await t.lightsail.send(new GetInstanceCommand({ instanceName: name }))).instance?.tags;
  const arnOf = async (name: string) => (await t.lightsail.send(new GetInstanceCommand({ instanceName: name }))).instance!.arn!;

  it("adds tags to an instance and returns one Succeeded TagResource operation", async () => {
    const { operations } = await t.lightsail.send(new TagResourceCommand({ resourceName: "web", tags: [{ key: "env", value: "prod" }, { key: "backup" }] }));
    const op = onlyOperation(operations, {
      status: "Succeeded", isTerminal: true, operationType: "TagResource", resourceName: "web", resourceType: "Instance",
      location: { availabilityZone: "us-east-1b", regionName: "us-east-1" },
    });
    assert.deepEqual(await tagsOf("web"), [{ key: "team", value: "ops" }, { key: "env", value: "prod" }, { key: "backup" }]);
    assert.deepEqual(await tagsOf("db"), [{ key: "team", value: "ops" }]);
    const { operation } = await t.lightsail.send(new GetOperationCommand({ operationId: op.id }));
    assert.deepEqual(operation, op);
  });

  it("replaces the value of a key the resource already has", async () => {
    await t.lightsail.send(new TagResourceCommand({ resourceName: "web", tags: [{ key: "team", value: "dev" }] }));
    assert.deepEqual(await tagsOf("web"), [{ key: "team", value: "dev" }]);
  });

  it("accepts the resource's own ARN", async () => {
    await t.lightsail.send(new TagResourceCommand({ resourceName: "web", resourceArn: await arnOf("web"), tags: [{ key: "a", value: "1" }] }));
    assert.deepEqual(await tagsOf("web"), [{ key: "team", value: "ops" }, { key: "a", value: "1" }]);
  });

  it("rejects the ARN of another resource and changes nothing", async () => {
    const otherArn = await arnOf("db");
    await rejectsWith(
      t.lightsail.send(new TagResourceCommand({ resourceName: "web", resourceArn: otherArn, tags: [{ key: "a" }] })),
      "InvalidInputException",
      new RegExp(`resource ARN '${otherArn}' is not the ARN of Instance web`),
    );
    assert.deepEqual(await tagsOf("web"), [{ key: "team", value: "ops" }]);
    const { operations } = await t.lightsail.send(new GetOperationsForResourceCommand({ resourceName: "web" }));
    assert.deepEqual(operations?.map((o) => o.operationType), ["CreateInstance"]);
  });

  it("rejects an ARN that does not match the model's pattern", async () => {
    await rejectsWith(
      t.lightsail.send(new TagResourceCommand({ resourceName: "web", resourceArn: "arn:aws:lightsail:us-east-1:000000000000:Instance/web 1", tags: [{ key: "a" }] })),
      "InvalidInputException",
      /resource ARN 'arn:aws:lightsail:us-east-1:000000000000:Instance\/web 1' is not valid/,
    );
    await rejectsWith(
      t.lightsail.send(new UntagResourceCommand({ resourceName: "web", resourceArn: "web", tagKeys: ["team"] })),
      "InvalidInputException",
      /resource ARN 'web' is not valid/,
    );
  });

  it("raises NotFoundException for a resource that does not exist", async () => {
    await rejectsWith(t.lightsail.send(new TagResourceCommand({ resourceName: "ghost", tags: [{ key: "a" }] })), "NotFoundException", /resource does not exist: ghost/);
    await rejectsWith(t.lightsail.send(new UntagResourceCommand({ resourceName: "ghost", tagKeys: ["a"] })), "NotFoundException", /resource does not exist: ghost/);
  });

  it("does not find a resource of another region", async () => {
    await rejectsWith(
      t.lightsailAs("us-west-2").send(new TagResourceCommand({ resourceName: "web", tags: [{ key: "a" }] })),
      "NotFoundException",
      /resource does not exist: web/,
    );
  });

  const badTags: [string, { key?: string; value?: string }[], RegExp][] = [
    ["a key with the aws: prefix", [{ key: "aws:owner", value: "me" }], /tag key 'aws:owner' uses the reserved prefix 'aws:'/],
    ["an empty key", [{ key: "", value: "x" }], /non-empty key/],
    ["a value over 256 characters", [{ key: "long", value: "v".repeat(257) }], /value of tag 'long' is longer than 256 characters/],
    ["a key with a forbidden character", [{ key: "a#b" }], /tag key 'a#b' has characters that are not allowed/],
  ];
  for (const [what, tags, message] of badTags) {
    it(`rejects ${what} with InvalidInputException and changes nothing`, async () => {
      await rejectsWith(t.lightsail.send(new TagResourceCommand({ resourceName: "web", tags })), "InvalidInputException", message);
      assert.deepEqual(await tagsOf("web"), [{ key: "team", value: "ops" }]);
    });
  }

  it("counts the tags a resource already has toward the limit of 50", async () => {
    const many = Array.from({ length: 49 }, (_, i) => ({ key: `k${i}` }));
    await t.lightsail.send(new TagResourceCommand({ resourceName: "web", tags: many }));
    assert.equal((await tagsOf("web"))?.length, 50);
    await rejectsWith(
      t.lightsail.send(new TagResourceCommand({ resourceName: "web", tags: [{ key: "one-more" }] })),
      "InvalidInputException",
      /at most 50 tags; this request would give it 51/,
    );
    await t.lightsail.send(new TagResourceCommand({ resourceName: "web", tags: [{ key: "k0", value: "same key" }] }));
    assert.equal((await tagsOf("web"))?.length, 50);
  });

  it("removes the given keys, ignores keys the resource does not have, and returns a Succeeded UntagResource operation", async () => {
    await t.lightsail.send(new TagResourceCommand({ resourceName: "web", tags: [{ key: "env", value: "prod" }, { key: "tier" }] }));
    const { operations } = await t.lightsail.send(new UntagResourceCommand({ resourceName: "web", tagKeys: ["team", "tier", "absent"] }));
    assert.deepEqual(operations?.map((o) => [o.operationType, o.status, o.resourceName, o.isTerminal]), [["UntagResource", "Succeeded", "web", true]]);
    assert.deepEqual(await tagsOf("web"), [{ key: "env", value: "prod" }]);
  });

  it("rejects an empty tag key to remove", async () => {
    await rejectsWith(t.lightsail.send(new UntagResourceCommand({ resourceName: "web", tagKeys: [""] })), "InvalidInputException", /non-empty key/);
    assert.deepEqual(await tagsOf("web"), [{ key: "team", value: "ops" }]);
  });

  it("tags and untags a key pair, with an operation located in all zones", async () => {
    const { operations } = await t.lightsail.send(new TagResourceCommand({ resourceName: "LightsailDefaultKeyPair", tags: [{ key: "owner", value: "ci" }] }));
    assert.deepEqual(operations?.map((o) => [o.resourceType, o.location]), [["KeyPair", { availabilityZone: "all", regionName: "us-east-1" }]]);
    const tagged = await t.skiff.store.read((tx) => tx.keyPairs.get(scope, "LightsailDefaultKeyPair"));
    assert.deepEqual(tagged?.tags, [{ key: "owner", value: "ci" }]);
    await t.lightsail.send(new UntagResourceCommand({ resourceName: "LightsailDefaultKeyPair", resourceArn: tagged!.arn, tagKeys: ["owner"] }));
    const untagged = await t.skiff.store.read((tx) => tx.keyPairs.get(scope, "LightsailDefaultKeyPair"));
    assert.deepEqual(untagged?.tags, []);
    assert.equal(untagged?.fingerprint, tagged?.fingerprint);
  });
});
