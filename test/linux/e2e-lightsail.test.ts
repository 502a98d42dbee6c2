import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  AttachDiskCommand,
  CloseInstancePublicPortsCommand,
  CreateDiskCommand,
  CreateInstancesCommand,
  CreateInstanceSnapshotCommand,
  CreateInstancesFromSnapshotCommand,
  CreateKeyPairCommand,
  GetDiskCommand,
  GetInstanceAccessDetailsCommand,
  GetInstanceCommand,
  GetInstanceSnapshotCommand,
  GetOperationCommand,
  type Instance,
} from "@aws-sdk/client-lightsail";
import { RunInstancesCommand } from "@aws-sdk/client-ec2";
import { imagesOf } from "../../src/services/ec2/images/catalog.js";
import { eventually, linuxSkipReason, tcpConnect } from "../helpers/linux.js";
import { rejectsWith } from "../helpers/skiff.js";
import { startLinuxSkiff, type LinuxSkiff } from "../helpers/linux-skiff.js";

const skip = await linuxSkipReason();

/**
 * First boot, as root: random bytes on the system disk at once; then, once the disk is attached
 * (AttachDisk comes after the instance runs), format it, mount it at /data and put a copy there.
 * A snapshot is crash-consistent (what a power cut would leave), so what it must hold is synced.
 */
const WRITE_FILES = `#!/bin/sh
head -c 2000000 /dev/urandom > /srv/blob
sha256sum /srv/blob | cut -d' ' -f1 > /srv/blob.sum
while [ ! -b /dev/xvdf ]; do sleep 0.1; done
mke2fs -F /dev/xvdf > /dev/null
mkdir -p /data
mount /dev/xvdf /data
cp /srv/blob /data/blob
echo "written on $(hostname)" > /data/origin
touch /srv/done
sync
`;

/** First boot of a restored instance: its mapped disk is there from the start; mount it where it was. */
const MOUNT_DATA = `#!/bin/sh
mkdir -p /data
mount /dev/xvdf /data
touch /srv/mounted
sync
`;

describe("the Lightsail API on the linux driver, end to end", { skip }, () => {
  let t: LinuxSkiff;
  let key: string;
  before(async () => {
    t = await startLinuxSkiff(["debian_12"]);
  });
  after(() => t?.cleanup());

  const instance = async (name: string) => (await t.lightsail.send(new GetInstanceCommand({ instanceName: name }))).instance!;
  const running = (name: string) => eventually(`${name} running`, async () => ((await instance(name)).state?.name === "running" ? instance(name) : undefined), 30_000);
  const succeeded = (id: string) =>
    eventually(`operation ${id}`, async () => {
      const { operation } = await t.lightsail.send(new GetOperationCommand({ operationId: id }));
      if (operation?.status === "Failed") throw new Error(`operation ${operation.operationType} failed: ${operation.errorDetails}`);
      return operation?.status === "Succeeded" ? true : undefined;
    }, 30_000);
  const sshTo = (i: Instance, command: string) => t.ssh(key, i.publicIpAddress!, i.username!, command);

  it("refuses blueprints and AMIs that have no local image, saying how to build one", async () => {
    await rejectsWith(
      t.lightsail.send(new CreateInstancesCommand({ instanceNames: ["nope"], availabilityZone: "us-east-1a", blueprintId: "ubuntu_24_04", bundleId: "nano_3_0" })),
      "InvalidInputException",
      /The blueprint ubuntu_24_04 has no local image on this Skiff; build one with 'skiff image build minimal --blueprint ubuntu_24_04'/,
    );
    const ubuntu = imagesOf("us-east-1").find((i) => i.baseImage === "ubuntu_24_04")!;
    await rejectsWith(
      t.ec2.send(new RunInstancesCommand({ ImageId: ubuntu.imageId, MinCount: 1, MaxCount: 1 })),
      "InvalidParameterValue",
      new RegExp(`The image '${ubuntu.imageId}' cannot be launched on this Skiff: it has no local image of ubuntu_24_04`),
    );
  });

  it("creates an instance whose user data writes to its system disk and an attached disk, snapshots it, restores it with its disk, and closes SSH", async () => {
    const pair = await t.lightsail.send(new CreateKeyPairCommand({ keyPairName: "e2e" }));
    key = await t.keyFile("e2e", pair.privateKeyBase64!);

    const created = await t.lightsail.send(new CreateDiskCommand({ diskName: "src-data", sizeInGb: 8, availabilityZone: "us-east-1a" }));
    const started = performance.now();
    await t.lightsail.send(
      new CreateInstancesCommand({
        instanceNames: ["src"], availabilityZone: "us-east-1a", blueprintId: "debian_12", bundleId: "nano_3_0", keyPairName: "e2e", userData: WRITE_FILES,
      }),
    );
    await succeeded(created.operations![0]!.id!);
    const src = await running("src");
    const toRunning = performance.now() - started;
    await eventually("SSH answering", () => sshTo(src, "true").then(() => true), 10_000);
    process.stdout.write(`# CreateInstances → running ${toRunning.toFixed(0)} ms, → SSH answering ${(performance.now() - started).toFixed(0)} ms (polled every 100 ms)\n`);
    assert.match(src.publicIpAddress!, /^127\.28\.\d+\.\d+$/, "the public address is the real one, on loopback");
    assert.match(src.privateIpAddress!, /^172\.28\.\d+\.\d+$/);
    const access = (await t.lightsail.send(new GetInstanceAccessDetailsCommand({ instanceName: "src" }))).accessDetails!;
    assert.deepEqual([access.ipAddress, access.username], [src.publicIpAddress, "admin"]);

    const attach = await t.lightsail.send(new AttachDiskCommand({ diskName: "src-data", instanceName: "src", diskPath: "/dev/xvdf" }));
    await succeeded(attach.operations![0]!.id!);
    assert.equal((await t.lightsail.send(new GetDiskCommand({ diskName: "src-data" }))).disk?.attachmentState, "attached");
    await eventually("the user data to finish", async () => ((await sshTo(src, "ls /srv/done 2>/dev/null || true")).trim() === "/srv/done" ? true : undefined), 20_000);
    const original = await sshTo(src, "cat /srv/blob.sum; sha256sum /srv/blob /data/blob | cut -d' ' -f1; cat /data/origin");
    const [sum, onSystem, onDisk, origin] = original.trim().split("\n");
    assert.match(sum!, /^[0-9a-f]{64}$/);
    assert.deepEqual([onSystem, onDisk, origin], [sum, sum, "written on src"]);

    const snap = await t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "src", instanceSnapshotName: "src-snap" }));
    await succeeded(snap.operations![0]!.id!);
    const snapshot = (await t.lightsail.send(new GetInstanceSnapshotCommand({ instanceSnapshotName: "src-snap" }))).instanceSnapshot!;
    assert.equal(snapshot.state, "available");
    assert.deepEqual(snapshot.fromAttachedDisks?.map((d) => d.path), ["/dev/xvdf"]);
    await sshTo(src, "echo written after the snapshot > ~/later");

    await t.lightsail.send(
      new CreateInstancesFromSnapshotCommand({
        instanceNames: ["copy"], instanceSnapshotName: "src-snap", availabilityZone: "us-east-1a", bundleId: "micro_3_0", keyPairName: "e2e",
        userData: MOUNT_DATA, attachedDiskMapping: { copy: [{ originalDiskPath: "/dev/xvdf", newDiskName: "copy-data" }] },
      }),
    );
    const copy = await running("copy");
    assert.notEqual(copy.publicIpAddress, src.publicIpAddress);
    assert.deepEqual(
      [(await t.lightsail.send(new GetDiskCommand({ diskName: "copy-data" }))).disk].map((d) => [d?.state, d?.attachedTo, d?.path]),
      [["in-use", "copy", "/dev/xvdf"]],
    );
    await eventually("the restored disk mounted", async () => ((await sshTo(copy, "ls /srv/mounted 2>/dev/null || true")).trim() ? true : undefined), 20_000);
    const restored = await sshTo(copy, "cat /srv/blob.sum; sha256sum /srv/blob /data/blob | cut -d' ' -f1; cat /data/origin; ls /srv; hostname; ls ~/later 2>&1 || true");
    assert.deepEqual(restored.trim().split("\n").slice(0, -1), [sum, sum, sum, "written on src", "blob", "blob.sum", "done", "mounted", "copy"]);
    assert.match(restored.trim().split("\n").at(-1)!, /No such file/, "what was written after the snapshot is not in it");

    await t.lightsail.send(new CloseInstancePublicPortsCommand({ instanceName: "copy", portInfo: { fromPort: 22, toPort: 22, protocol: "tcp" } }));
    await eventually("port 22 refused", async () => ((await tcpConnect(copy.publicIpAddress!, 22)) === "ECONNREFUSED" ? true : undefined), 10_000);
    await assert.rejects(sshTo(copy, "true"), /Connection refused/);
    assert.equal(await tcpConnect(src.publicIpAddress!, 22), "connected", "the other instance keeps its port open");
  });
});
