import { parseArgs } from "node:util";
import { publicView } from "./core/access-keys.js";
import { createClock } from "./core/clock.js";
import { createKeyAdmin, KeyError } from "./server/auth/key-admin.js";
import { openStore, storeSpecOf, StoreSpecError } from "./state/index.js";

export const KEYS_USAGE = `Usage: skiff keys <command> [--data-dir dir | --store engine:location]
  create --account <12 digits> [--admin]   prints {"accessKeyId","secretAccessKey","account"} as JSON;
                                           admin keys may also call /_skiff/ (reset, clock, keys)
  list                                     every key, without secrets
  delete <access key id>
Keys live in the server's state store (SKIFF_STORE, or SKIFF_DATA_DIR, default ./.skiff). While Skiff runs
it holds that store: manage keys then through /_skiff/keys with an admin key (see README).`;

/** `skiff keys …`: access keys for --auth sigv4, written to the state store of a stopped Skiff. */
export async function keysCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { "data-dir": { type: "string" }, store: { type: "string" }, account: { type: "string" }, admin: { type: "boolean" }, help: { type: "boolean" } },
    });
  } catch (e) {
    process.stderr.write(`skiff keys: ${(e as Error).message}\n${KEYS_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, id] = positionals;
  if (values.help || !command || !["create", "list", "delete"].includes(command) || (command === "delete" && !id)) {
    process.stdout.write(`${KEYS_USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const dataDir = values["data-dir"] ?? (env.SKIFF_DATA_DIR || "./.skiff");
  let spec;
  try {
    spec = storeSpecOf({ store: values.store ?? (env.SKIFF_STORE || undefined), inMemory: false, dataDir });
  } catch (e) {
    if (!(e instanceof StoreSpecError)) throw e;
    process.stderr.write(`skiff keys: ${e.message}\n`);
    return 2;
  }
  const store = openStore(spec);
  try {
    const keys = createKeyAdmin(store, createClock());
    if (command === "create") {
      const key = await keys.create(values.account ?? "", values.admin ?? false);
      process.stdout.write(`${JSON.stringify({ accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey, account: key.account, admin: key.admin })}\n`);
    } else if (command === "list") {
      for (const key of await keys.list()) process.stdout.write(`${JSON.stringify(publicView(key))}\n`);
    } else if (!(await keys.delete(id!))) {
      process.stderr.write(`skiff keys: no access key ${id}\n`);
      return 1;
    }
    return 0;
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    process.stderr.write(`skiff keys: ${e.message}\n`);
    return 2;
  } finally {
    await store.close();
  }
}
