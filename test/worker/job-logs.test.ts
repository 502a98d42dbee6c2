import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { CreateSnapshotCommand, CreateVolumeCommand, DeleteSnapshotCommand } from "@aws-sdk/client-ec2";
import { CreateInstancesCommand, StopInstanceCommand } from "@aws-sdk/client-lightsail";
import { startTestSkiff, type TestSkiff } from "../helpers/skiff.js";

type Line = Record<string, unknown> & { event: string };

/** Skiff's JSON log lines on stderr while it runs, kept for the test to read instead of printed. */
function captureLogs() {
  const lines: Line[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const text = String(chunk);
    if (!text.startsWith("{\"time\"")) return write(chunk, ...rest);
    for (const line of text.split("\n")) if (line) lines.push(JSON.parse(line) as Line);
    return true;
  }) as typeof process.stderr.write;
  return { lines, restore: () => void (process.stderr.write = write) };
}

const jobLines = (lines: Line[], kind: string) => lines.filter((l) => l.event.startsWith("job") && l.kind === kind);

describe("job log lines", () => {
  let t: TestSkiff;
  let logs: ReturnType<typeof captureLogs>;
  before(async () => {
    logs = captureLogs();
    t = await startTestSkiff({ log: true });
  });
  after(async () => {
    await t.close();
    logs.restore();
  });
  beforeEach(async () => {
    await t.reset();
    logs.lines.length = 0;
  });

  it("carry the id of the request that queued the job, with its account, region and resource", async () => {
    const created = await t.lightsail.send(new CreateInstancesCommand({
      instanceNames: ["logged"], availabilityZone: "us-east-1a", blueprintId: "ubuntu_22_04", bundleId: "nano_3_0",
    }));
    await t.skiff.idle();
    const stopped = await t.lightsail.send(new StopInstanceCommand({ instanceName: "logged" }));
    await t.skiff.idle();

    for (const [kind, requestId] of [["lightsail.instance.create", created.$metadata.requestId], ["lightsail.instance.stop", stopped.$metadata.requestId]] as const) {
      assert.ok(requestId);
      const lines = jobLines(logs.lines, kind);
      assert.deepEqual(lines.map((l) => l.event), ["job.start", "job"], `${kind}: ${JSON.stringify(logs.lines)}`);
      for (const l of lines) {
        assert.deepEqual([l.requestId, l.account, l.region, l.resource], [requestId, "000000000000", "us-east-1", "logged"]);
      }
    }
  });

  it("names EC2 DeleteSnapshot's job as an EC2 job, with the DeleteSnapshot request's id", async () => {
    const volume = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", Size: 8 }));
    await t.skiff.idle();
    const snapshot = await t.ec2.send(new CreateSnapshotCommand({ VolumeId: volume.VolumeId }));
    await t.skiff.idle();
    const deleted = await t.ec2.send(new DeleteSnapshotCommand({ SnapshotId: snapshot.SnapshotId }));
    await t.skiff.idle();

    assert.deepEqual(jobLines(logs.lines, "lightsail.snapshot.delete-data"), []);
    const lines = jobLines(logs.lines, "ec2.snapshot.delete-data");
    assert.deepEqual(lines.map((l) => l.event), ["job.start", "job"]);
    assert.ok(deleted.$metadata.requestId);
    for (const l of lines) assert.deepEqual([l.requestId, l.resource], [deleted.$metadata.requestId, snapshot.SnapshotId]);
    const take = jobLines(logs.lines, "ec2.snapshots.take");
    assert.equal(take[0]?.requestId, snapshot.$metadata.requestId);
  });
});
