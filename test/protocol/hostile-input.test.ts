import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lightsailCall, rawCall } from "../helpers/raw.js";
import { useTestSkiff } from "../helpers/skiff.js";

/** Answers to input no SDK sends, found by the fuzz suite (test/fuzz): each must be a 4xx in the protocol's envelope. */
describe("hostile input on both wire protocols", () => {
  const t = useTestSkiff({}, { reset: false });

  const ec2 = async (body: string) => {
    const r = await fetch(t.skiff.endpoint, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
    const text = await r.text();
    return { status: r.status, text, code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1], message: /<Message>([^<]*)<\/Message>/.exec(text)?.[1] };
  };

  it("answers a Lightsail member nested 20,000 deep with 400 SerializationException (it was a 500: JSON.stringify overflowed)", async () => {
    const reply = await rawCall(t.skiff.endpoint, "Lightsail_20161128.GetInstance", `{"instanceName":${"[".repeat(20_000)}${"]".repeat(20_000)}}`);
    assert.equal(reply.status, 400, reply.text);
    assert.equal(reply.body?.__type, "SerializationException");
    assert.match(String(reply.body?.message), /^Member 'instanceName' must be a string, but the request has array \[\[\[…\]\]\]\.$/);
  });

  it("refuses a Lightsail body of 1.3 million empty arrays with 400 SerializationException before parsing it", async () => {
    const reply = await rawCall(t.skiff.endpoint, "Lightsail_20161128.GetInstances", `[${"[],".repeat(1_300_000)}[]]`);
    assert.equal(reply.status, 400, reply.text.slice(0, 300));
    assert.equal(reply.body?.__type, "SerializationException");
    assert.match(String(reply.body?.message), /more than 50000 JSON values/);
  });

  it("quotes a 4 MB Lightsail page token in a message of at most about 1 KiB", async () => {
    const token = "t".repeat(4_000_000);
    const reply = await lightsailCall(t.skiff.endpoint, "GetInstances", { pageToken: token });
    assert.equal(reply.status, 400);
    assert.equal(reply.body?.__type, "InvalidInputException");
    assert.ok(reply.text.length < 3_000, `the answer has ${reply.text.length} characters`);
    assert.match(String(reply.body?.message), /^The page token 't{1000,}… \(\d+ characters in all\)$/);
  });

  it("quotes a 300,000 character EC2 filter name in a message of at most about 1 KiB", async () => {
    const reply = await ec2(`Action=DescribeVolumes&Version=2016-11-15&Filter.1.Name=${"%3C%26%3E".repeat(100_000)}&Filter.1.Value.1=x`);
    assert.equal(reply.status, 400);
    assert.equal(reply.code, "InvalidParameterValue");
    assert.ok(reply.text.length < 6_000, `the answer has ${reply.text.length} characters`);
    assert.match(reply.message ?? "", /^The filter '(&lt;&amp;&gt;)+.*… \(\d+ characters in all\)$/);
  });

  it("quotes a 1 MB EC2 parameter name the decoder does not know in a short message", async () => {
    const reply = await ec2(`Action=DescribeVolumes&Version=2016-11-15&${"P".repeat(1_000_000)}=1`);
    assert.equal(reply.status, 400);
    assert.equal(reply.code, "UnknownParameter");
    assert.ok(reply.text.length < 3_000, `the answer has ${reply.text.length} characters`);
  });
});
