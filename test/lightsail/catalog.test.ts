import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GetBlueprintsCommand, GetBundlesCommand, GetRegionsCommand } from "@aws-sdk/client-lightsail";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";
import { allPages, paginateGetBlueprints, paginateGetBundles } from "../helpers/paginators.js";

const LIGHTSAIL_REGIONS = [
  "us-east-1", "us-east-2", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1",
  "eu-south-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-5", "ap-northeast-1",
  "ap-northeast-2", "ap-east-1", "sa-east-1",
];

describe("Catalog", () => {
  const t = useTestSkiff({}, { reset: false });
  const small = useTestSkiff({ pageSize: 5 }, { reset: false });

  describe("GetRegions", () => {
    it("lists every Lightsail region whichever region the client signs for", async () => {
      const fromVirginia = await t.lightsail.send(new GetRegionsCommand({}));
      const fromTokyo = await t.lightsailAs("ap-northeast-1").send(new GetRegionsCommand({}));
      assert.deepEqual(fromVirginia.regions?.map((r) => r.name), LIGHTSAIL_REGIONS);
      assert.deepEqual(fromTokyo.regions, fromVirginia.regions);
    });

    it("describes a region and leaves the zone lists empty unless asked", async () => {
      const { regions } = await t.lightsail.send(new GetRegionsCommand({}));
      assert.deepEqual(regions?.find((r) => r.name === "us-west-2"), {
        continentCode: "NA",
        description: "This region is recommended to serve users in the northwestern United States, Alaska, and western Canada",
        displayName: "Oregon",
        name: "us-west-2",
        availabilityZones: [],
        relationalDatabaseAvailabilityZones: [],
      });
    });

    it("lists each region's Availability Zones as available with includeAvailabilityZones", async () => {
      const { regions } = await t.lightsail.send(new GetRegionsCommand({ includeAvailabilityZones: true }));
      const oregon = regions?.find((r) => r.name === "us-west-2");
      assert.deepEqual(oregon?.availabilityZones, ["a", "b", "c", "d"].map((l) => ({ zoneName: `us-west-2${l}`, state: "available" })));
      assert.deepEqual(oregon?.relationalDatabaseAvailabilityZones, []);
      for (const r of regions!) {
        assert.ok(r.availabilityZones!.length >= 3, `${r.name} has zones`);
        for (const z of r.availabilityZones!) assert.ok(z.zoneName!.startsWith(r.name!), `${z.zoneName} is in ${r.name}`);
      }
    });

    it("lists the database zones only with includeRelationalDatabaseAvailabilityZones", async () => {
      const { regions } = await t.lightsail.send(new GetRegionsCommand({ includeRelationalDatabaseAvailabilityZones: true }));
      const tokyo = regions?.find((r) => r.name === "ap-northeast-1");
      assert.deepEqual(tokyo?.availabilityZones, []);
      assert.deepEqual(tokyo?.relationalDatabaseAvailabilityZones?.map((z) => z.zoneName), ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"]);
    });

    it("rejects a non-boolean includeAvailabilityZones", async () => {
      await rejectsWith(
        t.lightsail.send(new GetRegionsCommand({ includeAvailabilityZones: "yes" as never })),
        "SerializationException",
        /includeAvailabilityZones/,
      );
    });
  });

  describe("GetBlueprints", () => {
    it("returns the Blueprint shape of the real service", async () => {
      const { blueprints, nextPageToken } = await t.lightsail.send(new GetBlueprintsCommand({}));
      assert.equal(nextPageToken, undefined);
      const wordpress = blueprints?.find((b) => b.blueprintId === "wordpress");
      assert.ok(wordpress);
      assert.deepEqual(Object.keys(wordpress).sort(), [
        "blueprintId", "description", "group", "isActive", "licenseUrl", "minPower", "name", "platform", "productUrl", "type", "version", "versionCode",
      ]);
      assert.equal(wordpress.name, "WordPress");
      assert.equal(wordpress.group, "wordpress");
      assert.equal(wordpress.type, "app");
      assert.equal(wordpress.version, "6.5.3-0");
      assert.equal(wordpress.versionCode, "1");
      assert.equal(wordpress.minPower, 0);
      assert.equal(wordpress.platform, "LINUX_UNIX");
      assert.equal(blueprints?.find((b) => b.blueprintId === "windows_server_2022")?.platform, "WINDOWS");
      assert.equal(blueprints?.find((b) => b.blueprintId === "gitlab")?.minPower, 1000);
    });

    it("hides inactive blueprints unless includeInactive is set", async () => {
      const active = (await t.lightsail.send(new GetBlueprintsCommand({}))).blueprints!;
      assert.ok(active.every((b) => b.isActive === true));
      assert.ok(!active.some((b) => b.blueprintId === "amazon_linux"));
      const all = (await t.lightsail.send(new GetBlueprintsCommand({ includeInactive: true }))).blueprints!;
      const legacy = all.find((b) => b.blueprintId === "amazon_linux");
      assert.equal(legacy?.isActive, false);
      assert.deepEqual(all.filter((b) => b.isActive).map((b) => b.blueprintId), active.map((b) => b.blueprintId));
      assert.ok(all.length > active.length);
    });

    it("lists only Lightsail for Research blueprints with appCategory LfR, of which Skiff has none", async () => {
      const { blueprints } = await t.lightsail.send(new GetBlueprintsCommand({ appCategory: "LfR" }));
      assert.deepEqual(blueprints, []);
      const standard = (await t.lightsail.send(new GetBlueprintsCommand({}))).blueprints!;
      assert.ok(standard.every((b) => b.appCategory === undefined));
    });

    it("rejects an appCategory outside the enum", async () => {
      await rejectsWith(t.lightsail.send(new GetBlueprintsCommand({ appCategory: "Research" as never })), "InvalidInputException", /Research/);
    });

    it("pages through every blueprint with the paginator, the same list as one big page", async () => {
      for (const includeInactive of [false, true]) {
        const whole = (await t.lightsail.send(new GetBlueprintsCommand({ includeInactive }))).blueprints!;
        const pages = await allPages(paginateGetBlueprints({ client: small.lightsail }, { includeInactive }));
        assert.equal(pages.length, Math.ceil(whole.length / 5));
        for (const p of pages.slice(0, -1)) assert.equal(p.blueprints?.length, 5);
        assert.equal(pages.at(-1)?.nextPageToken, undefined);
        assert.deepEqual(pages.flatMap((p) => p.blueprints), whole);
      }
    });

    it("rejects a page token it did not issue", async () => {
      await rejectsWith(
        small.lightsail.send(new GetBlueprintsCommand({ pageToken: "not-a-token" })),
        "InvalidInputException",
        /page token 'not-a-token' is not valid/,
      );
    });
  });

  describe("GetBundles", () => {
    it("returns the Bundle shape of the real service", async () => {
      const { bundles, nextPageToken } = await t.lightsail.send(new GetBundlesCommand({}));
      assert.equal(nextPageToken, undefined);
      assert.deepEqual(bundles?.find((b) => b.bundleId === "nano_3_0"), {
        price: 5,
        cpuCount: 2,
        diskSizeInGb: 20,
        bundleId: "nano_3_0",
        instanceType: "nano",
        isActive: true,
        name: "Nano",
        power: 298,
        ramSizeInGb: 0.5,
        transferPerMonthInGb: 1024,
        supportedPlatforms: ["LINUX_UNIX"],
        publicIpv4AddressCount: 1,
      });
      assert.deepEqual(bundles?.find((b) => b.bundleId === "small_win_3_0")?.supportedPlatforms, ["WINDOWS"]);
      assert.equal(bundles?.find((b) => b.bundleId === "nano_ipv6_3_0")?.publicIpv4AddressCount, 0);
    });

    it("hides inactive bundles unless includeInactive is set", async () => {
      const active = (await t.lightsail.send(new GetBundlesCommand({}))).bundles!;
      assert.ok(active.every((b) => b.isActive === true));
      assert.ok(!active.some((b) => b.bundleId === "nano_2_0"));
      const all = (await t.lightsail.send(new GetBundlesCommand({ includeInactive: true }))).bundles!;
      assert.equal(all.find((b) => b.bundleId === "nano_2_0")?.isActive, false);
      assert.deepEqual(all.filter((b) => b.isActive).map((b) => b.bundleId), active.map((b) => b.bundleId));
    });

    it("lists only Lightsail for Research bundles with appCategory LfR, of which Skiff has none", async () => {
      const { bundles } = await t.lightsail.send(new GetBundlesCommand({ appCategory: "LfR", includeInactive: true }));
      assert.deepEqual(bundles, []);
    });

    it("pages through every bundle with the paginator, the same list as one big page", async () => {
      for (const includeInactive of [false, true]) {
        const whole = (await t.lightsail.send(new GetBundlesCommand({ includeInactive }))).bundles!;
        const pages = await allPages(paginateGetBundles({ client: small.lightsail }, { includeInactive }));
        assert.equal(pages.length, Math.ceil(whole.length / 5));
        for (const p of pages.slice(0, -1)) assert.equal(p.bundles?.length, 5);
        assert.deepEqual(pages.flatMap((p) => p.bundles), whole);
      }
    });

    it("rejects a page token it did not issue, even one that decodes to a position past the end", async () => {
      await rejectsWith(small.lightsail.send(new GetBundlesCommand({ pageToken: "%%%" })), "InvalidInputException", /page token '%%%' is not valid/);
      const pastTheEnd = Buffer.from("9999").toString("base64url");
      await rejectsWith(
        small.lightsail.send(new GetBundlesCommand({ pageToken: pastTheEnd })),
        "InvalidInputException",
        new RegExp(`page token '${pastTheEnd}' is not valid`),
      );
    });
  });
});
