// Skiff as a library, as a user gets it: `npm pack` of this tree, `npm install <tarball>` into a
// scratch project (better-sqlite3 compiles there: about two minutes), then `startSkiff` from plain
// JavaScript and from strict TypeScript, and the `skiff` bin through npx. The tarball is packed
// from the build `npm test` has just made (--ignore-scripts: `prepare` would rebuild dist/ under
// the other tests' feet).
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const TSC = join(ROOT, "node_modules", ".bin", "tsc");
const npmVersion = spawnSync("npm", ["--version"], { encoding: "utf8" });
const noNpm = npmVersion.status === 0 ? false : `npm is not on PATH (${npmVersion.error?.message ?? npmVersion.stderr})`;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** npm and node as a user's shell would run them: without the npm_package_ and npm_lifecycle_ variables of the `npm test` around us. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_(package_|lifecycle_)|^npm_config_(local_prefix|prefix|global)$|^INIT_CWD$/i.test(k)) continue;
    env[k] = v;
  }
  // As .ci/run: no prebuilt better-sqlite3 can be fetched; compile it against node's own headers.
  env.npm_config_build_from_source = "true";
  const nodePrefix = dirname(dirname(process.execPath));
  if (!env.npm_config_nodedir && existsSync(join(nodePrefix, "include", "node", "node.h"))) env.npm_config_nodedir = nodePrefix;
  return env;
}

function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: userEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stdout, stderr }));
  });
}

async function ok(command: string, args: string[], cwd: string): Promise<string> {
  const r = await run(command, args, cwd);
  assert.equal(r.status, 0, `${command} ${args.join(" ")} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/**
 * The versions this repository's lockfile holds for Skiff's runtime dependencies, as overrides:
 * the scratch install gets the tree CI tests, not whatever the registry has published since.
 * (A name locked at more than one version is left to npm.)
 */
function lockedVersions(): Record<string, string> {
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string; dev?: boolean }> };
  const versions = new Map<string, Set<string>>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === "" || entry.dev || !entry.version) continue;
    const name = path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
    versions.set(name, (versions.get(name) ?? new Set()).add(entry.version));
  }
  return Object.fromEntries([...versions].filter(([, v]) => v.size === 1).map(([name, v]) => [name, [...v][0]!]));
}

const USE_JS = `import { startSkiff } from "skiff";
import { CreateInstancesCommand, GetInstancesCommand, LightsailClient } from "@aws-sdk/client-lightsail";

const skiff = await startSkiff({ inMemory: true, port: 0 });
try {
  const client = new LightsailClient({ endpoint: skiff.endpoint, region: "eu-west-2", credentials: { accessKeyId: "123456789012", secretAccessKey: "packaged" } });
  await client.send(new CreateInstancesCommand({ instanceNames: ["from-the-tarball"], availabilityZone: "eu-west-2a", blueprintId: "amazon_linux_2023", bundleId: "nano_3_0" }));
  const { instances } = await client.send(new GetInstancesCommand({}));
  console.log(JSON.stringify({ endpoint: skiff.endpoint, instances: instances.map((i) => ({ name: i.name, arn: i.arn, blueprintId: i.blueprintId, bundleId: i.bundleId, zone: i.location?.availabilityZone })) }));
} finally {
  await skiff.close();
}
`;

const GOOD_TS = `import { startSkiff, type Skiff, type SkiffOptions } from "skiff";

const options: Partial<SkiffOptions> = { inMemory: true, port: 0, pageSize: 10 };
const skiff: Skiff = await startSkiff(options);
const port: number = skiff.port;
const at: number = skiff.clock.now();
await skiff.idle();
await skiff.close();
console.log(JSON.stringify({ endpoint: skiff.endpoint, port, at }));
`;

const BAD_TS = `import { startSkiff } from "skiff";

const skiff = await startSkiff({ port: "4566" });
const endpoint: number = skiff.endpoint;
console.log(endpoint);
`;

const tsconfig = (file: string) =>
  JSON.stringify({
    compilerOptions: { strict: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", types: ["node"], skipLibCheck: false, outDir: "out" },
    files: [file],
  });

describe("the npm package", { skip: noNpm, timeout: 15 * 60_000 }, () => {
  let scratch: string;
  let project: string;
  let packed: string[];

  before(async () => {
    scratch = mkdtempSync(join(tmpdir(), "skiff-pack-"));
    project = join(scratch, "project");
    mkdirSync(project);
    const [pack] = JSON.parse(await ok("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", scratch], ROOT)) as { filename: string; files: { path: string }[] }[];
    packed = pack!.files.map((f) => f.path);
    const types = (JSON.parse(readFileSync(join(ROOT, "node_modules", "@types", "node", "package.json"), "utf8")) as { version: string }).version;
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "uses-skiff", version: "1.0.0", private: true, type: "module", overrides: lockedVersions() }, null, 2));
    await ok("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", join(scratch, pack!.filename), `@types/node@${types}`], project);
  });
  after(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it("holds the built server, the library and its declarations, and no tests or benchmarks", () => {
    for (const file of ["dist/skiff.mjs", "dist/skiff-core.cjs", "dist/src/index.js", "dist/src/index.d.ts", "dist/src/skiff.d.ts", "package.json", "README.md"]) {
      assert.ok(packed.includes(file), `${file} is not in the tarball`);
    }
    assert.deepEqual(packed.filter((f) => /^dist\/(test|bench)\/|\.test\.|\.map$|^src\//.test(f)), []);
  });

  it("starts from plain JavaScript and answers GetInstances", async () => {
    writeFileSync(join(project, "use.mjs"), USE_JS);
    const out = JSON.parse(await ok(process.execPath, ["use.mjs"], project)) as { endpoint: string; instances: unknown[] };
    assert.match(out.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.deepEqual(out.instances, [
      { name: "from-the-tarball", arn: (out.instances[0] as { arn: string }).arn, blueprintId: "amazon_linux_2023", bundleId: "nano_3_0", zone: "eu-west-2a" },
    ]);
    assert.match((out.instances[0] as { arn: string }).arn, /^arn:aws:lightsail:eu-west-2:123456789012:Instance\/[0-9a-f-]{36}$/);
  });

  it("type-checks under strict TypeScript (module nodenext), and the compiled file runs", async () => {
    writeFileSync(join(project, "good.ts"), GOOD_TS);
    writeFileSync(join(project, "tsconfig.json"), tsconfig("good.ts"));
    await ok(TSC, ["-p", "tsconfig.json"], project);
    const out = JSON.parse(await ok(process.execPath, ["out/good.js"], project)) as { endpoint: string; port: number; at: number };
    assert.equal(out.endpoint, `http://127.0.0.1:${out.port}`);
    assert.ok(Math.abs(out.at - Date.now()) < 60_000, `clock.now() ${out.at} is not about now`);
  });

  it("refuses wrong usage at compile time", async () => {
    writeFileSync(join(project, "bad.ts"), BAD_TS);
    writeFileSync(join(project, "tsconfig.bad.json"), tsconfig("bad.ts"));
    const r = await run(TSC, ["-p", "tsconfig.bad.json", "--noEmit"], project);
    assert.notEqual(r.status, 0, "tsc accepted a wrong use of startSkiff");
    assert.match(r.stdout, /bad\.ts\(3,\d+\): error TS2322/);
    assert.match(r.stdout, /bad\.ts\(4,\d+\): error TS2322/);
  });

  it("runs the skiff bin through npx", async () => {
    assert.match(await ok("npx", ["--no-install", "skiff", "--help"], project), /^Usage: skiff \[options\]/);
    const child = spawn("npx", ["--no-install", "skiff", "--in-memory", "--port", "0", "--quiet"], { cwd: project, env: userEnv(), stdio: ["ignore", "pipe", "pipe"], detached: true });
    let err = "";
    child.stderr.setEncoding("utf8").on("data", (c: string) => (err += c));
    try {
      const endpoint = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.setEncoding("utf8").on("data", (c: string) => {
          out += c;
          const m = /listening on (http:\/\/\S+?) /.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once("exit", (code) => reject(new Error(`npx skiff exited (${code}) before it listened: ${out}\n${err}`)));
      });
      const health = await fetch(`${endpoint}/_skiff/health`);
      assert.equal(health.status, 200);
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, "SIGTERM");
    }
  });
});
