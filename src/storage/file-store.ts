import { link, mkdir, readdir, rm, stat, truncate, open, unlink } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Reverter } from "../core/reverter.js";
import { checkDiskId, checkSize, DiskStoreError, GiB, type ClonePlan, type CopyPair, type DiskStore, type DiskStoreInfo } from "./disk-store.js";

const SUFFIX = ".img";
const PARTIAL = ".partial";

/** How an implementation copies one image file to a new path that does not exist yet. */
export type CopyFile = (source: string, target: string) => Promise<void>;

/**
 * Everything a file-backed store does, generic over how one file is copied. `reflink` and
 * `copy` are this plus their `CopyFile` and capability flags. Copies land under a `.partial`
 * name and are linked to their id when complete, so an id never names half a copy, even after a crash.
 */
export async function createFileStore(
  dir: string,
  info: Omit<DiskStoreInfo, "location">,
  copyFile: CopyFile,
  options: { copiesAreFiclone?: boolean } = {},
): Promise<DiskStore> {
  const location = resolve(dir);
  await mkdir(location, { recursive: true });
  for (const name of await readdir(location)) {
    if (name.endsWith(PARTIAL)) await rm(join(location, name), { force: true });
  }
  const path = (id: string) => join(location, `${checkDiskId(id)}${SUFFIX}`);

  async function mustExist(id: string) {
    const s = await stat(path(id)).catch(() => undefined);
    if (!s) throw new DiskStoreError(`disk '${id}' does not exist`);
    return s;
  }

  /** Copies each pair to its partial name, then links them all to their ids: all targets or none. */
  async function copyAll(pairs: CopyPair[], sizes: (number | undefined)[] = []) {
    const targets = new Set(pairs.map((p) => p.target));
    if (targets.size < pairs.length) throw new DiskStoreError("a disk is a target twice");
    // no checks first: this runs while instances are frozen, and every step fails on its own
    // (a missing source when it is opened, a taken id when it is linked)
    await Reverter.run(async (revert) => {
      await Promise.all(
        pairs.map(async ({ source, target }, i) => {
          const partial = `${path(target)}${PARTIAL}`;
          revert.add(() => rm(partial, { force: true }));
          await copyFile(path(source), partial).catch(async (e: Error) => {
            if (!(await stat(path(source)).catch(() => undefined))) throw new DiskStoreError(`disk '${source}' does not exist`);
            throw e;
          });
          const size = sizes[i];
          if (size !== undefined && size * GiB > (await stat(partial)).size) await truncate(partial, size * GiB);
        }),
      );
      await linkAll(pairs, revert);
    });
    await Promise.all(pairs.map(({ target }) => unlink(`${path(target)}${PARTIAL}`)));
  }

  /** Gives each partial copy its id. link() refuses an existing name: racing copies cannot clobber. */
  async function linkAll(pairs: CopyPair[], revert: Reverter) {
    await Promise.all(
      pairs.map(async ({ target }) => {
        await link(`${path(target)}${PARTIAL}`, path(target)).catch((e: NodeJS.ErrnoException) => {
          throw e.code === "EEXIST" ? new DiskStoreError(`disk '${target}' already exists`) : e;
        });
        revert.add(() => rm(path(target), { force: true }));
      }),
    );
  }

  async function planClones(pairs: CopyPair[]): Promise<ClonePlan> {
    const targets = new Set(pairs.map((p) => p.target));
    if (targets.size < pairs.length) throw new DiskStoreError("a disk is a target twice");
    for (const { source, target } of pairs) {
      await mustExist(source);
      if (await stat(path(target)).catch(() => undefined)) throw new DiskStoreError(`disk '${target}' already exists`);
    }
    // a clone first writes back the source's dirty pages: do that now, outside the freeze window
    await Promise.all(
      pairs.map(async ({ source }) => {
        const handle = await open(path(source), "r");
        try {
          await handle.datasync();
        } finally {
          await handle.close();
        }
      }),
    );
    const partials = pairs.map(({ target }) => `${path(target)}${PARTIAL}`);
    const abandon = async () => {
      await Promise.all(partials.map((p) => rm(p, { force: true })));
    };
    return {
      files: pairs.map(({ source }, i) => ({ source: path(source), target: partials[i]! })),
      async finish() {
        try {
          await Reverter.run((revert) => linkAll(pairs, revert));
        } finally {
          await abandon();
        }
      },
      abandon,
    };
  }

  return {
    info: () => ({ ...info, location }),
    path,
    async stat(id) {
      const s = await stat(path(id)).catch(() => undefined);
      return s && { sizeBytes: s.size, allocatedBytes: s.blocks * 512 };
    },
    async create(id, sizeGiB) {
      checkSize(sizeGiB);
      const handle = await open(path(id), "wx").catch((e: NodeJS.ErrnoException) => {
        throw e.code === "EEXIST" ? new DiskStoreError(`disk '${id}' already exists`) : e;
      });
      try {
        await handle.truncate(sizeGiB * GiB);
      } finally {
        await handle.close();
      }
    },
    async copy(source, target, options = {}) {
      if (options.sizeGiB !== undefined) checkSize(options.sizeGiB);
      await copyAll([{ source, target }], [options.sizeGiB]);
    },
    async snapshotMany(pairs) {
      if (pairs.length === 0) return;
      await copyAll(pairs);
    },
    ...(options.copiesAreFiclone ? { planClones } : {}),
    async grow(id, sizeGiB) {
      checkSize(sizeGiB);
      const s = await mustExist(id);
      if (sizeGiB * GiB < s.size) throw new DiskStoreError(`disk '${id}' is ${s.size / GiB} GiB; it cannot shrink to ${sizeGiB} GiB`);
      await truncate(path(id), sizeGiB * GiB);
    },
    async delete(id) {
      await rm(path(id), { force: true });
    },
    async list() {
      const names = await readdir(location);
      return names.filter((n) => n.endsWith(SUFFIX)).map((n) => n.slice(0, -SUFFIX.length)).sort();
    },
    async close() {},
  };
}
