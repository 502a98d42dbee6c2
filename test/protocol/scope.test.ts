import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GetInstanceCommand, GetInstancesCommand } from "@aws-sdk/client-lightsail";
import { authorization, lightsailCall } from "../helpers/raw.js";
import { rejectsWith, useTestSkiff } from "../helpers/skiff.js";

const base = { blueprintId: "amazon_linux_2023", bundleId: "nano_3_0" };

describe("account and region of a request", () => {
  const t = useTestSkiff();

  it("takes the region from the SigV4 credential scope and the account from a 12-digit access key", async () => {
    const headers = { Authorization: authorization("123456789012", "eu-west-2") };
    const created = await lightsailCall(t.skiff.endpoint, "CreateInstances", { ...base, instanceNames: ["london"], availabilityZone: "eu-west-2a" }, headers);
    assert.equal(created.status, 200, created.text);
    const { instance } = await t.lightsailAs("eu-west-2", "123456789012").send(new GetInstanceCommand({ instanceName: "london" }));
    assert.match(instance!.arn!, /^arn:aws:lightsail:eu-west-2:123456789012:Instance\//);
    assert.deepEqual(instance!.location, { availabilityZone: "eu-west-2a", regionName: "eu-west-2" });
    await rejectsWith(t.lightsailAs("eu-west-2").send(new GetInstanceCommand({ instanceName: "london" })), "NotFoundException", /london/);
    await rejectsWith(t.lightsailAs("us-east-1", "123456789012").send(new GetInstanceCommand({ instanceName: "london" })), "NotFoundException", /london/);
  });

  it("maps an access key that is not 12 digits to account 000000000000", async () => {
    const headers = { Authorization: authorization("AKIAIOSFODNN7EXAMPLE", "us-west-2") };
    const created = await lightsailCall(t.skiff.endpoint, "CreateInstances", { ...base, instanceNames: ["oregon"], availabilityZone: "us-west-2a" }, headers);
    assert.equal(created.status, 200, created.text);
    const { instance } = await t.lightsailAs("us-west-2", "some-other-key").send(new GetInstanceCommand({ instanceName: "oregon" }));
    assert.match(instance!.arn!, /^arn:aws:lightsail:us-west-2:000000000000:Instance\//);
  });

  it("uses us-east-1 and account 000000000000 for an unsigned request", async () => {
    const created = await lightsailCall(t.skiff.endpoint, "CreateInstances", { ...base, instanceNames: ["plain"], availabilityZone: "us-east-1a" });
    assert.equal(created.status, 200, created.text);
    const { instances } = await t.lightsail.send(new GetInstancesCommand({}));
    assert.deepEqual(instances?.map((i) => [i.name, i.arn?.split(":").slice(3, 5).join(":")]), [["plain", "us-east-1:000000000000"]]);
  });

  it("rejects a zone of another region than the credential scope's", async () => {
    const headers = { Authorization: authorization("123456789012", "eu-west-2") };
    const reply = await lightsailCall(t.skiff.endpoint, "CreateInstances", { ...base, instanceNames: ["lost"], availabilityZone: "us-east-1a" }, headers);
    assert.equal(reply.status, 400);
    assert.match(String(reply.body?.message), /Availability Zone 'us-east-1a' is not valid in region eu-west-2/);
  });
});
