import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import {
  CloseInstancePublicPortsCommand,
  CreateInstancesCommand,
  GetInstanceCommand,
  GetInstancePortStatesCommand,
  OpenInstancePublicPortsCommand,
  PutInstancePublicPortsCommand,
  type PortInfo,
} from "@aws-sdk/client-lightsail";
import { base } from "../helpers/instances.js";
import { assertOperation } from "../helpers/lightsail.js";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";

const everyone = { cidrs: ["0.0.0.0/0"], ipv6Cidrs: ["::/0"], cidrListAliases: [] };

describe("instance public ports", () => {
  const t = useTestSkiff();
  beforeEach(async () => {
    await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["box"] }));
    await t.skiff.idle();
  });

  const states = async (name = "box") => (await t.lightsail.send(new GetInstancePortStatesCommand({ instanceName: name }))).portStates!;
  const summary = async () => (await states()).map((p) => `${p.fromPort}-${p.toPort}/${p.protocol} ${[...p.cidrs!, ...p.ipv6Cidrs!, ...p.cidrListAliases!].join(" ")}`);
  const open = (portInfo: PortInfo, instanceName = "box") => t.lightsail.send(new OpenInstancePublicPortsCommand({ instanceName, portInfo }));
  const close = (portInfo: PortInfo, instanceName = "box") => t.lightsail.send(new CloseInstancePublicPortsCommand({ instanceName, portInfo }));
  const put = (portInfos: PortInfo[], instanceName = "box") => t.lightsail.send(new PutInstancePublicPortsCommand({ instanceName, portInfos }));

  describe("GetInstancePortStates", () => {
    it("lists the blueprint's default rules as open to everyone", async () => {
      assert.deepEqual(await states(), [
        { fromPort: 22, toPort: 22, protocol: "tcp", state: "open", ...everyone },
        { fromPort: 80, toPort: 80, protocol: "tcp", state: "open", ...everyone },
      ]);
    });

    it("answers NotFoundException for an unknown instance", async () => {
      await rejectsWith(states("ghost"), "NotFoundException", /Instance does not exist: ghost/);
    });
  });

  describe("OpenInstancePublicPorts", () => {
    it("opens a port to everyone by default with a Succeeded operation named after it", async () => {
      const { operation } = await open({ fromPort: 8080, toPort: 8080, protocol: "tcp" });
      assertOperation(operation, {
        operationType: "OpenInstancePublicPorts", operationDetails: "8080/tcp", resourceName: "box", resourceType: "Instance", status: "Succeeded", isTerminal: true,
      });
      assert.deepEqual((await states()).at(-1), { fromPort: 8080, toPort: 8080, protocol: "tcp", state: "open", ...everyone });
      const port = (await t.lightsail.send(new GetInstanceCommand({ instanceName: "box" }))).instance?.networking?.ports?.at(-1);
      assert.equal(port?.accessFrom, "Anywhere (0.0.0.0/0)");
      assert.equal(port?.accessDirection, "inbound");
    });

    it("opens only IPv4 by default on an ipv4 instance", async () => {
      await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["v4"], ipAddressType: "ipv4" }));
      await open({ fromPort: 443, toPort: 443, protocol: "tcp" }, "v4");
      assert.deepEqual((await states("v4")).at(-1), { fromPort: 443, toPort: 443, protocol: "tcp", state: "open", cidrs: ["0.0.0.0/0"], ipv6Cidrs: [], cidrListAliases: [] });
    });

    it("replaces the rule of the same ports and protocol instead of adding a second one", async () => {
      await open({ fromPort: 22, toPort: 22, protocol: "tcp", cidrs: ["203.0.113.5/32"], cidrListAliases: ["lightsail-connect"] });
      assert.deepEqual(await summary(), ["22-22/tcp 203.0.113.5/32 lightsail-connect", "80-80/tcp 0.0.0.0/0 ::/0"]);
      const port = (await t.lightsail.send(new GetInstanceCommand({ instanceName: "box" }))).instance?.networking?.ports?.[0];
      assert.equal(port?.accessFrom, "Custom");
    });

    it("keeps a rule for another protocol on the same port apart", async () => {
      await open({ fromPort: 22, toPort: 22, protocol: "udp" });
      assert.deepEqual(await summary(), ["22-22/tcp 0.0.0.0/0 ::/0", "80-80/tcp 0.0.0.0/0 ::/0", "22-22/udp 0.0.0.0/0 ::/0"]);
    });

    it("opens a port range and names it in the operation", async () => {
      const { operation } = await open({ fromPort: 8000, toPort: 8100, protocol: "udp", ipv6Cidrs: ["2001:db8::/32"] });
      assert.equal(operation?.operationDetails, "8000-8100/udp");
      assert.equal((await summary()).at(-1), "8000-8100/udp 2001:db8::/32");
    });

    it("accepts ICMP ping as type 8, code -1", async () => {
      const { operation } = await open({ fromPort: 8, toPort: -1, protocol: "icmp", cidrs: ["192.0.2.44"] });
      assert.equal(operation?.operationDetails, "8/icmp");
      assert.equal((await summary()).at(-1), "8--1/icmp 192.0.2.44");
    });

    it("answers NotFoundException for an unknown instance", async () => {
      await rejectsWith(open({ fromPort: 22, toPort: 22, protocol: "tcp" }, "ghost"), "NotFoundException", /Instance does not exist: ghost/);
    });
  });

  describe("CloseInstancePublicPorts", () => {
    it("closes a rule with a Succeeded operation named after it", async () => {
      const { operation } = await close({ fromPort: 80, toPort: 80, protocol: "tcp" });
      assertOperation(operation, { operationType: "CloseInstancePublicPorts", operationDetails: "80/tcp", status: "Succeeded", isTerminal: true });
      assert.deepEqual(await summary(), ["22-22/tcp 0.0.0.0/0 ::/0"]);
    });

    it("takes only the named sources off a rule, and the rule once none are left", async () => {
      await open({ fromPort: 3306, toPort: 3306, protocol: "tcp", cidrs: ["192.0.2.0/24", "198.51.100.7/32"] });
      await close({ fromPort: 3306, toPort: 3306, protocol: "tcp", cidrs: ["192.0.2.0/24"] });
      assert.equal((await summary()).at(-1), "3306-3306/tcp 198.51.100.7/32");
      await close({ fromPort: 3306, toPort: 3306, protocol: "tcp", cidrs: ["198.51.100.7/32"] });
      assert.deepEqual(await summary(), ["22-22/tcp 0.0.0.0/0 ::/0", "80-80/tcp 0.0.0.0/0 ::/0"]);
    });

    it("succeeds without change for a rule that is not open", async () => {
      const { operation } = await close({ fromPort: 25, toPort: 25, protocol: "tcp" });
      assert.equal(operation?.status, "Succeeded");
      assert.equal((await states()).length, 2);
    });

    it("answers NotFoundException for an unknown instance", async () => {
      await rejectsWith(close({ fromPort: 22, toPort: 22, protocol: "tcp" }, "ghost"), "NotFoundException", /Instance does not exist: ghost/);
    });
  });

  describe("PutInstancePublicPorts", () => {
    it("replaces every rule (Ansible's public_ports) with a Succeeded operation", async () => {
      const { operation } = await put([{ fromPort: 50, toPort: 50, protocol: "tcp", cidrs: ["0.0.0.0/0"], ipv6Cidrs: ["::/0"] }]);
      assert.equal(operation?.operationType, "PutInstancePublicPorts");
      assert.equal(operation?.operationDetails, "50/tcp");
      assert.equal(operation?.status, "Succeeded");
      const { instance } = await t.lightsail.send(new GetInstanceCommand({ instanceName: "box" }));
      assert.equal(instance?.networking?.ports?.length, 1);
      assert.equal(instance?.networking?.ports?.[0]?.fromPort, 50);
    });

    it("closes everything with an empty list", async () => {
      await put([]);
      assert.deepEqual(await states(), []);
    });

    it("keeps one rule, the later one, for a range given twice", async () => {
      await put([
        { fromPort: 443, toPort: 443, protocol: "tcp", cidrs: ["192.0.2.1/32"] },
        { fromPort: 22, toPort: 22, protocol: "tcp" },
        { fromPort: 443, toPort: 443, protocol: "tcp", cidrs: ["192.0.2.2/32"] },
      ]);
      assert.deepEqual(await summary(), ["443-443/tcp 192.0.2.2/32", "22-22/tcp 0.0.0.0/0 ::/0"]);
    });

    it("changes nothing when one entry is invalid, naming that entry", async () => {
      await rejectsWith(
        put([{ fromPort: 22, toPort: 22, protocol: "tcp" }, { fromPort: 10, toPort: 70000, protocol: "tcp" }]),
        "InvalidInputException",
        /portInfos\[1\]\.toPort value 70000 is not valid for protocol tcp/,
      );
      assert.equal((await states()).length, 2);
    });

    it("leaves GetInstance byte-for-byte stable between calls", async () => {
      await put([{ fromPort: 50, toPort: 50, protocol: "tcp" }, { fromPort: 8, toPort: -1, protocol: "icmp" }]);
      const first = await t.lightsail.send(new GetInstanceCommand({ instanceName: "box" }));
      const second = await t.lightsail.send(new GetInstanceCommand({ instanceName: "box" }));
      assert.deepEqual(second.instance, first.instance);
    });

    it("answers NotFoundException for an unknown instance", async () => {
      await rejectsWith(put([], "ghost"), "NotFoundException", /Instance does not exist: ghost/);
    });
  });

  const invalid: [string, PortInfo, RegExp][] = [
    ["a port above 65535", { fromPort: 70000, toPort: 70000, protocol: "tcp" }, /portInfo\.fromPort value 70000 is not valid for protocol tcp; use an integer from 0 to 65535/],
    ["port -1 for tcp", { fromPort: -1, toPort: 22, protocol: "tcp" }, /portInfo\.fromPort value -1 is not valid for protocol tcp/],
    ["a fractional port", { fromPort: 22.5, toPort: 23, protocol: "tcp" }, /portInfo\.fromPort value 22\.5 is not valid/],
    ["fromPort above toPort", { fromPort: 100, toPort: 90, protocol: "tcp" }, /portInfo\.fromPort 100 is greater than its toPort 90/],
    ["an ICMP type above 255", { fromPort: 300, toPort: -1, protocol: "icmp" }, /portInfo\.fromPort value 300 is not valid for protocol icmp; use an integer from -1 to 255/],
    ["an unknown protocol", { fromPort: 22, toPort: 22, protocol: "sctp" as never }, /portInfo\.protocol value 'sctp' is not valid/],
    ["no protocol", { fromPort: 22, toPort: 22 }, /portInfo\.protocol parameter is required/],
    ["no toPort", { fromPort: 22, protocol: "tcp" }, /portInfo\.toPort parameter is required/],
    ["a prefix over 32", { fromPort: 22, toPort: 22, protocol: "tcp", cidrs: ["10.0.0.0/33"] }, /portInfo\.cidrs value '10\.0\.0\.0\/33' is not an IPv4 address or CIDR block/],
    ["a name as CIDR", { fromPort: 22, toPort: 22, protocol: "tcp", cidrs: ["example.com"] }, /portInfo\.cidrs value 'example\.com' is not an IPv4/],
    ["an IPv6 block in cidrs", { fromPort: 22, toPort: 22, protocol: "tcp", cidrs: ["::/0"] }, /portInfo\.cidrs value '::\/0' is not an IPv4/],
    ["an IPv4 block in ipv6Cidrs", { fromPort: 22, toPort: 22, protocol: "tcp", ipv6Cidrs: ["0.0.0.0/0"] }, /portInfo\.ipv6Cidrs value '0\.0\.0\.0\/0' is not an IPv6 address or CIDR block/],
    ["an IPv6 prefix over 128", { fromPort: 22, toPort: 22, protocol: "tcp", ipv6Cidrs: ["2001:db8::/129"] }, /portInfo\.ipv6Cidrs value '2001:db8::\/129' is not an IPv6/],
    ["an unknown alias", { fromPort: 22, toPort: 22, protocol: "tcp", cidrListAliases: ["everyone"] }, /portInfo\.cidrListAliases value 'everyone' is not a known alias \(lightsail-connect\)/],
  ];
  for (const [what, portInfo, message] of invalid) {
    it(`rejects ${what} in Open and Close with InvalidInputException`, async () => {
      const before = await states();
      await rejectsWith(open(portInfo), "InvalidInputException", message);
      await rejectsWith(close(portInfo), "InvalidInputException", message);
      assert.deepEqual(await states(), before);
    });
  }
});
