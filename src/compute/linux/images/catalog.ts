import { randomBytes } from "node:crypto";
import { run, runScript } from "../../../host/exec.js";
import { GiB, type DiskStore } from "../../../storage/disk-store.js";

const PREFIX = "image.";
const SIZED = /^image\.(.+)@(\d+)g$/;

/**
 * Blueprint images ("golden images") kept in the disk store as `image.<blueprintId>`, so that an
 * instance's system disk is a copy-on-write copy of one. Copies grown to a bundle's disk size
 * are cached as `image.<blueprintId>@<GiB>g` (growing ext4 costs ~0.2 s once, not per instance).
 */
export interface ImageCatalog {
  /** Blueprint ids that have a local image. */
  list(): Promise<string[]>;
  has(blueprintId: string): Promise<boolean>;
  /** Stores a built image file as the image of these blueprints, replacing older ones. */
  install(file: string, blueprintIds: string[]): Promise<void>;
  /** The store id of the blueprint's image grown to `sizeGiB` (made once, then reused). */
  sized(blueprintId: string, sizeGiB: number): Promise<string>;
}

export class MissingImageError extends Error {
  override name = "MissingImageError";
  constructor(readonly blueprintId: string) {
    super(
      `blueprint ${blueprintId} has no local image; build one with 'skiff image build debian_12' (full Debian 12) or ` +
        `'skiff image build minimal --blueprint ${blueprintId}' (busybox + dropbear, seconds)`,
    );
  }
}

export const imageId = (blueprintId: string) => `${PREFIX}${blueprintId}`;
/** Store ids that belong to the catalog (images, their sized copies, builds under way). */
export const isImageId = (id: string) => id.startsWith(PREFIX);

/** Grows the ext4 file system of an image file to fill the file. */
export async function growExt4(path: string, { replayJournal = false } = {}): Promise<void> {
  // e2fsck exits 1 when it replayed a journal: that is success here
  if (replayJournal) await runScript('e2fsck -y -E journal_only "$1" > /dev/null || [ $? -le 2 ]', [path], { name: "replay-journal" });
  await run("resize2fs", ["-f", path]);
}

export async function openImageCatalog(store: DiskStore): Promise<ImageCatalog> {
  // a cache entry made before a crash may not have been grown yet: start afresh
  for (const id of await store.list()) if (SIZED.test(id)) await store.delete(id);
  const making = new Map<string, Promise<string>>();

  const list = async () =>
    (await store.list()).filter((id) => id.startsWith(PREFIX) && !SIZED.test(id) && !id.startsWith(`${PREFIX}build-`)).map((id) => id.slice(PREFIX.length));

  async function makeSized(blueprintId: string, sizeGiB: number): Promise<string> {
    const source = imageId(blueprintId);
    const stat = await store.stat(source);
    if (!stat) throw new MissingImageError(blueprintId);
    if (stat.sizeBytes >= sizeGiB * GiB) return source;
    const id = `${source}@${sizeGiB}g`;
    if (await store.stat(id)) return id;
    await store.copy(source, id, { sizeGiB });
    try {
      await growExt4(store.path(id));
    } catch (e) {
      await store.delete(id);
      throw e;
    }
    return id;
  }

  return {
    list,
    async has(blueprintId) {
      return (await store.stat(imageId(blueprintId))) !== undefined;
    },
    async install(file, blueprintIds) {
      const staging = `${PREFIX}build-${randomBytes(4).toString("hex")}`;
      await run("cp", ["--sparse=always", "--reflink=auto", file, store.path(staging)]);
      try {
        for (const blueprintId of blueprintIds) {
          for (const id of await store.list()) {
            const m = SIZED.exec(id);
            if (m && m[1] === blueprintId) await store.delete(id);
          }
          await store.delete(imageId(blueprintId));
          await store.copy(staging, imageId(blueprintId));
        }
      } finally {
        await store.delete(staging);
      }
    },
    sized(blueprintId, sizeGiB) {
      const key = `${blueprintId}@${sizeGiB}`;
      let p = making.get(key);
      if (!p) {
        p = makeSized(blueprintId, sizeGiB).finally(() => making.delete(key));
        making.set(key, p);
      }
      return p;
    },
  };
}
