import type { Rng } from "./prng.js";

/**
 * Values a real client would send for a member, guessed from its name, so that valid-looking
 * requests get past the first checks and into the handlers (names repeat across requests, so
 * later requests find what earlier ones created).
 */
// Prototype names that are valid resource names too: a name must never be looked up on a plain object.
const NAMES = ["fz-a", "fz-b", "fz-c", "web-1", "db.1", "constructor", "toString", "hasOwnProperty", "valueOf"];
const EC2_IDS: [RegExp, string[]][] = [
  [/^InstanceIds?$|InstanceId$/, ["i-0123456789abcdef0", "i-00000000", "i-fffffffffffffffff"]],
  [/VolumeIds?$/, ["vol-0123456789abcdef0", "vol-00000000"]],
  [/SnapshotIds?$/, ["snap-0123456789abcdef0", "snap-00000000"]],
  [/ImageIds?$/, ["ami-0123456789abcdef0", "ami-00000000"]],
  [/KeyPairIds?$/, ["key-0123456789abcdef0"]],
  [/ResourceIds?$|^Resources?$/, ["i-0123456789abcdef0", "vol-0123456789abcdef0", "snap-0123456789abcdef0"]],
];

const RULES: [RegExp, (rng: Rng) => string][] = [
  [/zone/i, (r) => r.pick(["us-east-1a", "us-east-1b", "eu-west-1a", "us-east-1z"])],
  [/^region/i, (r) => r.pick(["us-east-1", "eu-west-1"])],
  [/blueprint/i, (r) => r.pick(["amazon_linux_2023", "ubuntu_22_04", "debian_12", "nope"])],
  [/bundle/i, (r) => r.pick(["nano_3_0", "micro_3_0", "small_3_0", "nope_1_0"])],
  [/cidr/i, (r) => r.pick(["0.0.0.0/0", "10.0.0.0/8", "::/0", "300.1.1.1/33"])],
  [/timeofday/i, (r) => r.pick(["06:00", "23:30", "24:00", "6"])],
  [/date$/i, (r) => r.pick(["2026-01-01", "2026-02-30"])],
  [/token/i, (r) => r.pick(["", "AAAA", "eyJ4IjoxfQ==", "not-a-token", "1"])],
  [/publickey|keymaterial/i, (r) => r.pick(["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHs fz", "c3NoLXJzYSBBQUFB", "not a key"])],
  [/userdata/i, (r) => r.pick(["#!/bin/sh\necho hi", "IyEvYmluL3NoCg=="])],
  [/device|path$/i, (r) => r.pick(["/dev/xvdf", "/dev/sdf", "xvdg", "/dev/xvda"])],
  [/^key$|tagkey/i, (r) => r.pick(["env", "Name", "aws:x", ""])],
  [/^value$|tagvalue/i, (r) => r.pick(["prod", "", "x y"])],
  [/arn$/i, (r) => r.pick(["arn:aws:lightsail:us-east-1:000000000000:Instance/1", "arn:"])],
  [/name$|names$/i, (r) => r.pick(NAMES)],
];

export function plausibleString(rng: Rng, member: string): string {
  for (const [pattern, ids] of EC2_IDS) if (pattern.test(member)) return rng.pick(ids);
  for (const [pattern, make] of RULES) if (pattern.test(member)) return make(rng);
  return rng.pick(["fz", "fz-value", "1", ""]);
}

export function plausibleNumber(rng: Rng, member: string): number {
  if (/port/i.test(member)) return rng.pick([22, 80, 443, 0, 65535]);
  if (/size|gb/i.test(member)) return rng.pick([8, 20, 64, 1]);
  if (/max|count|limit|page/i.test(member)) return rng.pick([5, 10, 100, 1000]);
  if (/iops|throughput/i.test(member)) return rng.pick([3000, 125]);
  return rng.int(0, 100);
}

/** Epoch seconds around now (2026), as clients send timestamps. */
export const plausibleEpochSeconds = (rng: Rng) => 1_767_225_600 + rng.int(-86_400 * 30, 86_400 * 30);
