import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { jobCatalogue } from "./catalogue.js";
import { runSpec, upgradeRunJob } from "./ec2-instance-jobs.js";

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

  it("reads a RunInstances row that held the driver's InstanceSpec (an older Skiff's) as the spec it was", () => {
    const spec = {
      id: "i-0123456789abcdef0", hostname: "ip-10-0-0-5", image: "ubuntu_22_04", cpuCount: 2, memoryMiB: 1024, systemDiskGiB: 8, userData: "#!/bin/sh",
      username: "ubuntu", publicKey: "ssh-ed25519 AAAA", systemDiskId: "vol-1", disks: [{ diskId: "vol-2", devicePath: "/dev/sdf" }],
      ports: [{ protocol: "tcp" as const, fromPort: 22, toPort: 22, cidrs: ["0.0.0.0/0"] }],
    };
    const bootDisks = [{ diskId: "vol-2", sizeGiB: 4 }];
    const upgraded = upgradeRunJob({ instanceId: spec.id, spec, bootDisks });
    assert.deepEqual(runSpec(upgraded), spec);
    assert.deepEqual(upgraded.bootDisks, bootDisks);
  });
});
