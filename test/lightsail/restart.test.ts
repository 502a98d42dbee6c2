import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  CreateInstancesCommand,
  GetInstancesCommand,
  GetOperationsCommand,
  TagResourceCommand,
  type Instance,
} from "@aws-sdk/client-lightsail";
import { walkPages } from "../helpers/pages.js";
import { startTestSkiff, useTestSkiff } from "../helpers/skiff.js";
import { within } from "../helpers/wait.js";

const base = { availabilityZone: "us-east-1a", blueprintId: "amazon_linux_2023", bundleId: "nano_3_0" };

describe("restart on the same data directory", () => {
  let dataDir: string;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), "skiff-restart-"));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it("keeps the admin clock where it was moved", async () => {
    const dir = mkdtempSync(join(tmpdir(), "skiff-clock-"));
    try {
      const first = await startTestSkiff({ inMemory: false, dataDir: dir });
      await first.advance("3d");
      const moved = first.skiff.clock.now();
      await first.close();
      const second = await startTestSkiff({ inMemory: false, dataDir: dir });
      try {
        const { epochMs } = (await (await second.admin("/_skiff/clock")).json()) as { epochMs: number };
        assert.ok(epochMs >= moved && epochMs - moved < 60_000, `clock at ${epochMs}, moved to ${moved}`);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps every resource and operation, and finishes the work that was under way", async () => {
    const first = await startTestSkiff({ inMemory: false, dataDir, transitionMs: 3_600_000 });
    let createdOps: string[];
    let before: Instance[];
    try {
      const a = await first.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["r1", "r2"], tags: [{ key: "env", value: "ci" }] }));
      const b = await first.lightsail.send(new CreateInstancesCommand({ ...base, availabilityZone: "us-east-1c", instanceNames: ["r3"] }));
      await first.lightsail.send(new TagResourceCommand({ resourceName: "r3", tags: [{ key: "late" }] }));
      createdOps = [...a.operations!, ...b.operations!].map((o) => o.id!);
      before = (await first.lightsail.send(new GetInstancesCommand({}))).instances!;
      assert.deepEqual(before.map((i) => i.state?.name), ["pending", "pending", "pending"]);
    } finally {
      await first.close();
    }

    const second = await startTestSkiff({ inMemory: false, dataDir, transitionMs: 0 });
    try {
      const health = (await (await second.admin("/_skiff/health")).json()) as { store: { location: string } };
      assert.equal(health.store.location, join(dataDir, "skiff.db"));
      await within(5000, second.skiff.idle(), "the resumed jobs finishing");
      const afterRestart = (await second.lightsail.send(new GetInstancesCommand({}))).instances!;
      assert.deepEqual(afterRestart.map((i) => [i.name, i.state?.name]), [["r1", "running"], ["r2", "running"], ["r3", "running"]]);
      const withoutState = (list: Instance[]) => list.map(({ state: _, ...rest }) => rest);
      assert.deepEqual(withoutState(afterRestart), withoutState(before));
      assert.deepEqual(afterRestart[2]?.tags, [{ key: "late" }]);

      const { operations } = await second.lightsail.send(new GetOperationsCommand({}));
      assert.deepEqual(operations?.map((o) => [o.operationType, o.status, o.isTerminal]), [
        ["CreateInstance", "Succeeded", true],
        ["CreateInstance", "Succeeded", true],
        ["CreateInstance", "Succeeded", true],
        ["TagResource", "Succeeded", true],
      ]);
      assert.deepEqual(operations!.slice(0, 3).map((o) => o.id), createdOps);
      assert.equal(await second.skiff.store.read((tx) => tx.jobs.pending()), 0);
    } finally {
      await second.close();
    }
  });

  it("refuses a second Skiff on a data directory in use, at once and saying why, and keeps the first one working", async () => {
    const dir = mkdtempSync(join(tmpdir(), "skiff-owner-"));
    const first = await startTestSkiff({ inMemory: false, dataDir: dir });
    try {
      await first.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["owned"] }));
      const started = performance.now();
      await assert.rejects(startTestSkiff({ inMemory: false, dataDir: dir }), (e: Error) => {
        assert.match(e.message, /skiff\.db is in use by another process \(another Skiff on the same data directory\?\)/);
        return true;
      });
      assert.ok(performance.now() - started < 1000, `the refusal took ${Math.round(performance.now() - started)} ms`);
      const { instances } = await first.lightsail.send(new GetInstancesCommand({}));
      assert.deepEqual(instances?.map((i) => i.name), ["owned"]);
    } finally {
      await first.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("closes promptly even while a long transition is under way", async () => {
    const dir = mkdtempSync(join(tmpdir(), "skiff-close-"));
    const t = await startTestSkiff({ inMemory: false, dataDir: dir, transitionMs: 3_600_000 });
    try {
      await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["busy"] }));
    } finally {
      const started = performance.now();
      await t.close();
      assert.ok(performance.now() - started < 900, `close took ${Math.round(performance.now() - started)} ms`);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("GetInstances paging", () => {
  const t = useTestSkiff({}, { reset: false });

  it("walks 250 instances in pages of 100, each once and in creation order", async () => {
    const names = Array.from({ length: 250 }, (_, i) => `page-${String(i).padStart(3, "0")}`);
    for (const batch of [names.slice(0, 90), names.slice(90, 180), names.slice(180)]) {
      await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: batch }));
    }
    const pages = await walkPages(async (pageToken) => {
      const r = await t.lightsail.send(new GetInstancesCommand({ pageToken }));
      return { items: r.instances, nextPageToken: r.nextPageToken };
    });
    assert.deepEqual(pages.map((p) => p.length), [100, 100, 50]);
    assert.deepEqual(pages.flat().map((i) => i.name), names);
  });

  it("keeps a page token valid while the instances change state", async () => {
    await t.reset();
    const names = Array.from({ length: 120 }, (_, i) => `st-${String(i).padStart(3, "0")}`);
    await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: names }));
    const first = await t.lightsail.send(new GetInstancesCommand({}));
    await t.skiff.idle();
    const second = await t.lightsail.send(new GetInstancesCommand({ pageToken: first.nextPageToken }));
    assert.deepEqual(second.instances?.map((i) => i.name), names.slice(100));
    assert.ok(second.instances!.every((i) => i.state?.name === "running"));
    assert.equal(second.nextPageToken, undefined);
  });
});
