import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateBucketCommand,
  CreateInstancesCommand,
  GetInstanceCommand,
  GetOperationCommand,
  InvalidInputException,
  LightsailServiceException,
  NotFoundException,
} from "@aws-sdk/client-lightsail";
import { useTestSkiff } from "../helpers/skiff.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to fail");
}

describe("errors as SDK v3 sees them", () => {
  const t = useTestSkiff({}, { reset: false });

  it("raises the SDK's own NotFoundException class with status 404, request id and Lightsail members", async () => {
    const e = await caught(t.lightsail.send(new GetInstanceCommand({ instanceName: "ghost" })));
    assert.ok(e instanceof NotFoundException, `got ${(e as Error).constructor.name}`);
    assert.ok(e instanceof LightsailServiceException);
    assert.equal(e.name, "NotFoundException");
    assert.equal(e.message, "The Instance does not exist: ghost");
    assert.equal(e.$fault, "client");
    assert.equal(e.$metadata.httpStatusCode, 404);
    assert.match(e.$metadata.requestId ?? "", UUID);
    assert.equal(e.code, "DoesNotExist");
    assert.match(e.docs ?? "", /^https:\/\//);
    assert.ok((e.tip ?? "").length > 0);
  });

  it("raises NotFoundException for an unknown operation id", async () => {
    const e = await caught(t.lightsail.send(new GetOperationCommand({ operationId: "00000000-0000-4000-8000-000000000000" })));
    assert.ok(e instanceof NotFoundException);
    assert.match(e.message, /Operation does not exist: 00000000-0000-4000-8000-000000000000/);
  });

  it("raises the SDK's InvalidInputException class with status 400", async () => {
    const e = await caught(
      t.lightsail.send(new CreateInstancesCommand({ instanceNames: ["x1"], availabilityZone: "mars-1a", blueprintId: "amazon_linux_2023", bundleId: "nano_3_0" })),
    );
    assert.ok(e instanceof InvalidInputException, `got ${(e as Error).constructor.name}`);
    assert.equal(e.$metadata.httpStatusCode, 400);
    assert.match(e.message, /Availability Zone 'mars-1a' is not valid in region us-east-1/);
    assert.equal(e.code, "InvalidInput");
  });

  it("raises an enum value the SDK let through as InvalidInputException", async () => {
    const e = await caught(
      t.lightsail.send(
        new CreateInstancesCommand({
          instanceNames: ["x2"], availabilityZone: "us-east-1a", blueprintId: "amazon_linux_2023", bundleId: "nano_3_0", ipAddressType: "ipv9" as never,
        }),
      ),
    );
    assert.ok(e instanceof InvalidInputException);
    assert.match(e.message, /ipAddressType value 'ipv9' is not valid/);
  });

  it("raises an unimplemented operation as NotImplementedException with status 501, without retrying", async () => {
    const e = await caught(t.lightsail.send(new CreateBucketCommand({ bucketName: "b", bundleId: "small_1_0" })));
    assert.ok(e instanceof LightsailServiceException);
    assert.equal(e.name, "NotImplementedException");
    assert.equal(e.$metadata.httpStatusCode, 501);
    assert.equal(e.$metadata.attempts, 1);
    assert.match(e.message, /Skiff does not implement Lightsail CreateBucket/);
  });
});
