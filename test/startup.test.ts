import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { CreateKeyPairCommand, GetKeyPairsCommand, LightsailClient } from "@aws-sdk/client-lightsail";
import { startSkiff } from "../src/skiff.js";

const exec = promisify(execFile);
const isRoot = process.getuid?.() === 0;

describe("start-up refusals say what is wrong", () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "skiff-startup-"));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("names a data directory under a file, and why it cannot be used", async () => {
    await writeFile(join(dir, "plain-file"), "");
    const dataDir = join(dir, "plain-file", "state");
    await assert.rejects(startSkiff({ inMemory: false, dataDir }), (e: Error) => {
      assert.match(e.message, new RegExp(`cannot keep state in the data directory ${dataDir}: a part of the path is a file`));
      assert.match(e.message, /ENOTDIR/);
      return true;
    });
  });

  it("names a read-only data directory", { skip: isRoot ? false : "mounting a read-only file system needs root" }, async () => {
    const mount = join(dir, "ro");
    await exec("mkdir", ["-p", mount]);
    await exec("mount", ["-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", mount]);
    try {
      await assert.rejects(startSkiff({ inMemory: false, dataDir: mount }), /cannot keep state in the data directory .*\/ro: it is on a read-only file system \(EROFS/);
    } finally {
      await exec("umount", [mount]);
    }
  });

  it("with a full disk goes on answering reads and fails writes with the internal-error envelope", { skip: isRoot ? false : "mounting a small file system needs root" }, async () => {
    const mount = join(dir, "small");
    await exec("mkdir", ["-p", mount]);
    await exec("mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", mount]);
    const skiff = await startSkiff({ inMemory: false, dataDir: mount });
    const lightsail = new LightsailClient({ endpoint: skiff.endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
    try {
      await lightsail.send(new CreateKeyPairCommand({ keyPairName: "before" }));
      await exec("dd", ["if=/dev/zero", `of=${join(mount, "filler")}`, "bs=64k"]).catch(() => undefined);
      const failed = await lightsail.send(new CreateKeyPairCommand({ keyPairName: "after" })).then(() => undefined, (e: Error) => e);
      assert.equal(failed?.name, "InternalFailure");
      const { keyPairs } = await lightsail.send(new GetKeyPairsCommand({}));
      assert.deepEqual(keyPairs?.map((k) => k.name), ["before"]);
    } finally {
      lightsail.destroy();
      await skiff.close().catch(() => undefined);
      await exec("umount", [mount]);
    }
  });

  it("creates the state files readable by their owner only (they hold access keys' secrets)", async () => {
    const dataDir = join(dir, "private");
    const skiff = await startSkiff({ inMemory: false, dataDir });
    try {
      for (const file of ["skiff.db", "skiff.db-wal"]) {
        assert.equal((await stat(join(dataDir, file))).mode & 0o777, 0o600, file);
      }
      assert.equal((await stat(dataDir)).mode & 0o777, 0o700);
    } finally {
      await skiff.close();
    }
  });

  it("refuses to listen beyond loopback without a decision on authentication", async () => {
    await assert.rejects(startSkiff({ host: "0.0.0.0" }), /refusing to start without authentication: 0\.0\.0\.0 is not a loopback address.*--auth sigv4.*--auth off/);
  });

  it("refuses the linux driver without a decision on authentication, before touching the host", async () => {
    await assert.rejects(startSkiff({ driver: "linux" }), /refusing to start without authentication: the linux driver runs real instances/);
  });

  it("listens beyond loopback when --auth off is explicit", async () => {
    const skiff = await startSkiff({ host: "0.0.0.0", auth: "off" });
    assert.equal(skiff.auth, "off");
    await skiff.close();
  });

  it("stays without authentication by default for the sim driver on loopback", async () => {
    const skiff = await startSkiff({ host: "127.0.0.1" });
    assert.equal(skiff.auth, "off");
    await skiff.close();
  });
});
