import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { CreateInstancesCommand, GetInstanceCommand, GetInstancesCommand, LightsailClient } from "@aws-sdk/client-lightsail";
import { CreateSnapshotsCommand, DescribeSnapshotsCommand, EC2Client } from "@aws-sdk/client-ec2";
import type { Logger } from "../../src/core/log.js";
import { MAX_ID_CHARS, MAX_IDS } from "../../src/server/resource-ids.js";
import { startSkiff, type Skiff } from "../../src/skiff.js";
import { version } from "../../src/version.js";

type Line = { level: string; event: string } & Record<string, unknown>;

/** A logger that keeps every line, as a running Skiff writes them. */
function capturingLogger(): Logger & { lines: Line[] } {
  const lines: Line[] = [];
  return {
    lines,
    info: (event, fields) => void lines.push({ level: "info", event, ...fields }),
    error: (event, fields) => void lines.push({ level: "error", event, ...fields }),
  };
}

type Failed = Error & { $metadata: { requestId?: string; httpStatusCode?: number } };

const ACCOUNT = "123456789012";
const credentials = { accessKeyId: ACCOUNT, secretAccessKey: "test" };

describe("request log lines name the account, region, resources and request id", () => {
  let skiff: Skiff;
  const logger = capturingLogger();
  let lightsail: LightsailClient;
  let ec2: EC2Client;
  before(async () => {
    skiff = await startSkiff({ port: 0 }, { logger });
    lightsail = new LightsailClient({ endpoint: skiff.endpoint, region: "eu-west-2", credentials, maxAttempts: 1 });
    ec2 = new EC2Client({ endpoint: skiff.endpoint, region: "ap-south-1", credentials, maxAttempts: 1 });
  });
  after(async () => {
    lightsail.destroy();
    ec2.destroy();
    await skiff.close();
  });
  const requestLine = (requestId: string | undefined) => {
    assert.ok(requestId, "the answer has a request id");
    const line = logger.lines.find((l) => l.event === "request" && l.requestId === requestId);
    assert.ok(line, `a request line for ${requestId}`);
    return line;
  };

  it("logs a Lightsail call with its scope and the instance names it is about", async () => {
    const out = await lightsail.send(new CreateInstancesCommand({ instanceNames: ["web-1", "web-2"], availabilityZone: "eu-west-2a", blueprintId: "debian_12", bundleId: "nano_3_0" }));
    const line = requestLine(out.$metadata.requestId);
    assert.equal(line.operation, "Lightsail_20161128.CreateInstances");
    assert.equal(line.account, ACCOUNT);
    assert.equal(line.region, "eu-west-2");
    assert.deepEqual(line.resources, ["web-1", "web-2"]);
    assert.equal(line.status, 200);
  });

  it("logs a failed call with the same fields and its error status", async () => {
    const e = (await lightsail.send(new GetInstanceCommand({ instanceName: "nowhere" })).catch((err) => err)) as Failed;
    const line = requestLine(e.$metadata.requestId);
    assert.deepEqual([line.account, line.region, line.resources, line.status], [ACCOUNT, "eu-west-2", ["nowhere"], e.$metadata.httpStatusCode]);
    assert.equal(e.name, "NotFoundException");
  });

  it("leaves resources out of a call about none", async () => {
    const out = await lightsail.send(new GetInstancesCommand({}));
    assert.equal(requestLine(out.$metadata.requestId).resources, undefined);
  });

  it("logs an EC2 call with its ids, nested ones included", async () => {
    const described = await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [], OwnerIds: ["self"] }));
    assert.equal(requestLine(described.$metadata.requestId).region, "ap-south-1");
    const e = (await ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: "i-0123456789abcdef0" } })).catch((err) => err)) as Failed;
    const line = requestLine(e.$metadata.requestId);
    assert.equal(line.operation, "CreateSnapshots");
    assert.deepEqual(line.resources, ["i-0123456789abcdef0"]);
  });

  it("bounds the resources of one line in number and length", async () => {
    const names = Array.from({ length: 40 }, (_, i) => `${"n".repeat(200)}-${i}`);
    const e = (await lightsail.send(new CreateInstancesCommand({ instanceNames: names, availabilityZone: "eu-west-2a", blueprintId: "debian_12", bundleId: "nano_3_0" })).catch((err) => err)) as Failed;
    const line = requestLine(e.$metadata.requestId);
    const resources = line.resources as string[];
    assert.equal(resources.length, MAX_IDS);
    for (const id of resources) assert.ok(id.length <= MAX_ID_CHARS + 1, `${id.length} characters`);
  });
});

describe("start and shutdown lines", () => {
  it("says what started (version, driver, store, auth) and why it stopped", async () => {
    const logger = capturingLogger();
    const skiff = await startSkiff({ port: 0 }, { logger });
    await skiff.close("the test is done");
    const start = logger.lines.find((l) => l.event === "listening");
    assert.ok(start);
    assert.equal(start.endpoint, skiff.endpoint);
    assert.equal(start.version, version);
    assert.equal(start.driver, "sim");
    assert.equal(start.auth, "off");
    assert.deepEqual(start.store, { engine: skiff.store.engine, location: skiff.store.location });
    const stop = logger.lines.find((l) => l.event === "shutdown");
    assert.deepEqual([stop?.endpoint, stop?.reason], [skiff.endpoint, "the test is done"]);
  });

  it("skiff logs its shutdown on SIGTERM and keeps its ready line", async () => {
    const main = fileURLToPath(new URL("../../src/main.js", import.meta.url));
    const child = spawn(process.execPath, [main, "--port", "0", "--in-memory"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const endpoint = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString();
        const m = /listening on (http:\/\/[^\s;]+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once("exit", (code) => reject(new Error(`skiff exited (${code}) before listening: ${stderr}`)));
    });
    const exited = new Promise<string>((resolve) => child.once("exit", (code, signal) => resolve(`${code ?? signal}`)));
    child.kill("SIGTERM");
    assert.equal(await exited, "0", stderr);
    const lines = stderr.trim().split("\n").map((l) => JSON.parse(l) as Line);
    assert.equal(lines.find((l) => l.event === "listening")?.endpoint, endpoint);
    assert.equal(lines.find((l) => l.event === "shutdown")?.reason, "signal SIGTERM");
  });
});
