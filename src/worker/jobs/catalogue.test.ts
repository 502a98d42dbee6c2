import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { jobCatalogue } from "./catalogue.js";

/** The TypeScript sources (this test runs from dist/src/worker/jobs). */
const SRC = fileURLToPath(new URL("../../../../src", import.meta.url));

async function sources(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) found.push(...(await sources(path)));
    else if (e.name.endsWith(".ts") && !e.name.endsWith(".test.ts")) found.push(path);
  }
  return found;
}

describe("job catalogue", () => {
  it("is the only way jobs are queued: no untyped tx.jobs.enqueue outside kinds.ts and the store", async () => {
    const offenders: string[] = [];
    for (const file of await sources(SRC)) {
      const path = relative(SRC, file);
      if (path === join("worker", "jobs", "kinds.ts") || path.startsWith("state") || path === join("services", "context.ts")) continue;
      if ((await readFile(file, "utf8")).includes("tx.jobs.enqueue(")) offenders.push(path);
    }
    assert.deepEqual(offenders, []);
  });

  it("names every kind <service>.<resource>.<action>", () => {
    for (const kind of Object.keys(jobCatalogue)) assert.match(kind, /^(lightsail|ec2)\.[a-z-]+\.[a-z-]+$/);
  });
});
