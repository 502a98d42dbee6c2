import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { startSkiff, type Skiff } from "../../src/skiff.js";

/** Debian's AWS CLI and boto3 by absolute path, and Skiff's own command line, with real keys. */
const AWS = "/usr/bin/aws";
const PYTHON = "/usr/bin/python3";
const MAIN = fileURLToPath(new URL("../../src/main.js", import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const base = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/tmp", LANG: "C.UTF-8", AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null", AWS_EC2_METADATA_DISABLED: "true", AWS_PAGER: "", AWS_DEFAULT_REGION: "eu-west-2" };
  return new Promise((resolve) => {
    execFile(file, args, { env: { ...base, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const shown = (r: Run) => `exit ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;
const keysCli = (dataDir: string, ...args: string[]) => run(process.execPath, [MAIN, "keys", ...args, "--data-dir", dataDir]);

interface CreatedKey {
  accessKeyId: string;
  secretAccessKey: string;
  account: string;
}

const BOTO3 = `
import sys, json, boto3, botocore
endpoint, key, secret = sys.argv[1:4]
session = boto3.session.Session(aws_access_key_id=key, aws_secret_access_key=secret, region_name="eu-west-2")
out = {}
for name, call in [("sts", lambda c: c.get_caller_identity()["Account"]), ("lightsail", lambda c: len(c.get_instances()["instances"])), ("ec2", lambda c: len(c.describe_key_pairs()["KeyPairs"]))]:
    client = session.client(name, endpoint_url=endpoint, config=botocore.config.Config(retries={"max_attempts": 1}))
    try:
        out[name] = call(client)
    except botocore.exceptions.ClientError as e:
        out[name] = "error " + e.response["Error"]["Code"]
print(json.dumps(out))
`;

describe("--auth sigv4 with keys from 'skiff keys', through the AWS CLI and boto3", () => {
  let dataDir: string;
  let skiff: Skiff;
  let key: CreatedKey;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "skiff-keys-"));
    const created = await keysCli(dataDir, "create", "--account", "444455556666");
    assert.equal(created.code, 0, shown(created));
    key = JSON.parse(created.stdout);
    skiff = await startSkiff({ inMemory: false, dataDir, auth: "sigv4" });
  });
  after(async () => {
    await skiff?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const aws = (k: { accessKeyId: string; secretAccessKey: string }, ...args: string[]) =>
    run(AWS, ["--endpoint-url", skiff.endpoint, "--output", "json", ...args], { AWS_ACCESS_KEY_ID: k.accessKeyId, AWS_SECRET_ACCESS_KEY: k.secretAccessKey });

  it("prints a new key as JSON: an AKIA id, a 40-character secret and its account", () => {
    assert.match(key.accessKeyId, /^AKIA[A-Z2-7]{16}$/);
    assert.equal(key.secretAccessKey.length, 40);
    assert.equal(key.account, "444455556666");
  });

  it("refuses a key for an account that is not 12 digits", async () => {
    const r = await keysCli(dataDir + "-other", "create", "--account", "12345");
    assert.equal(r.code, 2, shown(r));
    assert.match(r.stderr, /the account must be 12 digits, not '12345'/);
    await rm(dataDir + "-other", { recursive: true, force: true });
  });

  it("says so when the Skiff that holds the data directory is running", async () => {
    const r = await keysCli(dataDir, "list");
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /in use by another process/);
  });

  it("accepts the AWS CLI signing with the key, in the key's account", async () => {
    const identity = await aws(key, "sts", "get-caller-identity");
    assert.equal(identity.code, 0, shown(identity));
    assert.equal(JSON.parse(identity.stdout).Account, "444455556666");
    const instances = await aws(key, "lightsail", "get-instances");
    assert.equal(instances.code, 0, shown(instances));
    assert.deepEqual(JSON.parse(instances.stdout).instances, []);
    const pairs = await aws(key, "ec2", "describe-key-pairs");
    assert.equal(pairs.code, 0, shown(pairs));
  });

  it("shows the AWS CLI each service's error for a wrong secret and an unknown key", async () => {
    const wrong = { ...key, secretAccessKey: "x".repeat(40) };
    const lightsail = await aws(wrong, "lightsail", "get-instances");
    assert.equal(lightsail.code, 254);
    assert.match(lightsail.stderr, /\(InvalidSignatureException\) when calling the GetInstances operation/);
    const ec2 = await aws(wrong, "ec2", "describe-key-pairs");
    assert.match(ec2.stderr, /\(SignatureDoesNotMatch\) when calling the DescribeKeyPairs operation/);
    const unknown = await aws({ accessKeyId: "AKIAUNKNOWNUNKNOWN00", secretAccessKey: "x" }, "ec2", "describe-key-pairs");
    assert.match(unknown.stderr, /\(AuthFailure\) when calling the DescribeKeyPairs operation/);
    const sts = await aws({ accessKeyId: "AKIAUNKNOWNUNKNOWN00", secretAccessKey: "x" }, "sts", "get-caller-identity");
    assert.match(sts.stderr, /\(InvalidClientTokenId\) when calling the GetCallerIdentity operation/);
  });

  it("accepts boto3 with the key and refuses it with a wrong secret", async () => {
    const right = await run(PYTHON, ["-c", BOTO3, skiff.endpoint, key.accessKeyId, key.secretAccessKey]);
    assert.equal(right.code, 0, shown(right));
    assert.deepEqual(JSON.parse(right.stdout), { sts: "444455556666", lightsail: 0, ec2: 0 });
    const wrong = await run(PYTHON, ["-c", BOTO3, skiff.endpoint, key.accessKeyId, "y".repeat(40)]);
    assert.equal(wrong.code, 0, shown(wrong));
    assert.deepEqual(JSON.parse(wrong.stdout), { sts: "error SignatureDoesNotMatch", lightsail: "error InvalidSignatureException", ec2: "error SignatureDoesNotMatch" });
  });

  it("lists keys without secrets and deletes them once Skiff has stopped", async () => {
    await skiff.close();
    const listed = await keysCli(dataDir, "list");
    assert.equal(listed.code, 0, shown(listed));
    const keys = listed.stdout.trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(keys.map((k) => [k.accessKeyId, k.account, k.admin]), [[key.accessKeyId, "444455556666", false]]);
    assert.ok(!listed.stdout.includes(key.secretAccessKey));
    const deleted = await keysCli(dataDir, "delete", key.accessKeyId);
    assert.equal(deleted.code, 0, shown(deleted));
    skiff = await startSkiff({ inMemory: false, dataDir, auth: "sigv4" });
    const refused = await aws(key, "sts", "get-caller-identity");
    assert.match(refused.stderr, /\(InvalidClientTokenId\)/);
  });
});
