import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateInstancesCommand,
  GetOperationCommand,
  GetOperationsCommand,
  GetOperationsForResourceCommand,
  TagResourceCommand,
  type Operation,
} from "@aws-sdk/client-lightsail";
import { walkPages } from "../helpers/pages.js";
import { assertOperation } from "../helpers/lightsail.js";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";

const base = { availabilityZone: "us-east-1a", blueprintId: "amazon_linux_2023", bundleId: "nano_3_0" };
const names = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, "0")}`);

describe("operations", () => {
  const t = useTestSkiff({ transitionMs: 3_600_000 });

  const create = async (...instanceNames: string[]) =>
    (await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames }))).operations!;

  describe("GetOperation", () => {
    it("returns the operation a call returned, Started while the work runs, then Succeeded", async () => {
      const [op] = await create("job");
      const started = (await t.lightsail.send(new GetOperationCommand({ operationId: op!.id }))).operation!;
      assert.deepEqual(started, op);
      assert.equal(started.status, "Started");
      assert.equal(started.isTerminal, false);

      await t.advance("1h");
      await t.skiff.idle();
      const done = assertOperation((await t.lightsail.send(new GetOperationCommand({ operationId: op!.id }))).operation, {
        status: "Succeeded", isTerminal: true, operationType: "CreateInstance", resourceName: "job", resourceType: "Instance",
        location: { availabilityZone: "us-east-1a", regionName: "us-east-1" }, createdAt: op!.createdAt,
      });
      assert.ok(done.statusChangedAt!.getTime() - op!.createdAt!.getTime() >= 3_600_000);
    });

    it("raises NotFoundException naming an unknown id", async () => {
      await rejectsWith(
        t.lightsail.send(new GetOperationCommand({ operationId: "5f1c7c6e-0000-4000-8000-000000000000" })),
        "NotFoundException",
        /The Operation does not exist: 5f1c7c6e-0000-4000-8000-000000000000/,
      );
    });

    it("does not show an operation to another region or account", async () => {
      const [op] = await create("mine");
      for (const client of [t.lightsailAs("us-west-2"), t.lightsailAs("us-east-1", "111122223333")]) {
        await rejectsWith(client.send(new GetOperationCommand({ operationId: op!.id })), "NotFoundException", /Operation does not exist/);
      }
    });
  });

  describe("GetOperations", () => {
    it("lists every operation of the region oldest first, without a token on the last page", async () => {
      await create("first", "second");
      await t.lightsail.send(new TagResourceCommand({ resourceName: "first", tags: [{ key: "k" }] }));
      await create("third");
      const { operations, nextPageToken } = await t.lightsail.send(new GetOperationsCommand({}));
      assert.deepEqual(
        operations?.map((o) => [o.resourceName, o.operationType]),
        [["first", "CreateInstance"], ["second", "CreateInstance"], ["first", "TagResource"], ["third", "CreateInstance"]],
      );
      assert.equal(nextPageToken, undefined);
    });

    it("answers an empty region with an empty list", async () => {
      const result = await t.lightsailAs("eu-west-1").send(new GetOperationsCommand({}));
      assert.deepEqual(result.operations, []);
      assert.equal(result.nextPageToken, undefined);
    });

    it("rejects a page token it did not hand out", async () => {
      await rejectsWith(t.lightsail.send(new GetOperationsCommand({ pageToken: "not-a-token" })), "InvalidInputException", /page token 'not-a-token' is not valid/);
    });
  });

  describe("GetOperationsForResource", () => {
    it("lists only the operations of that resource, oldest first", async () => {
      await create("a1", "b1");
      await t.lightsail.send(new TagResourceCommand({ resourceName: "a1", tags: [{ key: "x" }] }));
      await t.lightsail.send(new TagResourceCommand({ resourceName: "b1", tags: [{ key: "y" }] }));
      const result = await t.lightsail.send(new GetOperationsForResourceCommand({ resourceName: "a1" }));
      assert.deepEqual(result.operations?.map((o) => [o.resourceName, o.operationType]), [["a1", "CreateInstance"], ["a1", "TagResource"]]);
      assert.equal(result.nextPageToken, undefined);
      assert.equal(result.nextPageCount, undefined);
    });

    it("answers a resource that exists but has no operations with an empty list", async () => {
      await create("uses-default-key");
      const result = await t.lightsail.send(new GetOperationsForResourceCommand({ resourceName: "LightsailDefaultKeyPair" }));
      assert.deepEqual(result.operations, []);
    });

    it("raises NotFoundException for a name with neither a resource nor operations", async () => {
      await rejectsWith(
        t.lightsail.send(new GetOperationsForResourceCommand({ resourceName: "nowhere" })),
        "NotFoundException",
        /The resource does not exist: nowhere/,
      );
    });
  });
});

describe("operation paging", () => {
  const t = useTestSkiff({ pageSize: 2 }, { reset: false });

  it("walks GetOperations and GetOperationsForResource page by page, each operation once and in order", async () => {
    const { operations: created } = await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: names(3, "p") }));
    const tagged: Operation[] = [];
    for (let i = 0; i < 4; i++) {
      tagged.push(...(await t.lightsail.send(new TagResourceCommand({ resourceName: "p-001", tags: [{ key: `k${i}` }] }))).operations!);
    }
    const all = await walkPages(async (pageToken) => {
      const r = await t.lightsail.send(new GetOperationsCommand({ pageToken }));
      return { items: r.operations, nextPageToken: r.nextPageToken };
    });
    assert.deepEqual(all.map((p) => p.length), [2, 2, 2, 1]);
    assert.deepEqual(all.flat().map((o) => o.id), [...created!, ...tagged].map((o) => o.id));

    const mine = await walkPages(async (pageToken) => {
      const r = await t.lightsail.send(new GetOperationsForResourceCommand({ resourceName: "p-001", pageToken }));
      return { items: r.operations, nextPageToken: r.nextPageToken };
    });
    assert.deepEqual(mine.map((p) => p.length), [2, 2, 1]);
    assert.deepEqual(mine.flat().map((o) => o.id), [created![1]!, ...tagged].map((o) => o.id));
  });
});

describe("operation page size", () => {
  const t = useTestSkiff({ pageSize: 1000 }, { reset: false });

  it("returns at most 200 operations per page even when Skiff's page size is larger", async () => {
    for (const batch of [names(150, "a"), names(100, "b")]) {
      await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: batch }));
    }
    const first = await t.lightsail.send(new GetOperationsCommand({}));
    assert.equal(first.operations?.length, 200);
    assert.ok(first.nextPageToken);
    const second = await t.lightsail.send(new GetOperationsCommand({ pageToken: first.nextPageToken }));
    assert.equal(second.operations?.length, 50);
    assert.equal(second.nextPageToken, undefined);
    assert.equal(second.operations?.at(-1)?.resourceName, "b-099");
  });
});
