import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { access, constants } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { useTestSkiff } from "../helpers/skiff.js";

/**
 * Debian's own AWS CLI (awscli) and boto3 (python3-boto3), by absolute path: a pyenv or pip
 * `aws`/`python3` earlier on PATH must not decide what is tested. .ci/run installs both.
 */
const AWS = "/usr/bin/aws";
const PYTHON = "/usr/bin/python3";
const FLOW = fileURLToPath(new URL("../../../test/clients/flow.py", import.meta.url));
const INSTALL = "apt-get install -y --no-install-recommends awscli python3-boto3 (.ci/run does this)";

const REGION = "eu-west-2";
const ACCOUNT = "123456789012";

/** Only what the clients need: no AWS config files, no profile, no endpoint or region from the host. */
const clientEnv = {
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  HOME: process.env.HOME ?? "/tmp",
  LANG: "C.UTF-8",
  AWS_ACCESS_KEY_ID: ACCOUNT,
  AWS_SECRET_ACCESS_KEY: "any-secret",
  AWS_DEFAULT_REGION: REGION,
  AWS_CONFIG_FILE: "/dev/null",
  AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
  AWS_EC2_METADATA_DISABLED: "true",
  AWS_PAGER: "",
  PYTHONDONTWRITEBYTECODE: "1",
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program without blocking the event loop: the Skiff under test answers in this process. */
function run(file: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { env: clientEnv, timeout: 60_000 }, (error, stdout, stderr) => {
      if (!error) return resolve({ code: 0, stdout, stderr });
      if (typeof error.code === "number") return resolve({ code: error.code, stdout, stderr });
      resolve({ code: -1, stdout, stderr: `${stderr}\n(${file} did not run to its end: ${error.message})` });
    });
  });
}

const shown = (r: Run) => `exit ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;

async function requireAwsCli() {
  try {
    await access(AWS, constants.X_OK);
  } catch {
    assert.fail(`${AWS} (Debian's AWS CLI) is missing: ${INSTALL}`);
  }
}

async function requireBoto3() {
  const probe = await run(PYTHON, ["-c", "import boto3"]);
  if (probe.code !== 0) assert.fail(`${PYTHON} cannot import boto3: ${INSTALL}\n${probe.stderr}`);
}

/** One instance through its life: the steps run in order and share it, as a user's session would. */
describe("AWS CLI (Debian's /usr/bin/aws) against Skiff", () => {
  const t = useTestSkiff({}, { reset: false });
  const name = "cli-box";
  const aws = async (...args: string[]) => {
    await requireAwsCli();
    return run(AWS, ["--endpoint-url", t.skiff.endpoint, "--output", "json", "lightsail", ...args]);
  };
  const awsJson = async (...args: string[]) => {
    const r = await aws(...args);
    assert.equal(r.code, 0, shown(r));
    return JSON.parse(r.stdout);
  };
  const state = async () => (await awsJson("get-instance", "--instance-name", name)).instance.state;

  it("creates an instance with create-instances, in the region and account of the credentials", async () => {
    const { operations } = await awsJson(
      "create-instances", "--instance-names", name, "--availability-zone", `${REGION}a`,
      "--blueprint-id", "amazon_linux_2023", "--bundle-id", "nano_3_0",
    );
    assert.equal(operations.length, 1);
    assert.equal(operations[0].operationType, "CreateInstance");
    assert.equal(operations[0].resourceName, name);
    assert.equal(operations[0].status, "Started");
    assert.deepEqual(operations[0].location, { availabilityZone: `${REGION}a`, regionName: REGION });
  });

  it("shows it running with get-instance once the worker is done", async () => {
    await t.skiff.idle();
    const { instance } = await awsJson("get-instance", "--instance-name", name);
    assert.equal(instance.name, name);
    assert.match(instance.arn, new RegExp(`^arn:aws:lightsail:${REGION}:${ACCOUNT}:Instance/[0-9a-f-]{36}$`));
    assert.deepEqual(instance.state, { code: 16, name: "running" });
    assert.equal(instance.blueprintId, "amazon_linux_2023");
    assert.equal(instance.bundleId, "nano_3_0");
  });

  it("stops it with stop-instance", async () => {
    const { operations } = await awsJson("stop-instance", "--instance-name", name);
    assert.equal(operations[0].operationType, "StopInstance");
    assert.equal(operations[0].resourceName, name);
    await t.skiff.idle();
    assert.deepEqual(await state(), { code: 80, name: "stopped" });
  });

  it("deletes it with delete-instance, after which get-instance finds nothing", async () => {
    const { operations } = await awsJson("delete-instance", "--instance-name", name);
    assert.equal(operations[0].operationType, "DeleteInstance");
    assert.equal(operations[0].resourceName, name);
    await t.skiff.idle();
    const r = await aws("get-instance", "--instance-name", name);
    assert.equal(r.code, 254, shown(r));
    assert.match(r.stderr, /An error occurred \(NotFoundException\) when calling the GetInstance operation/);
  });

  it("exits 254 and prints NotFoundException for get-instance of a missing name", async () => {
    const r = await aws("get-instance", "--instance-name", "no-such-box");
    assert.equal(r.code, 254, shown(r));
    assert.equal(r.stdout, "");
    assert.equal(
      r.stderr.trim(),
      "An error occurred (NotFoundException) when calling the GetInstance operation: The Instance does not exist: no-such-box",
    );
  });
});

describe("boto3 (Debian's python3-boto3) against Skiff", () => {
  const t = useTestSkiff({}, { reset: false });
  const flow = async (action: string, name: string) => {
    await requireBoto3();
    const r = await run(PYTHON, [FLOW, t.skiff.endpoint, action, name]);
    const steps = r.stdout.trim().split("\n").filter(Boolean).map((line) => JSON.parse(line));
    assert.equal(r.code, 0, `flow.py ${action} failed after steps [${steps.map((s) => s.step).join(", ")}]\n${shown(r)}`);
    return Object.fromEntries(steps.map((s) => [s.step, s]));
  };

  it("raises client.exceptions.NotFoundException with code DoesNotExist for a missing instance", async () => {
    const { missing } = await flow("missing", "no-such-box");
    assert.deepEqual(missing, {
      step: "missing",
      errorCode: "NotFoundException",
      code: "DoesNotExist",
      message: "The Instance does not exist: no-such-box",
    });
  });

  it("runs create_instances, get_instance, stop_instance and delete_instance", async () => {
    const steps = await flow("lifecycle", "boto-box");
    assert.deepEqual(steps.create_instances, { step: "create_instances", operationType: "CreateInstance", status: "Started", resourceName: "boto-box" });
    assert.equal(steps.get_instance.name, "boto-box");
    assert.match(steps.get_instance.arn, new RegExp(`^arn:aws:lightsail:${REGION}:${ACCOUNT}:Instance/`));
    assert.deepEqual(steps.get_instance.state, { code: 16, name: "running" });
    assert.ok(!Number.isNaN(Date.parse(steps.get_instance.createdAt)), `createdAt ${steps.get_instance.createdAt} parses as a time`);
    assert.equal(steps.stop_instance.operationType, "StopInstance");
    assert.deepEqual(steps.stopped.state, { code: 80, name: "stopped" });
    assert.equal(steps.delete_instance.operationType, "DeleteInstance");
    assert.equal(steps.gone.code, "DoesNotExist");
    assert.equal(steps.gone.message, "The Instance does not exist: boto-box");
  });
});
