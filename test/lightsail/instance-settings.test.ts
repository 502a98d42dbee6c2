import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateInstancesCommand,
  CreateKeyPairCommand,
  DownloadDefaultKeyPairCommand,
  GetInstanceAccessDetailsCommand,
  GetInstanceCommand,
  PutInstancePublicPortsCommand,
  SetIpAddressTypeCommand,
  StopInstanceCommand,
  UpdateInstanceMetadataOptionsCommand,
} from "@aws-sdk/client-lightsail";
import sshpk from "sshpk";
import { base, runningInstance, settle, storedOperation } from "../helpers/instances.js";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";

describe("instance settings", () => {
  const t = useTestSkiff({ transitionMs: 60_000 });

  const instance = async (name: string) => (await t.lightsail.send(new GetInstanceCommand({ instanceName: name }))).instance!;

  describe("GetInstanceAccessDetails", () => {
    it("gives SSH details with the default key pair's private key", async () => {
      await runningInstance(t, "box");
      const { accessDetails } = await t.lightsail.send(new GetInstanceAccessDetailsCommand({ instanceName: "box" }));
      const box = await instance("box");
      assert.equal(accessDetails?.protocol, "ssh");
      assert.equal(accessDetails?.instanceName, "box");
      assert.equal(accessDetails?.username, "ec2-user");
      assert.equal(accessDetails?.ipAddress, box.publicIpAddress);
      assert.deepEqual(accessDetails?.ipv6Addresses, box.ipv6Addresses);
      assert.ok(accessDetails!.expiresAt! > t.skiff.clock.date());
      const defaultKey = await t.lightsail.send(new DownloadDefaultKeyPairCommand({}));
      assert.equal(accessDetails?.privateKey, defaultKey.privateKeyBase64);
      const publicPart = sshpk.parsePrivateKey(accessDetails!.privateKey!, "pem").toPublic();
      assert.equal(publicPart.fingerprint("sha256").toString(), sshpk.parseKey(defaultKey.publicKeyBase64!, "ssh").fingerprint("sha256").toString());
      assert.equal(accessDetails?.certKey, undefined);
    });

    it("gives no private key for an instance with the user's own key pair", async () => {
      await t.lightsail.send(new CreateKeyPairCommand({ keyPairName: "mine" }));
      await runningInstance(t, "box", { keyPairName: "mine" });
      const { accessDetails } = await t.lightsail.send(new GetInstanceAccessDetailsCommand({ instanceName: "box", protocol: "ssh" }));
      assert.equal(accessDetails?.privateKey, undefined);
      assert.equal(accessDetails?.username, "ec2-user");
      assert.equal(accessDetails?.ipAddress, (await instance("box")).publicIpAddress);
    });

    it("gives the IPv6 address of an IPv6-only instance", async () => {
      await runningInstance(t, "v6", { bundleId: "nano_ipv6_3_0", ipAddressType: "ipv6" });
      const { accessDetails } = await t.lightsail.send(new GetInstanceAccessDetailsCommand({ instanceName: "v6" }));
      assert.equal(accessDetails?.ipAddress, (await instance("v6")).ipv6Addresses?.[0]);
    });

    it("gives a stable Administrator password over RDP for a Windows instance", async () => {
      await runningInstance(t, "win", { blueprintId: "windows_server_2022", bundleId: "nano_win_3_0" });
      const first = (await t.lightsail.send(new GetInstanceAccessDetailsCommand({ instanceName: "win", protocol: "rdp" }))).accessDetails;
      const second = (await t.lightsail.send(new GetInstanceAccessDetailsCommand({ instanceName: "win", protocol: "rdp" }))).accessDetails;
      assert.equal(first?.protocol, "rdp");
      assert.equal(first?.username, "Administrator");
      assert.match(first!.password!, /^[\w-]{24}$/);
      assert.equal(second?.password, first?.password);
      assert.equal(first?.privateKey, undefined);
    });

    it("rejects RDP for a Linux instance and SSH for a Windows one", async () => {
      await runningInstance(t, "box");
      await rejectsWith(
        t.lightsail.send(new GetInstanceAccessDetailsCommand({ instanceName: "box", protocol: "rdp" })),
        "InvalidInputException",
        /box runs Linux\/Unix; use the protocol ssh, not rdp/,
      );
      await runningInstance(t, "win", { blueprintId: "windows_server_2022", bundleId: "nano_win_3_0" });
      await rejectsWith(
        t.lightsail.send(new GetInstanceAccessDetailsCommand({ instanceName: "win" })),
        "InvalidInputException",
        /win runs Windows; use the protocol rdp, not ssh/,
      );
    });

    it("rejects an unknown protocol", async () => {
      await runningInstance(t, "box");
      await rejectsWith(
        t.lightsail.send(new GetInstanceAccessDetailsCommand({ instanceName: "box", protocol: "telnet" as never })),
        "InvalidInputException",
        /protocol value 'telnet' is not valid/,
      );
    });

    it("rejects an instance that is not running", async () => {
      await runningInstance(t, "box");
      await t.lightsail.send(new StopInstanceCommand({ instanceName: "box" }));
      await rejectsWith(
        t.lightsail.send(new GetInstanceAccessDetailsCommand({ instanceName: "box" })),
        "OperationFailureException",
        /The Instance box is stopping; GetInstanceAccessDetails needs it to be running/,
      );
      await settle(t);
    });

    it("answers NotFoundException for an unknown instance", async () => {
      await rejectsWith(t.lightsail.send(new GetInstanceAccessDetailsCommand({ instanceName: "ghost" })), "NotFoundException", /Instance does not exist: ghost/);
    });
  });

  describe("SetIpAddressType", () => {
    const set = (resourceName: string, ipAddressType: string, extra: object = {}) =>
      t.lightsail.send(new SetIpAddressTypeCommand({ resourceType: "Instance", resourceName, ipAddressType: ipAddressType as never, ...extra }));

    it("drops the IPv6 address and IPv6 firewall sources when switching to ipv4", async () => {
      await runningInstance(t, "box");
      const { operations } = await set("box", "ipv4");
      assert.equal(operations?.length, 1);
      assert.equal(operations![0]!.operationType, "SetIpAddressType");
      assert.equal(operations![0]!.resourceName, "box");
      assert.equal(operations![0]!.status, "Succeeded");
      assert.equal(operations![0]!.isTerminal, true);
      const box = await instance("box");
      assert.equal(box.ipAddressType, "ipv4");
      assert.deepEqual(box.ipv6Addresses, []);
      assert.match(box.publicIpAddress!, /^\d+\.\d+\.\d+\.\d+$/);
      assert.equal(box.bundleId, "nano_3_0");
      assert.deepEqual(box.networking?.ports?.map((p) => [p.fromPort, p.ipv6Cidrs]), [[22, []], [80, []]]);
    });

    it("adds an IPv6 address and opens IPv6 where IPv4 is open when switching ipv4 to dualstack", async () => {
      await runningInstance(t, "box", { ipAddressType: "ipv4" });
      const before = await instance("box");
      await set("box", "dualstack");
      const box = await instance("box");
      assert.equal(box.ipAddressType, "dualstack");
      assert.equal(box.ipv6Addresses?.length, 1);
      assert.equal(box.publicIpAddress, before.publicIpAddress);
      assert.deepEqual(box.networking?.ports?.map((p) => p.ipv6Cidrs), [["::/0"], ["::/0"]]);
    });

    it("needs acceptBundleUpdate to switch to ipv6, then moves to the IPv6-only bundle without public IPv4", async () => {
      await runningInstance(t, "box");
      await rejectsWith(
        set("box", "ipv6"),
        "InvalidInputException",
        /changes its bundle from nano_3_0 to nano_ipv6_3_0; set acceptBundleUpdate to true/,
      );
      assert.equal((await instance("box")).ipAddressType, "dualstack");
      await set("box", "ipv6", { acceptBundleUpdate: true });
      const box = await instance("box");
      assert.equal(box.ipAddressType, "ipv6");
      assert.equal(box.bundleId, "nano_ipv6_3_0");
      assert.equal(box.publicIpAddress, undefined);
      assert.equal(box.ipv6Addresses?.length, 1);
    });

    it("moves an IPv6-only Windows instance back to its dual-stack bundle", async () => {
      await runningInstance(t, "win", { blueprintId: "windows_server_2022", bundleId: "small_win_ipv6_3_0", ipAddressType: "ipv6" });
      await set("win", "dualstack", { acceptBundleUpdate: true });
      const win = await instance("win");
      assert.equal(win.bundleId, "small_win_3_0");
      assert.match(win.publicIpAddress!, /^\d+\.\d+\.\d+\.\d+$/);
    });

    it("changes nothing when the type is already set, not even IPv6 rules the user narrowed", async () => {
      await runningInstance(t, "box");
      await t.lightsail.send(
        new PutInstancePublicPortsCommand({ instanceName: "box", portInfos: [{ fromPort: 22, toPort: 22, protocol: "tcp", cidrs: ["0.0.0.0/0"] }] }),
      );
      const before = await instance("box");
      const { operations } = await set("box", "dualstack");
      assert.equal(operations?.[0]?.status, "Succeeded");
      assert.deepEqual(await instance("box"), before);
    });

    it("rejects ipv6 for a previous-generation bundle that has no IPv6-only sibling", async () => {
      await runningInstance(t, "old", { bundleId: "nano_2_0" });
      await rejectsWith(set("old", "ipv6", { acceptBundleUpdate: true }), "InvalidInputException", /bundle nano_2_0 has no IPv6-only equivalent/);
    });

    it("rejects resource types other than instances, and finds no load balancer", async () => {
      await rejectsWith(
        t.lightsail.send(new SetIpAddressTypeCommand({ resourceType: "Disk", resourceName: "d", ipAddressType: "ipv4" })),
        "InvalidInputException",
        /resource type Disk has no IP address type/,
      );
      await rejectsWith(
        t.lightsail.send(new SetIpAddressTypeCommand({ resourceType: "LoadBalancer", resourceName: "lb", ipAddressType: "ipv4" })),
        "NotFoundException",
        /LoadBalancer does not exist: lb/,
      );
    });

    it("rejects an unknown IP address type", async () => {
      await runningInstance(t, "box");
      await rejectsWith(set("box", "ipv5"), "InvalidInputException", /ipAddressType value 'ipv5' is not valid/);
    });

    it("rejects an instance that is still pending", async () => {
      await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["box"] }));
      await rejectsWith(set("box", "ipv4"), "OperationFailureException", /box is pending; SetIpAddressType needs it to be running or stopped/);
      await settle(t);
    });

    it("answers NotFoundException for an unknown instance", async () => {
      await rejectsWith(set("ghost", "ipv4"), "NotFoundException", /Instance does not exist: ghost/);
    });
  });

  describe("UpdateInstanceMetadataOptions", () => {
    const update = (input: object, client = t.lightsail) =>
      client.send(new UpdateInstanceMetadataOptionsCommand({ instanceName: "box", ...input } as never));

    it("answers with a Started operation, then shows the options applied and the operation Succeeded", async () => {
      await runningInstance(t, "box");
      const { operation } = await update({ httpTokens: "required", httpPutResponseHopLimit: 2 });
      assert.equal(operation?.operationType, "UpdateInstanceMetadataOptions");
      assert.equal(operation?.resourceName, "box");
      assert.equal(operation?.status, "Started");
      await t.skiff.idle();
      assert.deepEqual((await instance("box")).metadataOptions, {
        state: "applied", httpTokens: "required", httpEndpoint: "enabled", httpPutResponseHopLimit: 2, httpProtocolIpv6: "disabled",
      });
      assert.equal((await storedOperation(t, operation!.id!))?.status, "Succeeded");
    });

    it("sets httpTokens back to optional when it is left out and keeps the other options", async () => {
      await runningInstance(t, "box");
      await update({ httpTokens: "required", httpEndpoint: "disabled", httpPutResponseHopLimit: 3 });
      await update({ httpPutResponseHopLimit: 4 });
      await t.skiff.idle();
      assert.deepEqual((await instance("box")).metadataOptions, {
        state: "applied", httpTokens: "optional", httpEndpoint: "disabled", httpPutResponseHopLimit: 4, httpProtocolIpv6: "disabled",
      });
    });

    for (const hops of [0, 65, 1.5]) {
      it(`rejects a hop limit of ${hops}`, async () => {
        await runningInstance(t, "box");
        await rejectsWith(update({ httpPutResponseHopLimit: hops }), "InvalidInputException", new RegExp(`httpPutResponseHopLimit value ${hops} is not valid; use an integer from 1 to 64`));
        assert.equal((await instance("box")).metadataOptions?.httpPutResponseHopLimit, 1);
      });
    }

    it("rejects an unknown httpTokens value", async () => {
      await runningInstance(t, "box");
      await rejectsWith(update({ httpTokens: "sometimes" }), "InvalidInputException", /httpTokens value 'sometimes' is not valid/);
    });

    it("accepts httpProtocolIpv6 in eu-north-1 only", async () => {
      await runningInstance(t, "box");
      await rejectsWith(update({ httpProtocolIpv6: "enabled" }), "InvalidInputException", /httpProtocolIpv6 option is available only in eu-north-1, not in us-east-1/);
      const stockholm = t.lightsailAs("eu-north-1");
      await stockholm.send(new CreateInstancesCommand({ ...base, availabilityZone: "eu-north-1a", instanceNames: ["box"] }));
      await settle(t);
      await update({ httpProtocolIpv6: "enabled" }, stockholm);
      await t.skiff.idle();
      const { instance: box } = await stockholm.send(new GetInstanceCommand({ instanceName: "box" }));
      assert.equal(box?.metadataOptions?.httpProtocolIpv6, "enabled");
    });

    it("answers NotFoundException for an unknown instance", async () => {
      await rejectsWith(update({ instanceName: "ghost" }), "NotFoundException", /Instance does not exist: ghost/);
    });
  });
});
