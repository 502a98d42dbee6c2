import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";

const MAIN = fileURLToPath(new URL("../../src/main.js", import.meta.url));

/** Starts `skiff` as a user would; resolves with its endpoint once it listens, or its exit code and stderr. */
function skiff(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [MAIN, "--port", "0", "--in-memory", "--quiet", ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const started = new Promise<{ endpoint?: string; line?: string; code?: number; stderr: string }>((resolve) => {
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/[^\s;]+)/.exec(out);
      if (m) resolve({ endpoint: m[1], line: out, stderr });
    });
    child.once("exit", (code) => resolve({ code: code ?? -1, stderr }));
  });
  return { child, started };
}

describe("authentication from the command line and the environment", () => {
  it("creates the SKIFF_ACCESS_KEY_ID key at start and accepts requests signed with it", async () => {
    const { child, started } = skiff(["--auth", "sigv4"], {
      SKIFF_ACCESS_KEY_ID: "AKIAFROMTHEENVIRON01",
      SKIFF_SECRET_ACCESS_KEY: "from-the-environment-secret-0001",
      SKIFF_ACCOUNT_ID: "210987654321",
    });
    try {
      const { endpoint, line } = await started;
      assert.ok(endpoint, "skiff did not start");
      assert.match(line!, /auth sigv4/);
      const sts = new STSClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "AKIAFROMTHEENVIRON01", secretAccessKey: "from-the-environment-secret-0001" }, maxAttempts: 1 });
      assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Account, "210987654321");
      sts.destroy();
    } finally {
      child.kill();
    }
  });

  it("refuses an incomplete SKIFF_ACCESS_KEY_ID triple with a usage error", async () => {
    const { started } = skiff(["--auth", "sigv4"], { SKIFF_ACCESS_KEY_ID: "AKIAFROMTHEENVIRON01" });
    const { code, stderr } = await started;
    assert.equal(code, 2);
    assert.match(stderr, /SKIFF_ACCESS_KEY_ID, SKIFF_SECRET_ACCESS_KEY and SKIFF_ACCOUNT_ID go together/);
  });

  it("refuses to listen on all addresses without --auth, saying why and what to give", async () => {
    const { started } = skiff(["--host", "0.0.0.0"]);
    const { code, stderr } = await started;
    assert.equal(code, 1);
    assert.match(stderr, /refusing to start without authentication: 0\.0\.0\.0 is not a loopback address/);
  });

  it("refuses an --auth mode it does not know", async () => {
    const { started } = skiff(["--auth", "basic"]);
    const { code, stderr } = await started;
    assert.equal(code, 2);
    assert.match(stderr, /--auth must be off or sigv4, not 'basic'/);
  });
});
