import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Scope } from "../../src/core/scope.js";
import { migrationIds } from "../../src/state/migrations/index.js";
import { DuplicateKeyError, type Positioned, type ResourceRepository, type Store, type Tx } from "../../src/state/store.js";
import { autoSnapshotKey } from "../../src/state/tables.js";
import { contractTests } from "./suite.js";


/** Where a store under test lives, and how to open it (again) there. */
export interface StoreFixture {
  /** Opens the store at the fixture's location; after `close`, the same data when `persistent`. */
  open(): Promise<Store>;
  /** Whether what was written outlives `close` (false: in memory). */
  persistent: boolean;
  cleanup(): Promise<void>;
}

type ResourceRepoName = {
  [K in keyof Tx]: Tx[K] extends ResourceRepository<unknown, infer _C> ? K : never;
}[keyof Tx];

/**
 * A record of each resource family made from `name` (its key, or part of it: see `keyOf`), with
 * what its table's columns and side indexes read and a few fields besides.
 */
const families: Record<ResourceRepoName, { make(key: string): unknown; keyOf(record: never): string }> = {
  instances: { make: (name) => ({ name, arn: `arn:aws:lightsail:::Instance/${name}`, state: "running", tags: [], addOns: [], ports: [] }), keyOf: (r: { name: string }) => r.name },
  keyPairs: { make: (name) => ({ name, fingerprint: "aa:bb", publicKey: "ssh-ed25519 AAAA", tags: [], isDefault: false }), keyOf: (r: { name: string }) => r.name },
  operations: { make: (id) => ({ id, resourceName: "web-1", resourceType: "Instance", status: "Started", isTerminal: false }), keyOf: (r: { id: string }) => r.id },
  disks: { make: (name) => ({ name, sizeInGb: 8, state: "available", tags: [], addOns: [], isAttached: false, attachmentState: "detached" }), keyOf: (r: { name: string }) => r.name },
  instanceSnapshots: { make: (name) => ({ name, state: "available", fromInstanceName: "web-1", tags: [], pendingRestores: [], fromAttachedDisks: [] }), keyOf: (r: { name: string }) => r.name },
  diskSnapshots: { make: (name) => ({ name, state: "completed", fromDiskName: "data-1", tags: [], pendingRestores: [] }), keyOf: (r: { name: string }) => r.name },
  autoSnapshots: {
    make: (resourceName) => ({ resourceName, resourceType: "Instance", date: "2026-12-07", status: "Success", pendingRestores: [], fromAttachedDisks: [] }),
    keyOf: (r: { resourceName: string; date: string }) => autoSnapshotKey(r.resourceName, r.date),
  },
  ec2Instances: { make: (instanceId) => ({ instanceId, reservationId: "r-1", state: "running", clientToken: "", tags: [] }), keyOf: (r: { instanceId: string }) => r.instanceId },
  ec2Volumes: { make: (volumeId) => ({ volumeId, size: 8, snapshotId: "", state: "available", tags: [] }), keyOf: (r: { volumeId: string }) => r.volumeId },
  ec2Snapshots: {
    make: (snapshotId) => ({ snapshotId, volumeId: "vol-1", state: "completed", progress: "100%", tags: [], createVolumePermissions: [] }),
    keyOf: (r: { snapshotId: string }) => r.snapshotId,
  },
  ec2KeyPairs: { make: (keyName) => ({ keyName, keyPairId: `key-${keyName}`, keyType: "ed25519", tags: [] }), keyOf: (r: { keyName: string }) => r.keyName },
};

const repo = (tx: Tx, name: ResourceRepoName) => tx[name] as unknown as ResourceRepository<Record<string, unknown>>;
const keyOf = (name: ResourceRepoName, record: unknown) => families[name].keyOf(record as never);

async function collect<R>(source: AsyncIterable<Positioned<R>>): Promise<Positioned<R>[]> {
  const out: Positioned<R>[] = [];
  for await (const p of source) out.push(p);
  return out;
}

/** Lets the other transaction run, if the engine lets two run at once. */
const yieldToOthers = () => new Promise((resolve) => setTimeout(resolve, 5));

class NameTaken extends Error {}

/** The behaviour every Store implementation shares (ARCHITECTURE rule 6, STYLE 12). */
export function storeContract(name: string, fixture: () => Promise<StoreFixture | string>) {
  let fx: StoreFixture | undefined;
  let store: Store;
  // Each test writes in scopes of its own, so that tests need not clean up after one another.
  let scopes = 0;
  const freshScope = (): Scope => ({ account: String(100000000000 + ++scopes), region: "us-east-1" });

  describe(`Store contract: ${name}`, () => {
    const test = contractTests(
      fixture,
      async (got) => {
        fx = got;
        store = await got.open();
      },
      async () => {
        await store?.close();
        await fx?.cleanup();
      },
    );

    test("opens with every migration applied", async () => {
      assert.deepEqual(await store.appliedMigrations(), [...migrationIds]);
    });

    for (const family of Object.keys(families) as ResourceRepoName[]) {
      const make = (name: string) => families[family].make(name) as Record<string, unknown>;
      const key = (name: string) => keyOf(family, make(name));

      test(`${family}: inserts, reads, updates and deletes within its scope`, async () => {
        const [scope, other] = [freshScope(), freshScope()];
        const record = make("a-1");
        await store.transaction((tx) => repo(tx, family).insert(scope, record));
        await store.read(async (tx) => {
          assert.deepEqual(await repo(tx, family).get(scope, key("a-1")), record);
          assert.equal(await repo(tx, family).get(other, key("a-1")), undefined);
          assert.equal(await repo(tx, family).count(scope), 1);
          assert.deepEqual((await repo(tx, family).scopes()).filter((s) => s.account === scope.account), [scope]);
        });
        const changed = { ...record, changed: true };
        await store.transaction((tx) => repo(tx, family).update(scope, changed));
        assert.deepEqual(await store.read((tx) => repo(tx, family).get(scope, key("a-1"))), changed);
        await assert.rejects(store.transaction((tx) => repo(tx, family).update(scope, make("nope"))));
        assert.equal(await store.transaction((tx) => repo(tx, family).delete(scope, key("a-1"))), true);
        assert.equal(await store.transaction((tx) => repo(tx, family).delete(scope, key("a-1"))), false);
        await store.read(async (tx) => {
          assert.equal(await repo(tx, family).get(scope, key("a-1")), undefined);
          assert.equal(await repo(tx, family).count(scope), 0);
        });
      });

      test(`${family}: refuses a key its scope holds with DuplicateKeyError, not a key of another scope`, async () => {
        const [scope, other] = [freshScope(), freshScope()];
        await store.transaction((tx) => repo(tx, family).insert(scope, make("dup")));
        await assert.rejects(store.transaction((tx) => repo(tx, family).insert(scope, { ...make("dup"), second: true })), DuplicateKeyError);
        assert.equal((await store.read((tx) => repo(tx, family).get(scope, key("dup"))))?.second, undefined);
        await store.transaction((tx) => repo(tx, family).insert(other, make("dup")));
      });

      test(`${family}: pages and scans in creation order, with tokens`, async () => {
        const scope = freshScope();
        // Keys out of alphabetical order: the order is that of creation, not of keys.
        const keys = ["k-5", "k-1", "k-4", "k-2", "k-3"];
        await store.transaction(async (tx) => {
          for (const k of keys) await repo(tx, family).insert(scope, make(k));
        });
        await store.transaction((tx) => repo(tx, family).delete(scope, key("k-4")));
        const live = keys.filter((k) => k !== "k-4").map(key);
        const pages: string[][] = [];
        let after: number | undefined;
        do {
          const page = await store.read((tx) => repo(tx, family).page(scope, { after, limit: 2 }));
          pages.push(page.items.map((r) => keyOf(family, r)));
          after = page.next;
        } while (after !== undefined);
        assert.deepEqual(pages, [live.slice(0, 2), live.slice(2, 4)]);
        const scanned = await store.read((tx) => collect(repo(tx, family).scan(scope)));
        assert.deepEqual(scanned.map((p) => keyOf(family, p.record)), live);
        assert.ok(scanned.every((p, i) => i === 0 || p.seq > scanned[i - 1]!.seq), "positions increase");
        const rest = await store.read((tx) => collect(repo(tx, family).scan(scope, { after: scanned[1]!.seq })));
        assert.deepEqual(rest.map((p) => keyOf(family, p.record)), live.slice(2));
        const byKey = await store.read((tx) => collect(repo(tx, family).scan(scope, { narrow: { column: "key", values: ["k-3", "k-5", "k-3", "none"].map(key) } })));
        assert.deepEqual(byKey.map((p) => keyOf(family, p.record)), ["k-5", "k-3"].map(key));
      });
    }

    test("findBy: records whose indexed column holds one of the values, in creation order", async () => {
      const scope = freshScope();
      const disk = (name: string, attachedTo?: string) => ({ ...(families.disks.make(name) as object), attachedTo }) as never;
      await store.transaction(async (tx) => {
        for (const [n, on] of [["d-1", "web-2"], ["d-2", "web-1"], ["d-3", undefined], ["d-4", "web-1"]] as const) await tx.disks.insert(scope, disk(n, on));
      });
      await store.read(async (tx) => {
        const names = async (values: string[]) => (await tx.disks.findBy(scope, "attached_to", values)).map((d) => d.name);
        assert.deepEqual(await names(["web-1"]), ["d-2", "d-4"]);
        assert.deepEqual(await names(["web-1", "web-2"]), ["d-1", "d-2", "d-4"]);
        assert.deepEqual(await names([]), []);
        assert.deepEqual(await tx.disks.findBy(freshScope(), "attached_to", ["web-1"]), []);
        // @ts-expect-error: a column the table does not have fails to compile, and at run time.
        await assert.rejects(tx.disks.findBy(scope, "attachedTo", ["web-1"]), /no column attachedTo/);
      });
      await store.transaction(async (tx) => tx.disks.update(scope, disk("d-2", "web-2")));
      assert.deepEqual((await store.read((tx) => tx.disks.findBy(scope, "attached_to", ["web-1"]))).map((d) => d.name), ["d-4"]);
    });

    test("page and scan filter on indexed columns, and narrow by key, column or tag", async () => {
      const scope = freshScope();
      await store.transaction(async (tx) => {
        for (let i = 1; i <= 5; i++) await tx.operations.insert(scope, { ...(families.operations.make(`op-${i}`) as object), resourceName: i % 2 ? "web-1" : "web-2" } as never);
        const volume = (id: string, instanceId: string | undefined, state: string, team: string) =>
          ({ ...(families.ec2Volumes.make(id) as object), state, tags: [{ key: "team", value: team }], attachment: instanceId && { instanceId } }) as never;
        await tx.ec2Volumes.insert(scope, volume("vol-1", "i-1", "in-use", "red"));
        await tx.ec2Volumes.insert(scope, volume("vol-2", undefined, "available", "blue"));
        await tx.ec2Volumes.insert(scope, volume("vol-3", "i-1", "in-use", "blue"));
        await tx.ec2Volumes.insert(scope, volume("vol-4", "i-2", "in-use", "red"));
      });
      await store.read(async (tx) => {
        const first = await tx.operations.page(scope, { limit: 2, where: { resource_name: "web-1" } });
        assert.deepEqual(first.items.map((o) => o.id), ["op-1", "op-3"]);
        const second = await tx.operations.page(scope, { after: first.next, limit: 2, where: { resource_name: "web-1" } });
        assert.deepEqual(second, { items: [second.items[0]!] });
        assert.equal(second.items[0]!.id, "op-5");
        const ids = async (options: Parameters<typeof tx.ec2Volumes.scan>[1]) => (await collect(tx.ec2Volumes.scan(scope, options))).map((p) => p.record.volumeId);
        assert.deepEqual(await ids({ where: { instance_id: "i-1" } }), ["vol-1", "vol-3"]);
        assert.deepEqual(await ids({ where: { instance_id: "i-1", state: "in-use" } }), ["vol-1", "vol-3"]);
        assert.deepEqual(await ids({ where: { state: "available" } }), ["vol-2"]);
        assert.deepEqual(await ids({ narrow: { column: "state", values: ["available", "in-use"] }, where: { instance_id: "i-2" } }), ["vol-4"]);
        assert.deepEqual(await ids({ narrow: { tag: "team", values: ["red"] } }), ["vol-1", "vol-4"]);
        assert.deepEqual(await ids({ narrow: { tag: "team", values: ["blue", "red"] } }), ["vol-1", "vol-2", "vol-3", "vol-4"]);
        assert.deepEqual(await ids({ narrow: { tag: "team", values: ["blue"] }, where: { state: "in-use" } }), ["vol-3"]);
      });
      // Indexes follow updates and deletes.
      await store.transaction(async (tx) => {
        const v = (await tx.ec2Volumes.get(scope, "vol-1"))!;
        await tx.ec2Volumes.update(scope, { ...v, tags: [{ key: "team", value: "green" }] });
        await tx.ec2Volumes.delete(scope, "vol-4");
      });
      const red = await store.read((tx) => collect(tx.ec2Volumes.scan(scope, { narrow: { tag: "team", values: ["red"] } })));
      assert.deepEqual(red, []);
    });

    test("EC2 snapshots are visible to their owner and to the accounts they are shared with", async () => {
      const [owner, friend, stranger] = [freshScope(), freshScope(), freshScope()];
      const snap = (id: string, createVolumePermissions: string[]) => ({ ...(families.ec2Snapshots.make(id) as object), createVolumePermissions }) as never;
      await store.transaction(async (tx) => {
        await tx.ec2Snapshots.insert(owner, snap("snap-1", []));
        await tx.ec2Snapshots.insert(owner, snap("snap-2", [friend.account]));
        await tx.ec2Snapshots.insert(owner, snap("snap-3", ["all"]));
        await tx.ec2Snapshots.insert(friend, snap("snap-4", []));
      });
      const visible = (account: string, own?: boolean) =>
        store.read(async (tx) => {
          const out: string[] = [];
          for await (const v of tx.ec2Snapshots.scanVisible("us-east-1", account, { own })) out.push(`${v.owner}/${v.record.snapshotId}`);
          return out;
        });
      const o = owner.account;
      assert.deepEqual(await visible(o), [`${o}/snap-1`, `${o}/snap-2`, `${o}/snap-3`]);
      assert.deepEqual(await visible(friend.account), [`${o}/snap-2`, `${o}/snap-3`, `${friend.account}/snap-4`]);
      assert.deepEqual(await visible(friend.account, false), [`${o}/snap-2`, `${o}/snap-3`]);
      assert.deepEqual(await visible(stranger.account), [`${o}/snap-3`]);
      await store.read(async (tx) => {
        assert.equal((await tx.ec2Snapshots.findVisible("us-east-1", friend.account, "snap-2"))?.owner, o);
        assert.equal(await tx.ec2Snapshots.findVisible("us-east-1", stranger.account, "snap-2"), undefined);
        assert.equal(await tx.ec2Snapshots.findVisible("eu-west-1", friend.account, "snap-2"), undefined);
      });
      await store.transaction(async (tx) => {
        await tx.ec2Snapshots.update(owner, snap("snap-2", []));
        await tx.ec2Snapshots.delete(owner, "snap-3");
      });
      assert.deepEqual(await visible(friend.account, false), []);
    });

    test("names: a claim reserves every name or none, per scope, until released", async () => {
      const [scope, other] = [freshScope(), freshScope()];
      await store.transaction(async (tx) => {
        assert.deepEqual(await tx.names.claim(scope, ["a", "b"], "Instance"), []);
        assert.deepEqual(await tx.names.claim(scope, ["c", "b", "a"], "Disk"), ["b", "a"]);
        assert.deepEqual(await tx.names.claim(other, ["a"], "Instance"), []);
      });
      await store.transaction(async (tx) => {
        assert.deepEqual(await tx.names.claim(scope, ["c"], "Disk"), [], "nothing of the refused claim was reserved");
        await tx.names.release(scope, "a");
        assert.deepEqual(await tx.names.claim(scope, ["a"], "Disk"), []);
      });
    });

    test("two concurrent transactions claiming one name: one wins, the other fails and writes nothing", async () => {
      const scope = freshScope();
      const create = (label: string) =>
        store.transaction(async (tx) => {
          await tx.jobs.enqueue(scope, `contract-${label}`, {}, Number.MAX_SAFE_INTEGER);
          await yieldToOthers();
          if ((await tx.names.claim(scope, ["shared"], "Instance")).length > 0) throw new NameTaken(label);
          await yieldToOthers();
          await tx.instances.insert(scope, { ...(families.instances.make("shared") as object), label } as never);
          return label;
        });
      const results = await Promise.allSettled([create("a"), create("b")]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      assert.equal(won.length, 1, JSON.stringify(results));
      assert.ok(lost[0]!.reason instanceof NameTaken || lost[0]!.reason instanceof DuplicateKeyError, String(lost[0]!.reason));
      const winner = (won[0] as PromiseFulfilledResult<string>).value;
      await store.read(async (tx) => {
        assert.equal(((await tx.instances.get(scope, "shared")) as unknown as { label: string }).label, winner);
        assert.equal(await tx.instances.count(scope), 1);
      });
      await store.transaction(async (tx) => {
        const jobs = (await tx.jobs.claimDue(Number.MAX_SAFE_INTEGER, 1000)).filter((j) => j.account === scope.account);
        assert.deepEqual(jobs.map((j) => j.kind), [`contract-${winner}`], "the loser's job is gone with it");
        for (const j of jobs) await tx.jobs.finish(j.id);
      });
    });

    test("two concurrent transactions inserting one key: one wins, the other fails with DuplicateKeyError", async () => {
      const scope = freshScope();
      const insert = (label: string) =>
        store.transaction(async (tx) => {
          await tx.settings.set(`contract.${scope.account}.${label}`, "written");
          await yieldToOthers();
          await tx.ec2KeyPairs.insert(scope, { ...(families.ec2KeyPairs.make("shared") as object), label } as never);
          return label;
        });
      const results = await Promise.allSettled([insert("a"), insert("b")]);
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      assert.equal(lost.length, 1, JSON.stringify(results));
      assert.ok(lost[0]!.reason instanceof DuplicateKeyError, String(lost[0]!.reason));
      const loser = results[0]!.status === "rejected" ? "a" : "b";
      assert.equal(await store.read((tx) => tx.settings.get(`contract.${scope.account}.${loser}`)), undefined);
      assert.equal(await store.read((tx) => tx.ec2KeyPairs.count(scope)), 1);
    });

    test("a transaction that throws after its writes leaves none of them", async () => {
      const scope = freshScope();
      await store.transaction((tx) => tx.disks.insert(scope, families.disks.make("kept") as never));
      const boom = new Error("after the writes");
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.names.claim(scope, ["web-1"], "Instance");
          await tx.instances.insert(scope, families.instances.make("web-1") as never);
          await tx.disks.update(scope, { ...(families.disks.make("kept") as object), sizeInGb: 99 } as never);
          await tx.ec2Snapshots.insert(scope, { ...(families.ec2Snapshots.make("snap-x") as object), tags: [{ key: "t", value: "v" }], createVolumePermissions: ["all"] } as never);
          await tx.jobs.enqueue(scope, "contract-rolled-back", {}, 0);
          await tx.settings.set(`contract.${scope.account}`, "written");
          await tx.accessKeys.insert({ accessKeyId: `AKIA${scope.account}`, secretAccessKey: "s".repeat(40), account: scope.account, admin: false, createdAt: 0 });
          await yieldToOthers();
          await tx.disks.delete(scope, "kept");
          throw boom;
        }),
        (e) => e === boom,
      );
      await store.read(async (tx) => {
        assert.equal(await tx.instances.get(scope, "web-1"), undefined);
        assert.equal((await tx.disks.get(scope, "kept") as { sizeInGb: number } | undefined)?.sizeInGb, 8);
        assert.equal(await tx.ec2Snapshots.count(scope), 0);
        assert.deepEqual(await collect(tx.ec2Snapshots.scan(scope, { narrow: { tag: "t", values: ["v"] } })), []);
        assert.equal(await tx.ec2Snapshots.findVisible("us-east-1", freshScope().account, "snap-x"), undefined);
        assert.equal(await tx.settings.get(`contract.${scope.account}`), undefined);
        assert.equal(await tx.accessKeys.get(`AKIA${scope.account}`), undefined);
      });
      await store.transaction(async (tx) => {
        assert.deepEqual(await tx.names.claim(scope, ["web-1"], "Instance"), [], "the name was not kept");
        assert.ok(!(await tx.jobs.claimDue(Number.MAX_SAFE_INTEGER, 1000)).some((j) => j.kind === "contract-rolled-back"));
        await tx.names.release(scope, "web-1");
      });
      // The store goes on working after a rollback.
      await store.transaction((tx) => tx.instances.insert(scope, families.instances.make("web-1") as never));
    });

    test("jobs: claimed when due, in order of due time, with attempts; finished, retried and requeued", async () => {
      await store.reset();
      const scope = freshScope();
      const [late, early, later] = await store.transaction(async (tx) => [
        await tx.jobs.enqueue(scope, "late", { n: 1 }, 200),
        await tx.jobs.enqueue(scope, "early", { n: 2 }, 100),
        await tx.jobs.enqueue(scope, "scheduled", {}, 10_000, { recurring: true }),
      ]);
      await store.read(async (tx) => {
        assert.equal(await tx.jobs.nextRunAt(), 100);
        assert.equal(await tx.jobs.pending(150), 2, "a recurring job not yet due is not pending work");
        assert.equal(await tx.jobs.pending(), 3);
      });
      const first = await store.transaction((tx) => tx.jobs.claimDue(150, 10));
      assert.deepEqual(first, [{ id: early, account: scope.account, region: scope.region, kind: "early", payload: { n: 2 }, runAt: 100, attempts: 1 }]);
      const second = await store.transaction((tx) => tx.jobs.claimDue(1000, 10));
      assert.deepEqual(second.map((j) => j.id), [late], "a claimed job is not claimed again");
      await store.transaction(async (tx) => {
        assert.equal(await tx.jobs.pending(1000), 2, "claimed jobs are pending");
        await tx.jobs.finish(early);
        await tx.jobs.retry(late, 500);
      });
      assert.deepEqual(await store.transaction((tx) => tx.jobs.claimDue(499, 10)), []);
      const retried = await store.transaction((tx) => tx.jobs.claimDue(500, 10));
      assert.deepEqual(retried.map((j) => [j.id, j.attempts]), [[late, 2]]);
      assert.equal(await store.transaction((tx) => tx.jobs.requeueClaimed()), 1);
      assert.deepEqual((await store.transaction((tx) => tx.jobs.claimDue(20_000, 10))).map((j) => j.id), [late, later]);
      await store.transaction(async (tx) => {
        await tx.jobs.finish(late);
        await tx.jobs.finish(later);
        assert.equal(await tx.jobs.pending(), 0);
        assert.equal(await tx.jobs.nextRunAt(), undefined);
      });
    });

    test("jobs: concurrent claimers never get the same job", async () => {
      await store.reset();
      const scope = freshScope();
      const ids = await store.transaction(async (tx) => {
        const out: number[] = [];
        for (let i = 0; i < 40; i++) out.push(await tx.jobs.enqueue(scope, "contract-many", { i }, i));
        return out;
      });
      const claimer = async () => {
        const got: number[] = [];
        // Bounded: an engine that hands a job out again would otherwise claim for ever.
        for (let round = 0; round < ids.length; round++) {
          const jobs = await store.transaction(async (tx) => {
            const claimed = await tx.jobs.claimDue(1000, 3);
            await yieldToOthers();
            return claimed;
          });
          if (jobs.length === 0) return got;
          got.push(...jobs.map((j) => j.id));
        }
        return got;
      };
      const claimed = (await Promise.all([claimer(), claimer(), claimer(), claimer()])).flat();
      assert.equal(new Set(claimed).size, claimed.length, "no job twice");
      assert.deepEqual([...claimed].sort((a, b) => a - b), ids);
      await store.transaction(async (tx) => {
        for (const id of ids) await tx.jobs.finish(id);
      });
    });

    test("settings and access keys: server-wide, kept by reset, which removes the rest", async () => {
      const scope = freshScope();
      const key = { accessKeyId: `AKIARESET${scope.account}`, secretAccessKey: "k".repeat(40), account: scope.account, admin: true, createdAt: 5 };
      await store.transaction(async (tx) => {
        await tx.settings.set("contract.setting", "one");
        await tx.settings.set("contract.setting", "two");
        await tx.accessKeys.insert(key);
        await tx.accessKeys.insert({ ...key, accessKeyId: `AKIAGONE${scope.account}` });
        await tx.names.claim(scope, ["web-1"], "Instance");
        await tx.instances.insert(scope, families.instances.make("web-1") as never);
        await tx.jobs.enqueue(scope, "contract-reset", {}, 0);
      });
      await store.read(async (tx) => {
        assert.equal(await tx.settings.get("contract.setting"), "two");
        assert.equal(await tx.settings.get("contract.unset"), undefined);
        assert.deepEqual(await tx.accessKeys.get(key.accessKeyId), key);
      });
      await assert.rejects(store.transaction((tx) => tx.accessKeys.insert(key)));
      assert.equal(await store.transaction((tx) => tx.accessKeys.delete(`AKIAGONE${scope.account}`)), true);
      assert.equal(await store.transaction((tx) => tx.accessKeys.delete(`AKIAGONE${scope.account}`)), false);
      await store.reset();
      await store.read(async (tx) => {
        assert.deepEqual((await tx.accessKeys.list()).filter((k) => k.account === scope.account), [key]);
        assert.equal(await tx.settings.get("contract.setting"), undefined);
        assert.equal(await tx.instances.count(scope), 0);
        assert.equal(await tx.jobs.pending(), 0);
      });
      assert.deepEqual(await store.transaction((tx) => tx.names.claim(scope, ["web-1"], "Instance")), []);
      assert.deepEqual(await store.appliedMigrations(), [...migrationIds], "reset keeps the schema");
    });

    test(
      "closed and opened again, it keeps its data, positions and schema version",
      async () => {
        const scope = freshScope();
        await store.transaction(async (tx) => {
          await tx.names.claim(scope, ["web-1"], "Instance");
          await tx.instances.insert(scope, families.instances.make("web-1") as never);
          await tx.ec2Snapshots.insert(scope, { ...(families.ec2Snapshots.make("snap-r") as object), tags: [{ key: "k", value: "v" }], createVolumePermissions: ["all"] } as never);
          await tx.settings.set("contract.restart", "kept");
          await tx.jobs.enqueue(scope, "contract-restart", {}, 0);
        });
        await store.transaction((tx) => tx.jobs.claimDue(0, 1000));
        const before = await store.read((tx) => collect(tx.instances.scan(scope)));
        await store.close();
        store = await fx!.open();
        assert.deepEqual(await store.appliedMigrations(), [...migrationIds]);
        await store.read(async (tx) => {
          assert.deepEqual(await collect(tx.instances.scan(scope)), before);
          assert.equal(await tx.settings.get("contract.restart"), "kept");
          assert.deepEqual((await collect(tx.ec2Snapshots.scan(scope, { narrow: { tag: "k", values: ["v"] } }))).map((p) => p.record.snapshotId), ["snap-r"]);
          assert.equal((await tx.ec2Snapshots.findVisible("us-east-1", freshScope().account, "snap-r"))?.owner, scope.account);
        });
        await store.transaction(async (tx) => {
          assert.deepEqual(await tx.names.claim(scope, ["web-1"], "Instance"), ["web-1"]);
          assert.equal(await tx.jobs.requeueClaimed(), 1, "the job claimed before the restart");
          await tx.instances.insert(scope, families.instances.make("web-2") as never);
        });
        const after = await store.read((tx) => collect(tx.instances.scan(scope)));
        assert.deepEqual(after.map((p) => p.record.name), ["web-1", "web-2"]);
        assert.ok(after[1]!.seq > after[0]!.seq, "positions go on increasing after a restart");
      },
      () => (fx?.persistent ? undefined : `the ${name} store keeps nothing once closed`),
    );
  });
}
