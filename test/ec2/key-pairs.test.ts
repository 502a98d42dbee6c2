import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { describe, it } from "node:test";
import { CreateKeyPairCommand, DeleteKeyPairCommand, DescribeKeyPairsCommand, ImportKeyPairCommand } from "@aws-sdk/client-ec2";
import { CreateInstancesCommand } from "@aws-sdk/client-lightsail";
import sshpk from "sshpk";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";

const opensshPublicKey = (type: "rsa" | "ed25519") => {
  const { publicKey } = type === "rsa" ? generateKeyPairSync("rsa", { modulusLength: 2048 }) : generateKeyPairSync("ed25519");
  return sshpk.parseKey(publicKey.export({ type: "spki", format: "pem" }).toString(), "pem").toString("ssh");
};

describe("EC2 key pairs", () => {
  const t = useTestSkiff();

  it("creates an RSA key pair, hands out its PEM private key once, and describes it without it", async () => {
    const k = await t.ec2.send(new CreateKeyPairCommand({ KeyName: "deploy", TagSpecifications: [{ ResourceType: "key-pair", Tags: [{ Key: "team", Value: "ops" }] }] }));
    assert.match(k.KeyPairId!, /^key-[0-9a-f]{17}$/);
    assert.match(k.KeyMaterial!, /^-----BEGIN RSA PRIVATE KEY-----\n/);
    assert.match(k.KeyFingerprint!, /^([0-9a-f]{2}:){19}[0-9a-f]{2}$/);
    assert.deepEqual(k.Tags, [{ Key: "team", Value: "ops" }]);
    const { KeyPairs } = await t.ec2.send(new DescribeKeyPairsCommand({ KeyNames: ["deploy"], IncludePublicKey: true }));
    assert.deepEqual([KeyPairs![0]!.KeyName, KeyPairs![0]!.KeyPairId, KeyPairs![0]!.KeyType, KeyPairs![0]!.KeyFingerprint], ["deploy", k.KeyPairId, "rsa", k.KeyFingerprint]);
    assert.match(KeyPairs![0]!.PublicKey!, /^ssh-rsa AAAA/);
    assert.ok(KeyPairs![0]!.CreateTime instanceof Date);
  });

  it("creates ED25519 keys in OpenSSH format, and PuTTY keys with KeyFormat=ppk", async () => {
    const ed = await t.ec2.send(new CreateKeyPairCommand({ KeyName: "ed", KeyType: "ed25519" }));
    assert.match(ed.KeyMaterial!, /^-----BEGIN OPENSSH PRIVATE KEY-----/);
    assert.match(ed.KeyFingerprint!, /^[A-Za-z0-9+/]{43}=$/);
    const ppk = await t.ec2.send(new CreateKeyPairCommand({ KeyName: "putty", KeyFormat: "ppk" }));
    assert.match(ppk.KeyMaterial!, /^PuTTY-User-Key-File-2: ssh-rsa/);
  });

  it("imports RSA and ED25519 public keys with EC2's fingerprints", async () => {
    const rsa = opensshPublicKey("rsa");
    const imported = await t.ec2.send(new ImportKeyPairCommand({ KeyName: "laptop", PublicKeyMaterial: Buffer.from(rsa) }));
    assert.equal(imported.KeyFingerprint, sshpk.parseKey(rsa, "ssh").fingerprint("md5").toString("hex"));
    const ed = await t.ec2.send(new ImportKeyPairCommand({ KeyName: "ed", PublicKeyMaterial: Buffer.from(opensshPublicKey("ed25519")) }));
    assert.match(ed.KeyFingerprint!, /^[A-Za-z0-9+/]{43}=$/);
    const { KeyPairs } = await t.ec2.send(new DescribeKeyPairsCommand({ Filters: [{ Name: "key-type", Values: ["ed25519"] }] }));
    assert.deepEqual(KeyPairs!.map((k) => k.KeyName), ["ed"]);
  });

  it("rejects a taken name, bad key material and unsupported key types", async () => {
    await t.ec2.send(new CreateKeyPairCommand({ KeyName: "dup" }));
    await rejectsWith(t.ec2.send(new CreateKeyPairCommand({ KeyName: "dup" })), "InvalidKeyPair.Duplicate", /The keypair 'dup' already exists/);
    await rejectsWith(t.ec2.send(new ImportKeyPairCommand({ KeyName: "junk", PublicKeyMaterial: Buffer.from("hello") })), "InvalidKey.Format", /not in valid OpenSSH public key format/);
    const { publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const ecdsa = sshpk.parseKey(publicKey.export({ type: "spki", format: "pem" }).toString(), "pem").toString("ssh");
    await rejectsWith(t.ec2.send(new ImportKeyPairCommand({ KeyName: "ec", PublicKeyMaterial: Buffer.from(ecdsa) })), "InvalidKey.Format", /ecdsa keys are not supported/);
    await rejectsWith(t.ec2.send(new CreateKeyPairCommand({ KeyName: "x".repeat(256) })), "InvalidParameterValue", /parameter KeyName is invalid/);
    await rejectsWith(t.ec2.send(new CreateKeyPairCommand({ KeyName: "dry", DryRun: true })), "DryRunOperation", /DryRun/);
    assert.deepEqual((await t.ec2.send(new DescribeKeyPairsCommand({}))).KeyPairs!.map((k) => k.KeyName), ["dup"]);
  });

  it("deletes by name or id; an unknown name is no error, an unknown id is", async () => {
    const a = await t.ec2.send(new CreateKeyPairCommand({ KeyName: "a" }));
    await t.ec2.send(new CreateKeyPairCommand({ KeyName: "b" }));
    const byId = await t.ec2.send(new DeleteKeyPairCommand({ KeyPairId: a.KeyPairId! }));
    assert.deepEqual([byId.Return, byId.KeyPairId], [true, a.KeyPairId]);
    await t.ec2.send(new DeleteKeyPairCommand({ KeyName: "b" }));
    const gone = await t.ec2.send(new DeleteKeyPairCommand({ KeyName: "never-was" }));
    assert.equal(gone.Return, true);
    await rejectsWith(t.ec2.send(new DeleteKeyPairCommand({ KeyPairId: "key-0123456789abcdef0" })), "InvalidKeyPair.NotFound", /key-0123456789abcdef0/);
    await rejectsWith(t.ec2.send(new DescribeKeyPairsCommand({ KeyNames: ["a"] })), "InvalidKeyPair.NotFound", /The key pair 'a' does not exist/);
    await rejectsWith(t.ec2.send(new DeleteKeyPairCommand({})), "MissingParameter", /KeyName or KeyPairId/);
  });

  it("makes RSA keys without holding the event loop (an RSA 2048 key takes 60–600 ms to make)", async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    for (const name of ["rsa-1", "rsa-2", "rsa-3", "rsa-4"]) await t.ec2.send(new CreateKeyPairCommand({ KeyName: name }));
    delay.disable();
    assert.ok(delay.max / 1e6 < 100, `the event loop was held ${(delay.max / 1e6).toFixed(0)} ms`);
  });

  it("answers a DryRun and a taken name without making a key (each RSA key is 60–600 ms of CPU)", async () => {
    await t.ec2.send(new CreateKeyPairCommand({ KeyName: "taken" }));
    const before = process.cpuUsage();
    for (let i = 0; i < 5; i++) {
      await rejectsWith(t.ec2.send(new CreateKeyPairCommand({ KeyName: `dry-${i}`, DryRun: true })), "DryRunOperation", /DryRun/);
      await rejectsWith(t.ec2.send(new CreateKeyPairCommand({ KeyName: "taken" })), "InvalidKeyPair.Duplicate", /'taken' already exists/);
    }
    const used = process.cpuUsage(before);
    assert.ok((used.user + used.system) / 1000 < 250, `ten refused calls used ${((used.user + used.system) / 1000).toFixed(0)} ms of CPU`);
    assert.deepEqual((await t.ec2.send(new DescribeKeyPairsCommand({}))).KeyPairs!.map((k) => k.KeyName), ["taken"]);
  });

  it("keeps EC2 key pairs apart from Lightsail's, and regions apart", async () => {
    await t.ec2.send(new CreateKeyPairCommand({ KeyName: "shared-name" }));
    await rejectsWith(
      t.lightsail.send(new CreateInstancesCommand({ instanceNames: ["box"], availabilityZone: "us-east-1a", blueprintId: "amazon_linux_2023", bundleId: "nano_3_0", keyPairName: "shared-name" })),
      "NotFoundException",
      /KeyPair does not exist: shared-name/,
    );
    assert.deepEqual((await t.ec2As("eu-west-1").send(new DescribeKeyPairsCommand({}))).KeyPairs, []);
    await t.ec2As("eu-west-1").send(new CreateKeyPairCommand({ KeyName: "shared-name" }));
  });
});
