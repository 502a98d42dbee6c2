import assert from "node:assert/strict";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { before, describe, it } from "node:test";
import { CreateSnapshotCommand, CreateVolumeCommand, DescribeSnapshotsCommand } from "@aws-sdk/client-ec2";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";

describe("hostile EC2 filters", () => {
  const t = useTestSkiff({}, { reset: false });
  let snapshotId: string;
  before(async () => {
    const { VolumeId } = await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", Size: 1 }));
    await t.skiff.idle();
    ({ SnapshotId: snapshotId } = (await t.ec2.send(new CreateSnapshotCommand({ VolumeId, Description: "a".repeat(255) }))) as { SnapshotId: string });
    await t.skiff.idle();
  });

  // Filters became regular expressions: `*a*a…*c` against 255 a's backtracked for minutes, and
  // `??…?b` for seconds, holding the event loop of every client.
  for (const value of [`${"*a".repeat(60)}*c`, `${"?".repeat(60)}b`]) {
    it(`answers a ${value.slice(0, 6)}… filter at once, holding the event loop under 50 ms`, async () => {
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const { Snapshots } = await t.ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"], Filters: [{ Name: "description", Values: [value] }] }));
      delay.disable();
      assert.deepEqual(Snapshots, []);
      assert.ok(delay.max / 1e6 < 50, `event loop held ${(delay.max / 1e6).toFixed(1)} ms`);
    });
  }

  it("still matches wildcards as EC2 does", async () => {
    const { Snapshots } = await t.ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"], Filters: [{ Name: "description", Values: [`${"*a".repeat(60)}*`] }] }));
    assert.deepEqual(Snapshots?.map((s) => s.SnapshotId), [snapshotId]);
  });

  it("refuses filter values longer than 256 characters", async () => {
    await rejectsWith(t.ec2.send(new DescribeSnapshotsCommand({ Filters: [{ Name: "description", Values: ["x", "*".repeat(257)] }] })), "InvalidParameterValue", /Filter\.1\.Value\.2 is longer than 256 characters/);
  });

  for (const name of ["__proto__", "toString", "constructor"]) {
    it(`answers the filter name ${name} as an unknown filter`, async () => {
      await rejectsWith(t.ec2.send(new DescribeSnapshotsCommand({ Filters: [{ Name: name, Values: ["x"] }] })), "InvalidParameterValue", new RegExp(`The filter '${name}' is invalid`));
    });
  }
});
