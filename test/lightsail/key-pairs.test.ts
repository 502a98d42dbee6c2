import assert from "node:assert/strict";
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
import { before, describe, it } from "node:test";
import {
  CreateInstancesCommand,
  CreateKeyPairCommand,
  DeleteKeyPairCommand,
  DownloadDefaultKeyPairCommand,
  GetInstanceCommand,
  GetKeyPairCommand,
  GetKeyPairsCommand,
  ImportKeyPairCommand,
} from "@aws-sdk/client-lightsail";
import sshpk from "sshpk";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";
import { allPages, paginateGetKeyPairs } from "../helpers/paginators.js";

const DEFAULT = "LightsailDefaultKeyPair";
const instanceBase = { availabilityZone: "us-east-1a", blueprintId: "amazon_linux_2023", bundleId: "nano_3_0" };
const SHA1_FINGERPRINT = /^([0-9a-f]{2}:){19}[0-9a-f]{2}$/;

/** An OpenSSH public key line made here, as a user's ssh-keygen would. */
function openSshPublicKey(type: "ed25519" | "rsa", comment?: string) {
  const { publicKey } = type === "rsa" ? generateKeyPairSync("rsa", { modulusLength: 2048 }) : generateKeyPairSync("ed25519");
  const key = sshpk.parseKey(publicKey.export({ type: "spki", format: "pem" }), "pem");
  key.comment = comment;
  return key.toString("ssh");
}

/** AWS fingerprints a key it generates as the SHA-1 of the private key in PKCS#8 DER. */
const sha1OfPrivateKey = (pem: string) =>
  createHash("sha1").update(createPrivateKey(pem).export({ type: "pkcs8", format: "der" })).digest("hex").match(/../g)!.join(":");

/** Checks that the PEM is a real private key whose public half is exactly the OpenSSH public key. */
function assertMatchingKeyPair(privatePem: string, publicLine: string) {
  const privateKey = createPrivateKey(privatePem);
  assert.equal(privateKey.asymmetricKeyType, "rsa");
  const publicHalf = sshpk.parseKey(createPublicKey(privateKey).export({ type: "spki", format: "pem" }), "pem");
  const returned = sshpk.parseKey(publicLine, "ssh");
  assert.equal(returned.type, "rsa");
  assert.equal(returned.size, 2048);
  assert.equal(publicHalf.fingerprint("sha256").toString(), returned.fingerprint("sha256").toString());
}

describe("Key pairs", () => {
  const t = useTestSkiff();

  describe("CreateKeyPair", () => {
    it("returns the key pair, its OpenSSH public key, its PEM private key and one Succeeded operation", async () => {
      const out = await t.lightsail.send(new CreateKeyPairCommand({ keyPairName: "my-key", tags: [{ key: "team", value: "ops" }, { key: "flag" }] }));
      const kp = out.keyPair!;
      assert.equal(kp.name, "my-key");
      assert.match(kp.arn!, /^arn:aws:lightsail:us-east-1:000000000000:KeyPair\/[0-9a-f-]{36}$/);
      assert.match(kp.supportCode!, /^\d{12}\/my-key$/);
      assert.ok(kp.createdAt instanceof Date);
      assert.deepEqual(kp.location, { availabilityZone: "all", regionName: "us-east-1" });
      assert.equal(kp.resourceType, "KeyPair");
      assert.deepEqual(kp.tags, [{ key: "team", value: "ops" }, { key: "flag" }]);
      assert.match(kp.fingerprint!, SHA1_FINGERPRINT);

      assert.match(out.publicKeyBase64!, /^ssh-rsa AAAA[0-9A-Za-z+/]+=* my-key$/);
      assert.match(out.privateKeyBase64!, /^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]+\n-----END RSA PRIVATE KEY-----\n?$/);
      assertMatchingKeyPair(out.privateKeyBase64!, out.publicKeyBase64!);
      assert.equal(kp.fingerprint, sha1OfPrivateKey(out.privateKeyBase64!));

      const op = out.operation!;
      assert.equal(op.resourceName, "my-key");
      assert.equal(op.resourceType, "KeyPair");
      assert.equal(op.operationType, "CreateKeyPair");
      assert.equal(op.status, "Succeeded");
      assert.equal(op.isTerminal, true);
      assert.deepEqual(op.location, { availabilityZone: "all", regionName: "us-east-1" });
    });

    it("makes a different key every time", async () => {
      const a = await t.lightsail.send(new CreateKeyPairCommand({ keyPairName: "a-key" }));
      const b = await t.lightsail.send(new CreateKeyPairCommand({ keyPairName: "b-key" }));
      assert.notEqual(a.keyPair?.fingerprint, b.keyPair?.fingerprint);
      assert.notEqual(a.privateKeyBase64, b.privateKeyBase64);
    });

    it("rejects a name already used by a key pair, with NameExists", async () => {
      await t.lightsail.send(new CreateKeyPairCommand({ keyPairName: "dup-key" }));
      const err = await rejectsWith(
        t.lightsail.send(new CreateKeyPairCommand({ keyPairName: "dup-key" })),
        "InvalidInputException",
        /Some names are already in use: dup-key/,
      );
      assert.equal(err.code, "NameExists");
    });

    it("rejects a name already used by a key pair without making a key (each RSA key is 60–600 ms of CPU)", async () => {
      await t.lightsail.send(new CreateKeyPairCommand({ keyPairName: "dup-key" }));
      const before = process.cpuUsage();
      for (let i = 0; i < 8; i++) {
        await rejectsWith(t.lightsail.send(new CreateKeyPairCommand({ keyPairName: "dup-key" })), "InvalidInputException", /already in use: dup-key/);
      }
      const used = process.cpuUsage(before);
      assert.ok((used.user + used.system) / 1000 < 250, `eight refused calls used ${((used.user + used.system) / 1000).toFixed(0)} ms of CPU`);
    });

    it("rejects a name used by an instance, since names are unique across the region's resources", async () => {
      await t.lightsail.send(new CreateInstancesCommand({ ...instanceBase, instanceNames: ["shared-name"] }));
      await rejectsWith(
        t.lightsail.send(new CreateKeyPairCommand({ keyPairName: "shared-name" })),
        "InvalidInputException",
        /Some names are already in use: shared-name/,
      );
    });

    const badNames: [string, string, RegExp][] = [
      ["a name with a space", "bad name", /key pair name 'bad name' is not valid/],
      ["a one-letter name", "k", /key pair name 'k' is not valid/],
      ["a name ending in a dash", "key-", /key pair name 'key-' is not valid/],
      ["the default key pair's name", DEFAULT, /'LightsailDefaultKeyPair' is reserved/],
    ];
    for (const [what, name, message] of badNames) {
      it(`rejects ${what}`, async () => {
        await rejectsWith(t.lightsail.send(new CreateKeyPairCommand({ keyPairName: name })), "InvalidInputException", message);
        const { keyPairs } = await t.lightsail.send(new GetKeyPairsCommand({ includeDefaultKeyPair: true }));
        assert.deepEqual(keyPairs, []);
      });
    }

    it("rejects a tag with the reserved aws: prefix and creates nothing", async () => {
      await rejectsWith(
        t.lightsail.send(new CreateKeyPairCommand({ keyPairName: "tagged", tags: [{ key: "aws:owner", value: "me" }] })),
        "InvalidInputException",
        /tag key 'aws:owner' uses the reserved prefix/,
      );
      await rejectsWith(t.lightsail.send(new GetKeyPairCommand({ keyPairName: "tagged" })), "NotFoundException");
    });
  });

  describe("ImportKeyPair", () => {
    for (const type of ["ed25519", "rsa"] as const) {
      it(`imports an ssh-${type} public key given as OpenSSH text`, async () => {
        const line = openSshPublicKey(type, "me@laptop");
        const { operation } = await t.lightsail.send(new ImportKeyPairCommand({ keyPairName: `imported-${type}`, publicKeyBase64: line }));
        assert.equal(operation?.resourceName, `imported-${type}`);
        assert.equal(operation?.resourceType, "KeyPair");
        assert.equal(operation?.operationType, "ImportKeyPair");
        assert.equal(operation?.status, "Succeeded");
        assert.equal(operation?.isTerminal, true);
        assert.deepEqual(operation?.location, { availabilityZone: "all", regionName: "us-east-1" });

        const { keyPair } = await t.lightsail.send(new GetKeyPairCommand({ keyPairName: `imported-${type}` }));
        assert.equal(keyPair?.fingerprint, sshpk.parseKey(line, "ssh").fingerprint("md5").toString("hex"));
        assert.match(keyPair!.fingerprint!, /^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
        assert.match(keyPair!.supportCode!, new RegExp(`^\\d{12}/imported-${type}$`));
        assert.deepEqual(keyPair?.tags, []);
      });
    }

    it("imports a key line without a comment, and one base64-encoded as the API reference describes", async () => {
      const plain = openSshPublicKey("ed25519");
      assert.equal(plain.split(" ").length, 2);
      await t.lightsail.send(new ImportKeyPairCommand({ keyPairName: "plain", publicKeyBase64: plain }));
      const line = openSshPublicKey("ed25519");
      await t.lightsail.send(new ImportKeyPairCommand({ keyPairName: "encoded", publicKeyBase64: Buffer.from(line).toString("base64") }));
      const { keyPair } = await t.lightsail.send(new GetKeyPairCommand({ keyPairName: "encoded" }));
      assert.equal(keyPair?.fingerprint, sshpk.parseKey(line, "ssh").fingerprint("md5").toString("hex"));
    });

    const { privateKey: rsaPrivate } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const badKeys: [string, string][] = [
      ["text that is no key", "hello world"],
      ["a truncated ssh-rsa key", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAB"],
      ["a private key", rsaPrivate.export({ type: "pkcs1", format: "pem" }).toString()],
      ["an empty string", ""],
    ];
    for (const [what, text] of badKeys) {
      it(`rejects ${what} with InvalidKey.Format and stores nothing`, async () => {
        const err = await rejectsWith(
          t.lightsail.send(new ImportKeyPairCommand({ keyPairName: "bad-key", publicKeyBase64: text })),
          "InvalidInputException",
          /^The format of this public key is not valid$/,
        );
        assert.equal(err.code, "InvalidKey.Format");
        await rejectsWith(t.lightsail.send(new GetKeyPairCommand({ keyPairName: "bad-key" })), "NotFoundException");
      });
    }

    it("rejects a name in use and a bad name", async () => {
      await t.lightsail.send(new CreateKeyPairCommand({ keyPairName: "mine" }));
      const line = openSshPublicKey("ed25519");
      const err = await rejectsWith(
        t.lightsail.send(new ImportKeyPairCommand({ keyPairName: "mine", publicKeyBase64: line })),
        "InvalidInputException",
        /Some names are already in use: mine/,
      );
      assert.equal(err.code, "NameExists");
      await rejectsWith(
        t.lightsail.send(new ImportKeyPairCommand({ keyPairName: "no/slash", publicKeyBase64: line })),
        "InvalidInputException",
        /key pair name 'no\/slash' is not valid/,
      );
    });

    it("gives an instance created with the imported key that key's name as sshKeyName", async () => {
      await t.lightsail.send(new ImportKeyPairCommand({ keyPairName: "laptop", publicKeyBase64: openSshPublicKey("ed25519", "me@laptop") }));
      await t.lightsail.send(new CreateInstancesCommand({ ...instanceBase, instanceNames: ["with-key"], keyPairName: "laptop" }));
      const { instance } = await t.lightsail.send(new GetInstanceCommand({ instanceName: "with-key" }));
      assert.equal(instance?.sshKeyName, "laptop");
      const { keyPairs } = await t.lightsail.send(new GetKeyPairsCommand({ includeDefaultKeyPair: true }));
      assert.deepEqual(keyPairs?.map((k) => k.name), ["laptop"]);
    });
  });

  describe("GetKeyPair", () => {
    it("returns what CreateKeyPair returned", async () => {
      const created = await t.lightsail.send(new CreateKeyPairCommand({ keyPairName: "read-back", tags: [{ key: "k", value: "v" }] }));
      const { keyPair } = await t.lightsail.send(new GetKeyPairCommand({ keyPairName: "read-back" }));
      assert.deepEqual(keyPair, created.keyPair);
    });

    it("answers NotFoundException with DoesNotExist for an unknown key pair", async () => {
      const err = await rejectsWith(
        t.lightsail.send(new GetKeyPairCommand({ keyPairName: "ghost" })),
        "NotFoundException",
        /The KeyPair does not exist: ghost/,
      );
      assert.equal(err.code, "DoesNotExist");
    });

    it("keeps key pairs of other regions and accounts apart", async () => {
      const oregon = t.lightsailAs("us-west-2");
      const other = t.lightsailAs("us-east-1", "123456789012");
      const west = await oregon.send(new CreateKeyPairCommand({ keyPairName: "same-name" }));
      const mine = await other.send(new CreateKeyPairCommand({ keyPairName: "same-name" }));
      assert.deepEqual(west.keyPair?.location, { availabilityZone: "all", regionName: "us-west-2" });
      assert.match(west.keyPair!.arn!, /^arn:aws:lightsail:us-west-2:000000000000:KeyPair\//);
      assert.match(mine.keyPair!.arn!, /^arn:aws:lightsail:us-east-1:123456789012:KeyPair\//);
      await rejectsWith(t.lightsail.send(new GetKeyPairCommand({ keyPairName: "same-name" })), "NotFoundException");
      assert.equal((await oregon.send(new GetKeyPairCommand({ keyPairName: "same-name" }))).keyPair?.fingerprint, west.keyPair?.fingerprint);
    });
  });

  describe("GetKeyPairs", () => {
    it("lists key pairs in creation order without the default key pair unless includeDefaultKeyPair", async () => {
      await t.lightsail.send(new CreateKeyPairCommand({ keyPairName: "first" }));
      await t.lightsail.send(new DownloadDefaultKeyPairCommand({}));
      await t.lightsail.send(new ImportKeyPairCommand({ keyPairName: "second", publicKeyBase64: openSshPublicKey("ed25519") }));
      const plain = await t.lightsail.send(new GetKeyPairsCommand({}));
      assert.deepEqual(plain.keyPairs?.map((k) => k.name), ["first", "second"]);
      assert.equal(plain.nextPageToken, undefined);
      const all = await t.lightsail.send(new GetKeyPairsCommand({ includeDefaultKeyPair: true }));
      assert.deepEqual(all.keyPairs?.map((k) => k.name), ["first", DEFAULT, "second"]);
      const def = all.keyPairs![1]!;
      assert.match(def.supportCode!, /^\d{12}\/LightsailDefaultKeyPair$/);
      assert.deepEqual(def.location, { availabilityZone: "all", regionName: "us-east-1" });
    });

    it("returns an empty list in a region without key pairs", async () => {
      const { keyPairs, nextPageToken } = await t.lightsail.send(new GetKeyPairsCommand({}));
      assert.deepEqual(keyPairs, []);
      assert.equal(nextPageToken, undefined);
    });

    it("rejects a page token it did not issue", async () => {
      await rejectsWith(
        t.lightsail.send(new GetKeyPairsCommand({ pageToken: "bogus!" })),
        "InvalidInputException",
        /page token 'bogus!' is not valid/,
      );
    });
  });

  describe("DeleteKeyPair", () => {
    it("deletes a key pair with one Succeeded operation and frees its name", async () => {
      await t.lightsail.send(new CreateKeyPairCommand({ keyPairName: "doomed" }));
      const { operation } = await t.lightsail.send(new DeleteKeyPairCommand({ keyPairName: "doomed" }));
      assert.equal(operation?.resourceName, "doomed");
      assert.equal(operation?.resourceType, "KeyPair");
      assert.equal(operation?.operationType, "DeleteKeyPair");
      assert.equal(operation?.status, "Succeeded");
      assert.equal(operation?.isTerminal, true);
      assert.deepEqual(operation?.location, { availabilityZone: "all", regionName: "us-east-1" });
      await rejectsWith(t.lightsail.send(new GetKeyPairCommand({ keyPairName: "doomed" })), "NotFoundException", /KeyPair does not exist: doomed/);
      await t.lightsail.send(new CreateInstancesCommand({ ...instanceBase, instanceNames: ["doomed"] }));
    });

    it("answers NotFoundException for an unknown key pair", async () => {
      await rejectsWith(t.lightsail.send(new DeleteKeyPairCommand({ keyPairName: "ghost" })), "NotFoundException", /The KeyPair does not exist: ghost/);
    });

    it("checks expectedFingerprint when given for an ordinary key pair", async () => {
      const { keyPair } = await t.lightsail.send(new CreateKeyPairCommand({ keyPairName: "checked" }));
      await rejectsWith(
        t.lightsail.send(new DeleteKeyPairCommand({ keyPairName: "checked", expectedFingerprint: "00:11" })),
        "InvalidInputException",
        /expected fingerprint '00:11' does not match the fingerprint of key pair checked/,
      );
      assert.ok((await t.lightsail.send(new GetKeyPairCommand({ keyPairName: "checked" }))).keyPair);
      await t.lightsail.send(new DeleteKeyPairCommand({ keyPairName: "checked", expectedFingerprint: keyPair!.fingerprint }));
      await rejectsWith(t.lightsail.send(new GetKeyPairCommand({ keyPairName: "checked" })), "NotFoundException");
    });

    it("leaves an instance that uses the key pair as it is", async () => {
      await t.lightsail.send(new CreateKeyPairCommand({ keyPairName: "in-use" }));
      await t.lightsail.send(new CreateInstancesCommand({ ...instanceBase, instanceNames: ["keeper"], keyPairName: "in-use" }));
      await t.lightsail.send(new DeleteKeyPairCommand({ keyPairName: "in-use" }));
      const { instance } = await t.lightsail.send(new GetInstanceCommand({ instanceName: "keeper" }));
      assert.equal(instance?.sshKeyName, "in-use");
    });
  });

  describe("the default key pair", () => {
    it("is created by DownloadDefaultKeyPair, with real SSH material, and the same on every download", async () => {
      const first = await t.lightsail.send(new DownloadDefaultKeyPairCommand({}));
      assert.match(first.publicKeyBase64!, /^ssh-rsa AAAA/);
      assert.match(first.privateKeyBase64!, /^-----BEGIN RSA PRIVATE KEY-----\n/);
      assert.ok(first.createdAt instanceof Date);
      assertMatchingKeyPair(first.privateKeyBase64!, first.publicKeyBase64!);
      const again = await t.lightsail.send(new DownloadDefaultKeyPairCommand({}));
      assert.equal(again.publicKeyBase64, first.publicKeyBase64);
      assert.equal(again.privateKeyBase64, first.privateKeyBase64);
      assert.equal(again.createdAt?.getTime(), first.createdAt?.getTime());
      const { keyPair } = await t.lightsail.send(new GetKeyPairCommand({ keyPairName: DEFAULT }));
      assert.equal(keyPair?.fingerprint, sha1OfPrivateKey(first.privateKeyBase64!));
      assert.equal(keyPair?.createdAt?.getTime(), first.createdAt?.getTime());
    });

    it("is the one an instance created without keyPairName gets", async () => {
      await t.lightsail.send(new CreateInstancesCommand({ ...instanceBase, instanceNames: ["no-key"] }));
      const { instance } = await t.lightsail.send(new GetInstanceCommand({ instanceName: "no-key" }));
      assert.equal(instance?.sshKeyName, DEFAULT);
      const before = await t.lightsail.send(new GetKeyPairCommand({ keyPairName: DEFAULT }));
      const download = await t.lightsail.send(new DownloadDefaultKeyPairCommand({}));
      assert.equal(before.keyPair?.fingerprint, sha1OfPrivateKey(download.privateKeyBase64!));
    });

    it("holds its name in the region, like any resource", async () => {
      await t.lightsail.send(new DownloadDefaultKeyPairCommand({}));
      const err = await rejectsWith(
        t.lightsail.send(new CreateInstancesCommand({ ...instanceBase, instanceNames: [DEFAULT] })),
        "InvalidInputException",
        /Some names are already in use: LightsailDefaultKeyPair/,
      );
      assert.equal(err.code, "NameExists");
    });

    it("is deleted only with its fingerprint as expectedFingerprint, and a new download makes a new one", async () => {
      const first = await t.lightsail.send(new DownloadDefaultKeyPairCommand({}));
      const fingerprint = sha1OfPrivateKey(first.privateKeyBase64!);
      await rejectsWith(
        t.lightsail.send(new DeleteKeyPairCommand({ keyPairName: DEFAULT })),
        "InvalidInputException",
        /Deleting the default key pair LightsailDefaultKeyPair requires its fingerprint as expectedFingerprint/,
      );
      await rejectsWith(
        t.lightsail.send(new DeleteKeyPairCommand({ keyPairName: DEFAULT, expectedFingerprint: "ab:cd:ef" })),
        "InvalidInputException",
        /expected fingerprint 'ab:cd:ef' does not match the fingerprint of key pair LightsailDefaultKeyPair/,
      );
      assert.ok((await t.lightsail.send(new GetKeyPairCommand({ keyPairName: DEFAULT }))).keyPair);

      const { operation } = await t.lightsail.send(new DeleteKeyPairCommand({ keyPairName: DEFAULT, expectedFingerprint: fingerprint }));
      assert.equal(operation?.operationType, "DeleteKeyPair");
      assert.equal(operation?.status, "Succeeded");
      await rejectsWith(t.lightsail.send(new GetKeyPairCommand({ keyPairName: DEFAULT })), "NotFoundException", /KeyPair does not exist: LightsailDefaultKeyPair/);

      const second = await t.lightsail.send(new DownloadDefaultKeyPairCommand({}));
      assert.notEqual(second.privateKeyBase64, first.privateKeyBase64);
      assertMatchingKeyPair(second.privateKeyBase64!, second.publicKeyBase64!);
    });

    it("is made while other requests are answered, and once when two first instances of a region race for it", async () => {
      const first = t.lightsail.send(new CreateInstancesCommand({ ...instanceBase, instanceNames: ["race-1"] }));
      const second = t.lightsail.send(new CreateInstancesCommand({ ...instanceBase, instanceNames: ["race-2"] }));
      let pending = true;
      void Promise.all([first, second]).finally(() => (pending = false));
      const elsewhere = t.lightsailAs("eu-west-1");
      for (let i = 0; i < 3; i++) await elsewhere.send(new GetKeyPairsCommand({}));
      assert.equal(pending, true, "the creates answered before three calls made meanwhile: the key was not made concurrently");
      await Promise.all([first, second]);
      const keys = await Promise.all(["race-1", "race-2"].map(async (instanceName) => (await t.lightsail.send(new GetInstanceCommand({ instanceName }))).instance?.sshKeyName));
      assert.deepEqual(keys, [DEFAULT, DEFAULT]);
      const { keyPairs } = await t.lightsail.send(new GetKeyPairsCommand({ includeDefaultKeyPair: true }));
      assert.deepEqual(keyPairs?.map((k) => k.name), [DEFAULT]);
    });

    it("is one per region", async () => {
      const east = await t.lightsail.send(new DownloadDefaultKeyPairCommand({}));
      const west = await t.lightsailAs("us-west-2").send(new DownloadDefaultKeyPairCommand({}));
      assert.notEqual(east.publicKeyBase64, west.publicKeyBase64);
    });
  });
});

describe("GetKeyPairs paging", () => {
  const t = useTestSkiff({ pageSize: 5 }, { reset: false });
  before(async () => {
    for (let i = 1; i <= 12; i++) {
      const name = `key-${String(i).padStart(2, "0")}`;
      await t.lightsail.send(new ImportKeyPairCommand({ keyPairName: name, publicKeyBase64: openSshPublicKey("ed25519") }));
      if (i === 6) await t.lightsail.send(new DownloadDefaultKeyPairCommand({}));
    }
  });

  const names = Array.from({ length: 12 }, (_, i) => `key-${String(i + 1).padStart(2, "0")}`);

  it("walks every key pair in pages of five with the paginator", async () => {
    const pages = await allPages(paginateGetKeyPairs({ client: t.lightsail }, {}));
    assert.deepEqual(pages.map((p) => p.keyPairs?.length), [5, 5, 2]);
    assert.deepEqual(pages.flatMap((p) => p.keyPairs!.map((k) => k.name)), names);
    assert.ok(pages[0]!.nextPageToken);
    assert.equal(pages.at(-1)?.nextPageToken, undefined);
  });

  it("keeps includeDefaultKeyPair across pages, the default in its creation place", async () => {
    const pages = await allPages(paginateGetKeyPairs({ client: t.lightsail }, { includeDefaultKeyPair: true }));
    assert.deepEqual(pages.map((p) => p.keyPairs?.length), [5, 5, 3]);
    assert.deepEqual(pages.flatMap((p) => p.keyPairs!.map((k) => k.name)), [...names.slice(0, 6), DEFAULT, ...names.slice(6)]);
  });

  it("continues from a page token taken from an earlier page", async () => {
    const first = await t.lightsail.send(new GetKeyPairsCommand({}));
    const second = await t.lightsail.send(new GetKeyPairsCommand({ pageToken: first.nextPageToken }));
    assert.deepEqual(second.keyPairs?.map((k) => k.name), names.slice(5, 10));
  });
});
