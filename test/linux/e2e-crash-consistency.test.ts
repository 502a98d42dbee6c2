import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { constants, createReadStream } from "node:fs";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  CopySnapshotCommand,
  CreateKeyPairCommand,
  CreateSnapshotsCommand,
  CreateVolumeCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  RunInstancesCommand,
  type Instance,
} from "@aws-sdk/client-ec2";
import {
  AttachDiskCommand,
  CreateDiskCommand,
  CreateKeyPairCommand as CreateLightsailKeyPairCommand,
  CreateInstancesCommand,
  CreateInstanceSnapshotCommand,
  CreateInstancesFromSnapshotCommand,
  GetDiskCommand,
  GetInstanceCommand,
  GetInstanceSnapshotCommand,
} from "@aws-sdk/client-lightsail";
import { imagesOf } from "../../src/services/ec2/images/catalog.js";
import { eventually, linuxSkipReason } from "../helpers/linux.js";
import { startLinuxSkiff, type LinuxSkiff } from "../helpers/linux-skiff.js";
import { inconsistency, readPair, WRITE_RECORDS, type Pair } from "../helpers/records.js";

const skip = await linuxSkipReason();
const EC2_REPETITIONS = 20;
const LIGHTSAIL_REPETITIONS = 5;

/** Formats both disks once they are there, mounts them at /a and /b and starts the writer. */
const WRITER = `#!/bin/sh
while [ ! -b /dev/xvdf ] || [ ! -b /dev/xvdg ]; do sleep 0.1; done
mke2fs -F /dev/xvdf > /dev/null
mke2fs -F /dev/xvdg > /dev/null
mkdir -p /a /b
mount /dev/xvdf /a
mount /dev/xvdg /b
setsid sh -c '${WRITE_RECORDS}' > /dev/null 2>&1 < /dev/null &
`;

/** Where the file system and the writer's logs are on a 1 GiB volume: its first block groups. */
const HEAD = 64 * 1024 * 1024;

async function sha256Head(path: string) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { end: HEAD - 1 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

const pause = () => new Promise((r) => setTimeout(r, 20 + Math.random() * 60));

describe("crash-consistent snapshots through the APIs, on the linux driver", { skip }, () => {
  let t: LinuxSkiff;
  let mountDir: string;
  const highest: number[] = [];
  const sets: { a: string; b: string }[] = [];
  let key: string;
  before(async () => {
    t = await startLinuxSkiff(["debian_12"]);
    mountDir = join(t.dataDir, "verify");
    await mkdir(mountDir);
  });
  after(() => t?.cleanup());

  /** Reads a restored pair of disks on the host, from reflink copies beside them (mounting writes; the disks stay as restored). */
  async function check(diskA: string, diskB: string, what: string) {
    const [pathA, pathB] = [await t.diskPath(diskA), await t.diskPath(diskB)];
    const copies = [join(dirname(pathA), "verify-a.copy"), join(dirname(pathB), "verify-b.copy")] as const;
    await copyFile(pathA, copies[0], constants.COPYFILE_FICLONE);
    await copyFile(pathB, copies[1], constants.COPYFILE_FICLONE);
    let pair: Pair;
    try {
      pair = await readPair(copies[0], copies[1], mountDir);
    } finally {
      await Promise.all(copies.map((c) => rm(c, { force: true })));
    }
    assert.equal(inconsistency(pair), undefined, what);
    highest.push(Math.max(...pair.a, ...pair.b));
  }

  it(`EC2 CreateSnapshots of an instance writing to two volumes, ${EC2_REPETITIONS} times, restored with CreateVolume`, async () => {
    const ami = imagesOf("us-east-1").find((i) => i.baseImage === "debian_12")!;
    const { KeyMaterial } = await t.ec2.send(new CreateKeyPairCommand({ KeyName: "cc" }));
    key = await t.keyFile("cc-ec2", KeyMaterial!);
    const launched = await t.ec2.send(
      new RunInstancesCommand({
        ImageId: ami.imageId, InstanceType: "t3.micro", MinCount: 1, MaxCount: 1, KeyName: "cc", UserData: Buffer.from(WRITER).toString("base64"),
        BlockDeviceMappings: ["/dev/xvdf", "/dev/xvdg"].map((DeviceName) => ({ DeviceName, Ebs: { VolumeSize: 1 } })),
      }),
    );
    const instanceId = launched.Instances![0]!.InstanceId!;
    const instance = await eventually("the instance running", async () => {
      const i = (await t.ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }))).Reservations![0]!.Instances![0]!;
      return i.State?.Name === "running" ? i : undefined;
    }, 30_000);
    assert.match(instance.PublicIpAddress!, /^127\.28\./);
    const volumeOf = (device: string) => (instance as Instance).BlockDeviceMappings!.find((m) => m.DeviceName === device)!.Ebs!.VolumeId!;
    const [volumeA, volumeB] = [volumeOf("/dev/xvdf"), volumeOf("/dev/xvdg")];
    await eventually("the writer writing", async () => (Number(await t.ssh(key, instance.PublicIpAddress!, "admin", "cat /b/log 2>/dev/null | wc -l")) > 20 ? true : undefined), 20_000);

    const took: number[] = [];
    for (let i = 0; i < EC2_REPETITIONS; i++) {
      const started = performance.now();
      const { Snapshots } = await t.ec2.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: instanceId, ExcludeBootVolume: true } }));
      assert.equal(Snapshots!.length, 2);
      const set = { a: Snapshots!.find((s) => s.VolumeId === volumeA)!.SnapshotId!, b: Snapshots!.find((s) => s.VolumeId === volumeB)!.SnapshotId! };
      await t.skiff.idle();
      const { Snapshots: done } = await t.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [set.a, set.b] }));
      assert.deepEqual(done!.map((s) => s.State), ["completed", "completed"]);
      took.push(performance.now() - started);
      sets.push(set);
      await pause();
    }
    took.sort((x, y) => x - y);
    process.stdout.write(`# CreateSnapshots of 2 volumes → completed: median ${took[took.length >> 1]!.toFixed(0)} ms, max ${took.at(-1)!.toFixed(0)} ms\n`);
    const restore = async (SnapshotId: string) => (await t.ec2.send(new CreateVolumeCommand({ AvailabilityZone: instance.Placement!.AvailabilityZone!, SnapshotId }))).VolumeId!;
    const restored = [];
    for (const set of sets) restored.push({ a: await restore(set.a), b: await restore(set.b) });
    const all = restored.flatMap((r) => [r.a, r.b]);
    await eventually("the volumes available", async () => {
      const { Volumes } = await t.ec2.send(new DescribeVolumesCommand({ VolumeIds: all }));
      return Volumes!.every((v) => v.State === "available") ? true : undefined;
    });
    for (const [i, r] of restored.entries()) await check(r.a, r.b, `EC2 snapshot set ${i}`);
    assert.ok(highest.at(-1)! > highest[0]!, `the writer went on writing between snapshots: ${highest.join(", ")}`);
  });

  it("RunInstances with snapshots (one of them a CopySnapshot copy) in its block device mappings boots with volumes holding their bytes", async () => {
    const ami = imagesOf("us-east-1").find((i) => i.baseImage === "debian_12")!;
    const { SnapshotId: copied } = await t.ec2.send(new CopySnapshotCommand({ SourceRegion: "us-east-1", SourceSnapshotId: sets.at(-1)!.b }));
    await t.skiff.idle();
    const hashes = `#!/bin/sh\nfor d in xvdf xvdg; do head -c ${HEAD} /dev/$d | sha256sum | cut -d' ' -f1; done > /srv/sums.new\nmv /srv/sums.new /srv/sums\n`;
    const launched = await t.ec2.send(
      new RunInstancesCommand({
        ImageId: ami.imageId, InstanceType: "t3.micro", MinCount: 1, MaxCount: 1, KeyName: "cc", UserData: Buffer.from(hashes).toString("base64"),
        BlockDeviceMappings: [
          { DeviceName: "/dev/xvdf", Ebs: { SnapshotId: sets[0]!.a } },
          { DeviceName: "/dev/xvdg", Ebs: { SnapshotId: copied } },
        ],
      }),
    );
    const instanceId = launched.Instances![0]!.InstanceId!;
    const ip = await eventually("the instance running", async () => {
      const i = (await t.ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }))).Reservations![0]!.Instances![0]!;
      return i.State?.Name === "running" ? i.PublicIpAddress : undefined;
    }, 30_000);
    const inside = await eventually("the sums", async () => (await t.ssh(key, ip!, "admin", "cat /srv/sums 2>/dev/null || true")).trim() || undefined, 30_000);
    const onHost = [await sha256Head(await t.diskPath(`${sets[0]!.a}.volume`)), await sha256Head(await t.diskPath(`${copied}.volume`))];
    assert.deepEqual(inside.split("\n"), onHost);
    assert.equal(onHost[1], await sha256Head(await t.diskPath(`${sets.at(-1)!.b}.volume`)), "the copy holds the bytes of its source");
  });

  it(`Lightsail CreateInstanceSnapshot of an instance writing to two disks, ${LIGHTSAIL_REPETITIONS} times, restored with CreateInstancesFromSnapshot`, async () => {
    const base = { availabilityZone: "us-east-1a", bundleId: "nano_3_0" };
    for (const diskName of ["cc-a", "cc-b"]) await t.lightsail.send(new CreateDiskCommand({ diskName, sizeInGb: 8, availabilityZone: "us-east-1a" }));
    const { privateKeyBase64 } = await t.lightsail.send(new CreateLightsailKeyPairCommand({ keyPairName: "cc" }));
    const key = await t.keyFile("cc-lightsail", privateKeyBase64!);
    await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["writer"], blueprintId: "debian_12", keyPairName: "cc", userData: WRITER }));
    const state = async (name: string) => (await t.lightsail.send(new GetInstanceCommand({ instanceName: name }))).instance?.state?.name;
    await eventually("the writer running", async () => ((await state("writer")) === "running" ? true : undefined), 30_000);
    const diskState = async (diskName: string) => (await t.lightsail.send(new GetDiskCommand({ diskName }))).disk;
    await eventually("the disks available", async () => ((await diskState("cc-a"))?.state === "available" && (await diskState("cc-b"))?.state === "available" ? true : undefined));
    await t.lightsail.send(new AttachDiskCommand({ diskName: "cc-a", instanceName: "writer", diskPath: "/dev/xvdf" }));
    await t.lightsail.send(new AttachDiskCommand({ diskName: "cc-b", instanceName: "writer", diskPath: "/dev/xvdg" }));
    await eventually("the disks attached", async () => ((await diskState("cc-a"))?.attachmentState === "attached" && (await diskState("cc-b"))?.attachmentState === "attached" ? true : undefined));
    const ip = (await t.lightsail.send(new GetInstanceCommand({ instanceName: "writer" }))).instance!.publicIpAddress!;
    await eventually("the writer writing", async () => (Number(await t.ssh(key, ip, "admin", "cat /b/log 2>/dev/null | wc -l")) > 20 ? true : undefined), 20_000);

    for (let i = 0; i < LIGHTSAIL_REPETITIONS; i++) {
      await t.lightsail.send(new CreateInstanceSnapshotCommand({ instanceName: "writer", instanceSnapshotName: `cc-${i}` }));
      await eventually("the snapshot available", async () => {
        const { instanceSnapshot } = await t.lightsail.send(new GetInstanceSnapshotCommand({ instanceSnapshotName: `cc-${i}` }));
        return instanceSnapshot?.state === "available" ? true : undefined;
      });
      await pause();
    }
    for (let i = 0; i < LIGHTSAIL_REPETITIONS; i++) {
      await t.lightsail.send(
        new CreateInstancesFromSnapshotCommand({
          ...base, instanceNames: [`restored-${i}`], instanceSnapshotName: `cc-${i}`,
          attachedDiskMapping: { [`restored-${i}`]: [{ originalDiskPath: "/dev/xvdf", newDiskName: `ra-${i}` }, { originalDiskPath: "/dev/xvdg", newDiskName: `rb-${i}` }] },
        }),
      );
    }
    for (let i = 0; i < LIGHTSAIL_REPETITIONS; i++) {
      await eventually(`restored-${i} running`, async () => ((await state(`restored-${i}`)) === "running" ? true : undefined), 30_000);
      const handle = (name: string) => t.skiff.store.read(async (tx) => (await tx.disks.get({ account: "000000000000", region: "us-east-1" }, name))!.computeId);
      await check(await handle(`ra-${i}`), await handle(`rb-${i}`), `Lightsail snapshot cc-${i}`);
    }
    assert.ok(highest.length >= EC2_REPETITIONS + LIGHTSAIL_REPETITIONS);
  });
});
