import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { blueprints } from "../../../catalog/blueprints.js";
import { isStorageKind, openDiskStore } from "../../../storage/index.js";
import { buildDebianImage } from "./build-debian.js";
import { buildMinimalImage } from "./build-minimal.js";
import { openImageCatalog } from "./catalog.js";

export const IMAGE_USAGE = `Usage: skiff image <command> [options]
  build minimal [--blueprint id,id…]   busybox + dropbear from the host's Debian packages; seconds.
                                       Default: every Linux OS blueprint without an image gets it.
  build debian_12 [--mirror url] [--size-gib n]
                                       full Debian 12 with OpenSSH by debootstrap; minutes, needs
                                       the Debian mirror (default: the host's apt mirror)
  list                                 blueprints with a local image
Options shared with the server (use the same ones): --data-dir, --storage, --xfs-pool-gib`;

const linuxOsBlueprints = () => blueprints.filter((b) => b.platform === "LINUX_UNIX" && b.type === "os").map((b) => b.blueprintId);

/** `skiff image …`: builds blueprint images into the linux driver's disk store. */
export async function imageCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "data-dir": { type: "string" },
      storage: { type: "string" },
      "xfs-pool-gib": { type: "string" },
      blueprint: { type: "string" },
      mirror: { type: "string" },
      "size-gib": { type: "string" },
      help: { type: "boolean" },
    },
  });
  const [command, name] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${IMAGE_USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const kind = values.storage ?? env.SKIFF_STORAGE ?? "auto";
  if (!isStorageKind(kind)) {
    process.stderr.write(`skiff image: --storage must be auto, reflink or copy, not '${kind}'\n`);
    return 2;
  }
  const store = await openDiskStore({
    dataDir: values["data-dir"] ?? env.SKIFF_DATA_DIR ?? "./.skiff",
    kind,
    xfsPoolGiB: Number(values["xfs-pool-gib"] ?? env.SKIFF_XFS_POOL_GIB ?? 0),
  });
  try {
    const catalog = await openImageCatalog(store);
    if (command === "list") {
      for (const id of await catalog.list()) process.stdout.write(`${id}\n`);
      return 0;
    }
    if (command !== "build" || (name !== "minimal" && name !== "debian_12")) {
      process.stderr.write(`skiff image: unknown command '${[command, name].filter(Boolean).join(" ")}'\n${IMAGE_USAGE}\n`);
      return 2;
    }
    const work = await mkdtemp(join(tmpdir(), "skiff-image-"));
    try {
      const file = join(work, `${name}.img`);
      let targets: string[];
      if (name === "minimal") {
        await buildMinimalImage(file);
        const have = new Set(await catalog.list());
        targets = values.blueprint ? values.blueprint.split(",") : linuxOsBlueprints().filter((b) => !have.has(b));
      } else {
        await buildDebianImage(file, { mirror: values.mirror, sizeGiB: values["size-gib"] ? Number(values["size-gib"]) : undefined });
        targets = values.blueprint ? values.blueprint.split(",") : ["debian_12"];
      }
      await catalog.install(file, targets);
      process.stdout.write(`built ${name} for ${targets.join(", ") || "no blueprint (all have images)"} in ${store.info().location}\n`);
      return 0;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  } finally {
    await store.close();
  }
}
