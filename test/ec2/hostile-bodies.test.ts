import assert from "node:assert/strict";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { describe, it } from "node:test";
import { CreateKeyPairCommand, DescribeKeyPairsCommand } from "@aws-sdk/client-ec2";
import { useTestSkiff } from "../helpers/skiff.js";

const FORM = { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" };
const code = (xml: string) => /<Code>([^<]*)<\/Code>/.exec(xml)?.[1];
const message = (xml: string) => /<Message>([^<]*)<\/Message>/.exec(xml)?.[1] ?? "";
const list = (n: number, item: (i: number) => string) => Array.from({ length: n }, (_, k) => item(k + 1)).join("&");

/**
 * The bodies of issue 10 (about 0.9 MB, thousands of list members), which were decoded in
 * quadratic time (15–130 s), and the bounds that refuse them now: at most 10,000 parameters a
 * request, 1,000 members a list.
 */
const hostile: [string, string, string, RegExp][] = [
  ["CreateKeyPair with 10,000 TagSpecifications", `Action=CreateKeyPair&Version=2016-11-15&KeyName=k&${list(10_000, (i) => `TagSpecification.${i}.ResourceType=key-pair${"-".repeat(50)}`)}`, "InvalidParameterValue", /The request has 10003 parameters; at most 10000 are accepted/],
  ["CreateSnapshots with 5,000 TagSpecifications", `Action=CreateSnapshots&Version=2016-11-15&InstanceSpecification.InstanceId=i-0123456789abcdef0&${list(5_000, (i) => `TagSpecification.${i}.Tag.1.Key=${"k".repeat(140)}`)}`, "InvalidParameterValue", /TagSpecification has 5000 members; at most 1000 are accepted/],
  ["CreateVolume with 4,000 TagSpecifications", `Action=CreateVolume&Version=2016-11-15&AvailabilityZone=us-east-1a&Size=1&${list(4_000, (i) => `TagSpecification.${i}.ResourceType=volume&TagSpecification.${i}.Tag.1.Key=${"k".repeat(150)}`)}`, "InvalidParameterValue", /TagSpecification has 4000 members; at most 1000 are accepted/],
  ["RunInstances with 5,000 NetworkInterfaces", `Action=RunInstances&Version=2016-11-15&ImageId=ami-0123456789abcdef0&MinCount=1&MaxCount=1&${list(5_000, (i) => `NetworkInterface.${i}.SubnetId=subnet-${"0".repeat(150)}`)}`, "InvalidParameterValue", /NetworkInterface has 5000 members; at most 1000 are accepted/],
  ["CreateKeyPair with 60,000 parameters", `Action=CreateKeyPair&Version=2016-11-15&KeyName=k&${list(60_000, (i) => `X${i}=1`)}`, "InvalidParameterValue", /The request has 60003 parameters; at most 10000 are accepted/],
];

describe("hostile EC2 form bodies", () => {
  const t = useTestSkiff({}, { reset: false });

  const post = (body: string) => fetch(t.skiff.endpoint, { method: "POST", headers: FORM, body }).then(async (r) => ({ status: r.status, text: await r.text() }));

  for (const [what, body, expected, text] of hostile) {
    it(`refuses ${what} (${(body.length / 1e6).toFixed(2)} MB) with ${expected}, holding the event loop under 50 ms while another client is answered`, async () => {
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const [reply, other] = await Promise.all([post(body), t.ec2.send(new DescribeKeyPairsCommand({}))]);
      delay.disable();
      assert.equal(reply.status, 400, reply.text.slice(0, 300));
      assert.equal(code(reply.text), expected);
      assert.match(message(reply.text), text);
      assert.deepEqual(other.KeyPairs, []);
      assert.ok(delay.max / 1e6 < 50, `the event loop was held ${(delay.max / 1e6).toFixed(1)} ms`);
    });
  }

  it("refuses a form body over 1 MiB with a 413 in EC2's envelope", async () => {
    const reply = await post(`Action=ImportKeyPair&Version=2016-11-15&KeyName=k&PublicKeyMaterial=${"A".repeat(1_100_000)}`);
    assert.equal(reply.status, 413);
    assert.equal(code(reply.text), "RequestEntityTooLargeException");
    assert.match(reply.text, /<Response><Errors><Error>/);
  });

  it("decodes a megabyte of + signs in under 50 ms of event loop (URLSearchParams took over 100 ms)", async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const reply = await post(`Action=CreateKeyPair&Version=2016-11-15&KeyName=${"+".repeat(1_000_000)}`);
    delay.disable();
    assert.equal(reply.status, 400);
    assert.ok(delay.max / 1e6 < 50, `the event loop was held ${(delay.max / 1e6).toFixed(1)} ms`);
  });

  it("takes 50 tags on a resource and refuses 51 with TagLimitExceeded", async () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    const made = await t.ec2.send(new CreateKeyPairCommand({ KeyName: "fifty", TagSpecifications: [{ ResourceType: "key-pair", Tags: tags(50) }] }));
    assert.equal(made.Tags?.length, 50);
    await assert.rejects(t.ec2.send(new CreateKeyPairCommand({ KeyName: "fifty-one", TagSpecifications: [{ ResourceType: "key-pair", Tags: tags(51) }] })), (e: Error) => {
      assert.equal(e.name, "TagLimitExceeded");
      assert.match(e.message, /The maximum number of Tags for a resource has been reached/);
      return true;
    });
  });

  it("answers odd list indexes as unknown parameters, and takes gaps in index order", async () => {
    for (const index of ["0", "-1", "01", "x", "123456789012345678901"]) {
      const reply = await post(`Action=DescribeKeyPairs&Version=2016-11-15&KeyName.${index}=k`);
      assert.equal(reply.status, 400, index);
      assert.equal(code(reply.text), "UnknownParameter", index);
      assert.match(message(reply.text), new RegExp(`The parameter KeyName\\.${index.replace("-", "\\-")} is not recognized`));
    }
    const gaps = await post("Action=DescribeKeyPairs&Version=2016-11-15&KeyName.3=b&KeyName.1=a");
    assert.equal(code(gaps.text), "InvalidKeyPair.NotFound");
    assert.match(message(gaps.text), /'a'/);
  });

  it("answers parameter names with thousands of dots as unknown, without running out of stack", async () => {
    const reply = await post(`Action=DescribeKeyPairs&Version=2016-11-15&${"a.".repeat(200_000)}b=1`);
    assert.equal(reply.status, 400);
    assert.equal(code(reply.text), "UnknownParameter");
  });
});
