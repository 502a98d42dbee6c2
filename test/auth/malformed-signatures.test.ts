import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startSkiff, type Skiff } from "../../src/skiff.js";

const KEY = { accessKeyId: "AKIAMALFORMEDTESTS01", secretAccessKey: "malformed-tests-secret-malformed-tests", account: "123456789012" };
const now = () => new Date().toISOString().replace(/[-:]|\.\d{3}/g, "");
const scope = (service = "lightsail") => `${KEY.accessKeyId}/${now().slice(0, 8)}/us-east-1/${service}/aws4_request`;
const sig = "0".repeat(64);

/** Authorization headers that cannot be checked, and the sentence that says why. */
const cases: [string, string, RegExp][] = [
  ["an empty header", "", /Unsupported Authorization type ''/],
  ["Signature Version 2", `AWS ${KEY.accessKeyId}:c2lnbmF0dXJl`, /Unsupported Authorization type 'AWS'/],
  ["SigV4a", `AWS4-ECDSA-P256-SHA256 Credential=${scope()}, SignedHeaders=host;x-amz-date, Signature=${sig}`, /Unsupported Authorization type 'AWS4-ECDSA-P256-SHA256'/],
  ["no Credential", `AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date, Signature=${sig}`, /requires 'Credential' parameter/],
  ["no Signature", `AWS4-HMAC-SHA256 Credential=${scope()}, SignedHeaders=host;x-amz-date`, /requires 'Signature' parameter/],
  ["a short credential", `AWS4-HMAC-SHA256 Credential=${KEY.accessKeyId}/us-east-1, SignedHeaders=host;x-amz-date, Signature=${sig}`, /is not <access key id>\/<yyyymmdd>/],
  ["host not signed", `AWS4-HMAC-SHA256 Credential=${scope()}, SignedHeaders=x-amz-date, Signature=${sig}`, /must include 'host'/],
  ["a signature that is not hex", `AWS4-HMAC-SHA256 Credential=${scope()}, SignedHeaders=host;x-amz-date, Signature=zz`, /64 lower-case hexadecimal digits/],
  ["only commas and equals", "AWS4-HMAC-SHA256 ,,,===,=,", /requires 'Credential' parameter/],
  ["prototype names as fields", `AWS4-HMAC-SHA256 __proto__=1, constructor=2, Credential=${scope()}, SignedHeaders=host;x-amz-date, Signature=${sig}`, /does not match|Signature expired/],
  ["1,000 signed headers", `AWS4-HMAC-SHA256 Credential=${scope()}, SignedHeaders=host;${Array.from({ length: 1_000 }, (_, i) => `h${i}`).join(";")}, Signature=${sig}`, /does not match/],
];

describe("malformed signatures are refused with IncompleteSignature, never a 500", () => {
  let skiff: Skiff;
  before(async () => {
    skiff = await startSkiff({ auth: "sigv4", bootstrapKey: KEY });
  });
  after(() => skiff.close());

  const post = (authorization: string, amzDate: string | null = now()) =>
    fetch(skiff.endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "Lightsail_20161128.GetInstances", authorization, ...(amzDate ? { "x-amz-date": amzDate } : {}) },
      body: "{}",
    });

  for (const [what, header, message] of cases) {
    it(`answers ${what} with a 4xx that says why`, async () => {
      const r = await post(header);
      const body = await r.json();
      assert.ok(r.status === 400 || r.status === 403, `${r.status} ${JSON.stringify(body)}`);
      assert.match(body.message, message);
      if (r.status === 400) assert.equal(body.__type, "IncompleteSignature");
    });
  }

  it("needs X-Amz-Date beside the Authorization header", async () => {
    const r = await post(`AWS4-HMAC-SHA256 Credential=${scope()}, SignedHeaders=host;x-amz-date, Signature=${sig}`, null);
    assert.equal(r.status, 400);
    assert.match((await r.json()).message, /requires existence of an 'X-Amz-Date' header/);
  });

  it("refuses a malformed X-Amz-Date", async () => {
    const r = await post(`AWS4-HMAC-SHA256 Credential=${scope()}, SignedHeaders=host;x-amz-date, Signature=${sig}`, "yesterday");
    assert.equal(r.status, 400);
    assert.match((await r.json()).message, /X-Amz-Date 'yesterday' is not an ISO-8601 basic date/);
  });

  it("refuses a credential dated another day than X-Amz-Date", async () => {
    const r = await post(`AWS4-HMAC-SHA256 Credential=${KEY.accessKeyId}/20200101/us-east-1/lightsail/aws4_request, SignedHeaders=host;x-amz-date, Signature=${sig}`);
    assert.equal(r.status, 403);
    assert.match((await r.json()).message, /Date in Credential scope does not match/);
  });

  it("refuses EC2 presigned URLs with a missing part or an Expires beyond a week", async () => {
    const base = `${skiff.endpoint}/?Action=DescribeKeyPairs&Version=2016-11-15&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${encodeURIComponent(scope("ec2"))}&X-Amz-Date=${now()}&X-Amz-SignedHeaders=host&X-Amz-Signature=${sig}`;
    const noExpires = await fetch(base);
    assert.equal(noExpires.status, 400);
    assert.match(await noExpires.text(), /<Code>IncompleteSignature<\/Code><Message>A presigned request requires the query parameter &apos;X-Amz-Expires&apos;|<Code>IncompleteSignature<\/Code><Message>A presigned request requires the query parameter 'X-Amz-Expires'/);
    const tooLong = await fetch(`${base}&X-Amz-Expires=604801`);
    assert.equal(tooLong.status, 400);
    assert.match(await tooLong.text(), /X-Amz-Expires must be a number of seconds from 1 to 604800/);
    const v2 = await fetch(`${skiff.endpoint}/?Action=DescribeKeyPairs&Version=2016-11-15&AWSAccessKeyId=${KEY.accessKeyId}&SignatureVersion=2&Signature=abc`);
    assert.equal(v2.status, 400);
    assert.match(await v2.text(), /Signature Version 2 is not accepted/);
  });
});
