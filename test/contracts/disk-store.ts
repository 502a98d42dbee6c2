import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, mkdir, open, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { DiskStoreError, GiB, type DiskStore } from "../../src/storage/disk-store.js";
import { contractTests } from "./suite.js";


/** Where a store under test lives, and how to open it (again) there. */
export interface DiskStoreFixture {
  dir: string;
  open(dir: string): Promise<DiskStore>;
  cleanup(): Promise<void>;
}

async function writeAt(store: DiskStore, id: string, offset: number, data: Buffer) {
  const f = await open(store.path(id), "r+");
  try {
    await f.write(data, 0, data.length, offset);
    await f.sync();
  } finally {
    await f.close();
  }
}

async function readAt(store: DiskStore, id: string, offset: number, length: number): Promise<Buffer> {
  const f = await open(store.path(id), "r");
  try {
    const buf = Buffer.alloc(length);
    await f.read(buf, 0, length, offset);
    return buf;
  } finally {
    await f.close();
  }
}

const pattern = (seed: string, length: number) => {
  const out = Buffer.alloc(length);
  let block = createHash("sha256").update(seed).digest();
  for (let i = 0; i < length; i += block.length) {
    block.copy(out, i);
    block = createHash("sha256").update(block).digest();
  }
  return out;
};

const MiB = 1024 * 1024;
/** Regions written into test disks: the start, a spot past 1 GiB, the very end. */
const regions = [
  { offset: 0, data: pattern("start", MiB) },
  { offset: GiB + 4096 * 3, data: pattern("middle", 64 * 1024) },
  { offset: 2 * GiB - 8192, data: pattern("end", 8192) },
];

async function fill(store: DiskStore, id: string) {
  for (const r of regions) await writeAt(store, id, r.offset, r.data);
}

async function assertFilled(store: DiskStore, id: string) {
  for (const r of regions) assert.deepEqual(await readAt(store, id, r.offset, r.data.length), r.data, `${id} at ${r.offset}`);
}

/** The behaviour every DiskStore implementation shares (STYLE 12). */
export function diskStoreContract(name: string, fixture: () => Promise<DiskStoreFixture | string>) {
  let fx: DiskStoreFixture | undefined;
  let store: DiskStore;

  describe(`DiskStore contract: ${name}`, () => {
    const test = contractTests(
      fixture,
      async (got) => {
        fx = got;
        store = await got.open(got.dir);
      },
      async () => {
        await store?.close();
        await fx?.cleanup();
      },
    );

    test("names itself and its capabilities", async () => {
      const info = store.info();
      assert.equal(info.name, name);
      assert.equal(typeof info.cowCopies, "boolean");
      assert.equal(info.sparse, true);
      assert.ok(info.location.startsWith("/"), info.location);
    });

    test("creates a sparse zero-filled disk of the asked size", async () => {
      await store.create("fresh", 2);
      const s = await store.stat("fresh");
      assert.equal(s?.sizeBytes, 2 * GiB);
      assert.ok(s!.allocatedBytes < MiB, `allocated ${s!.allocatedBytes}`);
      assert.deepEqual(await readAt(store, "fresh", GiB, 4096), Buffer.alloc(4096));
    });

    test("refuses an existing id, a bad id and a bad size", async () => {
      await store.create("taken", 1);
      await assert.rejects(store.create("taken", 1), (e: Error) => e instanceof DiskStoreError && /already exists/.test(e.message));
      await assert.rejects(store.create("../escape", 1), (e: Error) => e instanceof DiskStoreError && /not a valid disk id/.test(e.message));
      await assert.rejects(store.create("zero", 0), (e: Error) => e instanceof DiskStoreError && /from 1 to 65536, not 0/.test(e.message));
      assert.equal(await store.stat("zero"), undefined);
    });

    test("copies a disk byte for byte, independent of its source and keeping holes", async () => {
      await store.create("src", 2);
      await fill(store, "src");
      await store.copy("src", "dst");
      await assertFilled(store, "dst");
      await writeAt(store, "src", 0, Buffer.from("changed after the copy"));
      await assertFilled(store, "dst");
      const [s, d] = [await store.stat("src"), await store.stat("dst")];
      assert.equal(d?.sizeBytes, 2 * GiB);
      assert.ok(d!.allocatedBytes <= s!.allocatedBytes + MiB, `copy allocates ${d!.allocatedBytes}, source ${s!.allocatedBytes}`);
    });

    test("grows a copy to a larger size and keeps the bytes", async () => {
      await store.create("small", 2);
      await fill(store, "small");
      await store.copy("small", "bigger", { sizeGiB: 5 });
      assert.equal((await store.stat("bigger"))?.sizeBytes, 5 * GiB);
      await assertFilled(store, "bigger");
      await assert.rejects(store.copy("nope", "x"), (e: Error) => e instanceof DiskStoreError && /'nope' does not exist/.test(e.message));
      await assert.rejects(store.copy("small", "bigger"), (e: Error) => e instanceof DiskStoreError && /'bigger' already exists/.test(e.message));
    });

    test("snapshots several disks at once", async () => {
      await store.create("a", 2);
      await store.create("b", 2);
      await fill(store, "a");
      await writeAt(store, "b", 5 * MiB, Buffer.from("disk b"));
      await store.snapshotMany([
        { source: "a", target: "snap1.a" },
        { source: "b", target: "snap1.b" },
      ]);
      await assertFilled(store, "snap1.a");
      assert.equal((await readAt(store, "snap1.b", 5 * MiB, 6)).toString(), "disk b");
    });

    test("leaves no copy behind when one copy of a snapshot fails", async () => {
      await store.create("ok1", 1);
      await store.create("ok2", 1);
      await mkdir(store.path("broken"));
      await assert.rejects(
        store.snapshotMany([
          { source: "ok1", target: "snap2.ok1" },
          { source: "ok2", target: "snap2.ok2" },
          { source: "broken", target: "snap2.broken" },
        ]),
      );
      for (const id of ["snap2.ok1", "snap2.ok2", "snap2.broken"]) assert.equal(await store.stat(id), undefined, id);
      const leftovers = (await readdir(store.info().location)).filter((n) => n.startsWith("snap2"));
      assert.deepEqual(leftovers, []);
      await assert.rejects(
        store.snapshotMany([{ source: "ok1", target: "snap3" }, { source: "missing", target: "snap3.m" }]),
        (e: Error) => e instanceof DiskStoreError && /'missing' does not exist/.test(e.message),
      );
      assert.equal(await store.stat("snap3"), undefined);
    });

    test(
      "plans clones another process makes, then links them to their ids or removes them",
      async () => {
        await store.create("p.src", 2);
        await fill(store, "p.src");
        const plan = await store.planClones!([{ source: "p.src", target: "p.dst" }]);
        assert.equal(plan.files[0]?.source, store.path("p.src"));
        assert.equal(await store.stat("p.dst"), undefined, "no id before finish");
        for (const f of plan.files) await copyFile(f.source, f.target, constants.COPYFILE_FICLONE_FORCE);
        await plan.finish();
        await assertFilled(store, "p.dst");
        await assert.rejects(store.planClones!([{ source: "p.src", target: "p.dst" }]), (e: Error) => e instanceof DiskStoreError && /'p.dst' already exists/.test(e.message));
        const dropped = await store.planClones!([{ source: "p.src", target: "p.dropped" }]);
        for (const f of dropped.files) await copyFile(f.source, f.target, constants.COPYFILE_FICLONE_FORCE);
        await dropped.abandon();
        assert.equal(await store.stat("p.dropped"), undefined);
        assert.ok(!(await readdir(store.info().location)).some((n) => n.endsWith(".partial")));
      },
      () => (store.planClones ? undefined : `the ${name} store makes its copies itself (no FICLONE to hand out)`),
    );

    test("grows a disk and refuses to shrink it", async () => {
      await store.create("g", 1);
      await store.grow("g", 3);
      assert.equal((await store.stat("g"))?.sizeBytes, 3 * GiB);
      await assert.rejects(store.grow("g", 2), (e: Error) => e instanceof DiskStoreError && /cannot shrink to 2 GiB/.test(e.message));
    });

    test("deletes disks, ignores unknown ones, and lists what is left after a reopen", async () => {
      await store.create("keep", 1);
      await store.create("drop", 1);
      await store.delete("drop");
      await store.delete("never-existed");
      await writeFile(`${store.path("torn")}.partial`, "half a copy from a crash");
      await store.close();
      store = await fx!.open(fx!.dir);
      const ids = await store.list();
      assert.ok(ids.includes("keep"));
      assert.ok(!ids.includes("drop"));
      assert.ok(!ids.includes("torn"));
      assert.deepEqual(ids, [...ids].sort());
      assert.ok(!(await readdir(store.info().location)).some((n) => n.endsWith(".partial")));
    });
  });
}

export const storeDir = (root: string) => join(root, "disks");
