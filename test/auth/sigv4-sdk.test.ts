import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { CreateInstancesCommand, GetInstanceCommand, GetInstancesCommand, LightsailClient } from "@aws-sdk/client-lightsail";
import { DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { startSkiff, type Skiff } from "../../src/skiff.js";
import { adminFetch, presignedUrl, signedFetch, type Key } from "../helpers/signed.js";
import { rejectsWith } from "../helpers/skiff.js";

const ADMIN: Key & { account: string } = { accessKeyId: "AKIASKIFFADMIN000001", secretAccessKey: "admin-secret-admin-secret-0001", account: "111122223333" };
const base = { availabilityZone: "eu-west-2a", blueprintId: "amazon_linux_2023", bundleId: "nano_3_0" };

describe("--auth sigv4 through the AWS SDK for JavaScript v3", () => {
  let skiff: Skiff;
  let user: Key & { account: string };
  const clients: { destroy(): void }[] = [];
  const track = <C extends { destroy(): void }>(c: C) => (clients.push(c), c);
  const lightsail = (key: Key, extra: object = {}) => track(new LightsailClient({ endpoint: skiff.endpoint, region: "eu-west-2", credentials: key, maxAttempts: 1, ...extra }));
  const ec2 = (key: Key, extra: object = {}) => track(new EC2Client({ endpoint: skiff.endpoint, region: "eu-west-2", credentials: key, maxAttempts: 1, ...extra }));
  const sts = (key: Key, extra: object = {}) => track(new STSClient({ endpoint: skiff.endpoint, region: "eu-west-2", credentials: key, maxAttempts: 1, ...extra }));

  before(async () => {
    skiff = await startSkiff({ auth: "sigv4", bootstrapKey: ADMIN });
    const created = await adminFetch(skiff.endpoint, ADMIN, "POST", "/_skiff/keys", { account: "444455556666" });
    assert.equal(created.status, 200);
    user = await created.json();
  });
  after(async () => {
    for (const c of clients) c.destroy();
    await skiff.close();
  });

  it("creates AWS-style keys: AKIA and 16 characters, a 40-character secret, the account asked for", () => {
    assert.match(user.accessKeyId, /^AKIA[A-Z2-7]{16}$/);
    assert.equal(user.secretAccessKey.length, 40);
    assert.equal(user.account, "444455556666");
  });

  it("accepts a rightly signed call of each service, in the key's account", async () => {
    await lightsail(user).send(new CreateInstancesCommand({ ...base, instanceNames: ["signed"] }));
    const { instance } = await lightsail(user).send(new GetInstanceCommand({ instanceName: "signed" }));
    assert.match(instance!.arn!, /^arn:aws:lightsail:eu-west-2:444455556666:Instance\//);
    const { KeyPairs } = await ec2(user).send(new DescribeKeyPairsCommand({}));
    assert.deepEqual(KeyPairs, []);
  });

  it("keeps accounts apart by key: another account's key does not see the instance", async () => {
    const { instances } = await lightsail(ADMIN).send(new GetInstancesCommand({}));
    assert.deepEqual(instances?.map((i) => i.name), []);
  });

  it("answers GetCallerIdentity with the signing key's account, ARN and user id", async () => {
    const identity = await sts(user).send(new GetCallerIdentityCommand({}));
    assert.equal(identity.Account, "444455556666");
    assert.equal(identity.Arn, `arn:aws:iam::444455556666:user/${user.accessKeyId}`);
    assert.equal(identity.UserId, user.accessKeyId);
  });

  it("refuses a wrong secret with each service's signature error", async () => {
    const wrong = { ...user, secretAccessKey: "not-the-secret-not-the-secret-000000" };
    const e1 = await rejectsWith(lightsail(wrong).send(new GetInstancesCommand({})), "InvalidSignatureException", /does not match the signature you provided/);
    assert.equal((e1.$metadata as { httpStatusCode: number }).httpStatusCode, 403);
    const e2 = await rejectsWith(ec2(wrong).send(new DescribeKeyPairsCommand({})), "SignatureDoesNotMatch", /does not match/);
    assert.equal((e2.$metadata as { httpStatusCode: number }).httpStatusCode, 403);
    await rejectsWith(sts(wrong).send(new GetCallerIdentityCommand({})), "SignatureDoesNotMatch", /does not match/);
  });

  it("refuses an unknown key, even one of 12 digits (with auth on the account is never the key id)", async () => {
    const unknown = { accessKeyId: "123456789012", secretAccessKey: "whatever-whatever-whatever" };
    const e1 = await rejectsWith(lightsail(unknown).send(new GetInstancesCommand({})), "InvalidClientTokenId", /security token included in the request is invalid/);
    assert.equal((e1.$metadata as { httpStatusCode: number }).httpStatusCode, 403);
    const e2 = await rejectsWith(ec2(unknown).send(new DescribeKeyPairsCommand({})), "AuthFailure", /not able to validate the provided access credentials/);
    assert.equal((e2.$metadata as { httpStatusCode: number }).httpStatusCode, 401);
    await rejectsWith(sts(unknown).send(new GetCallerIdentityCommand({})), "InvalidClientTokenId");
  });

  it("refuses a signature dated over 15 minutes ago (the SDK's clock offset), then the SDK corrects its clock from the answer's Date", async () => {
    const skewed = lightsail(user, { systemClockOffset: -20 * 60_000 });
    await rejectsWith(skewed.send(new GetInstancesCommand({})), "RequestExpired", /Signature expired/);
    await skewed.send(new GetInstancesCommand({}));
    await rejectsWith(ec2(user, { systemClockOffset: 20 * 60_000 }).send(new DescribeKeyPairsCommand({})), "RequestExpired", /not yet current/);
  });

  it("uses the host's time, not the Skiff clock, for signature dates", async () => {
    const moved = await adminFetch(skiff.endpoint, ADMIN, "POST", "/_skiff/clock", { advance: "1d" });
    assert.equal(moved.status, 200);
    await lightsail(user).send(new GetInstancesCommand({}));
  });

  it("refuses a signature scoped to another service", async () => {
    const r = await signedFetch(skiff.endpoint, user, {
      service: "ec2",
      region: "eu-west-2",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "Lightsail_20161128.GetInstances" },
      body: "{}",
    });
    assert.equal(r.status, 403);
    const body = await r.json();
    assert.equal(body.__type, "InvalidSignatureException");
    assert.match(body.message, /Credential should be scoped to correct service: 'lightsail'/);
  });

  it("refuses an unsigned request with MissingAuthenticationToken in each protocol's envelope", async () => {
    const json = await fetch(skiff.endpoint, { method: "POST", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "Lightsail_20161128.GetInstances" }, body: "{}" });
    assert.equal(json.status, 403);
    assert.equal((await json.json()).__type, "MissingAuthenticationToken");
    const xml = await fetch(skiff.endpoint, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "Action=DescribeKeyPairs&Version=2016-11-15" });
    assert.equal(xml.status, 401);
    assert.match(await xml.text(), /<Response><Errors><Error><Code>MissingAuthenticationToken<\/Code>/);
  });

  it("refuses a malformed Authorization header with IncompleteSignature naming what is missing", async () => {
    const r = await fetch(skiff.endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "Lightsail_20161128.GetInstances", authorization: `AWS4-HMAC-SHA256 Credential=${user.accessKeyId}/20261207/eu-west-2/lightsail/aws4_request` },
      body: "{}",
    });
    assert.equal(r.status, 400);
    const body = await r.json();
    assert.equal(body.__type, "IncompleteSignature");
    assert.match(body.message, /requires 'SignedHeaders' parameter/);
  });

  it("accepts a presigned EC2 URL and refuses it tampered with or expired", async () => {
    const query = { Action: "DescribeKeyPairs", Version: "2016-11-15" };
    const url = await presignedUrl(skiff.endpoint, user, { service: "ec2", region: "eu-west-2", query });
    const ok = await fetch(url);
    assert.equal(ok.status, 200, await ok.clone().text());
    assert.match(await ok.text(), /<DescribeKeyPairsResponse/);
    const tampered = await fetch(url.replace("DescribeKeyPairs", "DescribeVolumes"));
    assert.equal(tampered.status, 403);
    assert.match(await tampered.text(), /<Code>SignatureDoesNotMatch<\/Code>/);
    const old = await presignedUrl(skiff.endpoint, user, { service: "ec2", region: "eu-west-2", query, expiresIn: 60, signingDate: new Date(Date.now() - 120_000) });
    const expired = await fetch(old);
    assert.equal(expired.status, 400);
    assert.match(await expired.text(), /<Code>RequestExpired<\/Code>/);
  });

  it("lets only admin keys call /_skiff/", async () => {
    const unsigned = await fetch(`${skiff.endpoint}/_skiff/health`);
    assert.equal(unsigned.status, 403);
    assert.equal((await unsigned.json()).__type, "MissingAuthenticationToken");
    const notAdmin = await adminFetch(skiff.endpoint, user, "POST", "/_skiff/reset");
    assert.equal(notAdmin.status, 403);
    assert.equal((await notAdmin.json()).__type, "AccessDeniedException");
    const health = await adminFetch(skiff.endpoint, ADMIN, "GET", "/_skiff/health");
    assert.equal(health.status, 200);
    assert.equal((await health.json()).status, "ok");
  });

  it("lists keys without secrets, and a deleted key is refused at once", async () => {
    const extra = await (await adminFetch(skiff.endpoint, ADMIN, "POST", "/_skiff/keys", { account: "777788889999" })).json();
    await sts(extra).send(new GetCallerIdentityCommand({}));
    const listed = await (await adminFetch(skiff.endpoint, ADMIN, "GET", "/_skiff/keys")).json();
    assert.deepEqual(listed.keys.map((k: { account: string }) => k.account), ["111122223333", "444455556666", "777788889999"]);
    assert.ok(listed.keys.every((k: object) => !("secretAccessKey" in k)));
    assert.equal((await adminFetch(skiff.endpoint, ADMIN, "DELETE", `/_skiff/keys/${extra.accessKeyId}`)).status, 200);
    await rejectsWith(sts(extra).send(new GetCallerIdentityCommand({})), "InvalidClientTokenId");
  });

  it("keeps keys across /_skiff/reset", async () => {
    assert.equal((await adminFetch(skiff.endpoint, ADMIN, "POST", "/_skiff/reset")).status, 200);
    const identity = await sts(user).send(new GetCallerIdentityCommand({}));
    assert.equal(identity.Account, "444455556666");
  });
});
