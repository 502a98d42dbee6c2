import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { rawCall } from "../helpers/raw.js";
import { useTestSkiff } from "../helpers/skiff.js";

const PROTOTYPE_NAMES = ["__proto__", "toString", "constructor", "hasOwnProperty", "valueOf", "__defineGetter__"];

const form = (endpoint: string, body: string) =>
  fetch(endpoint, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body }).then(async (r) => ({ status: r.status, text: await r.text() }));

describe("prototype names as operation, service, action or version", () => {
  const t = useTestSkiff({}, { reset: false });

  for (const name of PROTOTYPE_NAMES) {
    it(`answers the Lightsail operation ${name} as unknown (it answered 500)`, async () => {
      const reply = await rawCall(t.skiff.endpoint, `Lightsail_20161128.${name}`, "{}");
      assert.equal(reply.status, 400, reply.text);
      assert.equal(reply.body?.__type, "UnknownOperationException");
    });

    it(`answers the target prefix ${name} as no service`, async () => {
      const reply = await rawCall(t.skiff.endpoint, `${name}.GetInstances`, "{}");
      assert.equal(reply.status, 400, reply.text);
      assert.equal(reply.body?.__type, "UnknownOperationException");
    });

    it(`answers the EC2 Action ${name} with InvalidAction and the Version ${name} with NoSuchVersion`, async () => {
      const action = await form(t.skiff.endpoint, `Action=${name}&Version=2016-11-15`);
      assert.equal(action.status, 400, action.text);
      assert.match(action.text, /<Code>InvalidAction<\/Code>/);
      const version = await form(t.skiff.endpoint, `Action=DescribeVolumes&Version=${name}`);
      assert.equal(version.status, 400, version.text);
      assert.match(version.text, /<Code>NoSuchVersion<\/Code>/);
    });
  }
});
