import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { promisify } from "node:util";
import { useTestSkiff } from "../helpers/skiff.js";

const run = promisify(execFile);
const PYTHON = "/usr/bin/python3";
// The script stays in the source tree; this file runs from dist/test/clients.
const SCRIPT = fileURLToPath(new URL("../../../test/clients/ec2_flow.py", import.meta.url));

describe("boto3 (Debian python3-boto3) against EC2", () => {
  const t = useTestSkiff({}, { reset: false });

  it("has boto3 installed: this test fails rather than skips without it", async () => {
    const { stdout } = await run(PYTHON, ["-c", "import boto3; print(boto3.__version__)"]);
    assert.match(stdout, /^\d+\.\d+/);
  });

  it("runs an instance, snapshots all its volumes at once, waits, describes, restores and deletes", async () => {
    const { stdout } = await run(PYTHON, [SCRIPT, t.skiff.endpoint], { timeout: 60_000 });
    const seen = JSON.parse(stdout) as {
      instance: string;
      dry_run: [string, number];
      created: { state: string; size: number; start: string }[];
      described: { id: string; state: string; progress: string; tags: string[] }[];
      snapshot_ids: string[];
      restored: { size: number; snapshot: string; from: string };
      after_delete: string;
    };
    assert.match(seen.instance, /^i-[0-9a-f]{17}$/);
    assert.deepEqual(seen.dry_run, ["DryRunOperation", 412]);
    assert.deepEqual(seen.created.map((s) => [s.state, s.size]), [["pending", 8], ["pending", 10]]);
    assert.equal(new Set(seen.created.map((s) => s.start)).size, 1);
    assert.deepEqual(seen.described.map((s) => s.id), seen.snapshot_ids);
    for (const s of seen.described) {
      assert.deepEqual([s.state, s.progress], ["completed", "100%"]);
      assert.deepEqual(s.tags, ["app", "set"]);
    }
    assert.deepEqual([seen.restored.size, seen.restored.snapshot], [10, seen.restored.from]);
    assert.equal(seen.after_delete, "InvalidSnapshot.NotFound");
  });
});
