import { EC2Client } from "@aws-sdk/client-ec2";
import { LightsailClient } from "@aws-sdk/client-lightsail";
import { after, before, beforeEach } from "node:test";
import { startSkiff, type Skiff } from "../../src/skiff.js";
import type { SkiffOptions } from "../../src/config.js";

export const credentials = { accessKeyId: "test", secretAccessKey: "test" };

export interface TestSkiff {
  skiff: Skiff;
  lightsail: LightsailClient;
  /** A Lightsail client for another region or account (a 12-digit access key is the account). */
  lightsailAs(region: string, accessKeyId?: string): LightsailClient;
  /** An EC2 client on the same endpoint (us-east-1, default account). */
  ec2: EC2Client;
  /** An EC2 client for another region or account (a 12-digit access key is the account). */
  ec2As(region: string, accessKeyId?: string): EC2Client;
  /** POST /_skiff/reset. */
  reset(): Promise<void>;
  /** POST /_skiff/clock with { advance }. */
  advance(duration: string | number): Promise<void>;
  admin(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** A real Skiff on a free port, in memory, and SDK clients pointed at it. */
export async function startTestSkiff(options: Partial<SkiffOptions> = {}): Promise<TestSkiff> {
  const skiff = await startSkiff({ port: 0, ...options });
  const clients: { destroy(): void }[] = [];
  const lightsailAs = (region: string, accessKeyId = credentials.accessKeyId) => {
    const c = new LightsailClient({ endpoint: skiff.endpoint, region, credentials: { ...credentials, accessKeyId }, maxAttempts: 1 });
    clients.push(c);
    return c;
  };
  const ec2As = (region: string, accessKeyId = credentials.accessKeyId) => {
    const c = new EC2Client({ endpoint: skiff.endpoint, region, credentials: { ...credentials, accessKeyId }, maxAttempts: 1 });
    clients.push(c);
    return c;
  };
  const admin = (path: string, init?: RequestInit) => fetch(`${skiff.endpoint}${path}`, init);
  return {
    skiff,
    lightsail: lightsailAs("us-east-1"),
    lightsailAs,
    ec2: ec2As("us-east-1"),
    ec2As,
    admin,
    async reset() {
      const r = await admin("/_skiff/reset", { method: "POST" });
      if (r.status !== 200) throw new Error(`reset answered ${r.status}`);
    },
    async advance(duration) {
      const r = await admin("/_skiff/clock", { method: "POST", body: JSON.stringify({ advance: duration }) });
      if (r.status !== 200) throw new Error(`clock advance answered ${r.status}: ${await r.text()}`);
    },
    async close() {
      for (const c of clients) c.destroy();
      await skiff.close();
    },
  };
}

/** Asserts that a promise rejects with an AWS error of this name, and returns the error. */
/**
 * The set-up every SDK-driven suite shares: a Skiff started before the tests of the enclosing
 * `describe`, closed after them and, unless `reset: false`, reset before each of them. Call it at
 * the top of the describe; hooks the suite registers after it run after its own (so a suite's
 * `beforeEach` sees a freshly reset Skiff). The handle reads through to the running Skiff, so it
 * is only usable inside hooks and tests.
 */
export function useTestSkiff(options: Partial<SkiffOptions> = {}, { reset = true }: { reset?: boolean } = {}): TestSkiff {
  let current: TestSkiff | undefined;
  before(async () => {
    current = await startTestSkiff(options);
  });
  after(() => current?.close());
  if (reset) beforeEach(() => current!.reset());
  const started = (key: PropertyKey) => {
    if (!current) throw new Error(`useTestSkiff: ${String(key)} read before the suite's before hook started Skiff`);
    return current;
  };
  // Reads, and spreads (`{ ...t, lightsail: other }`), go to the Skiff of the running suite.
  return new Proxy({} as TestSkiff, {
    get: (_, key) => Reflect.get(started(key), key),
    ownKeys: () => Reflect.ownKeys(started("its keys")),
    getOwnPropertyDescriptor(_, key) {
      const d = Reflect.getOwnPropertyDescriptor(started(key), key);
      return d && { ...d, configurable: true };
    },
  });
}

export async function rejectsWith(promise: Promise<unknown>, name: string, message?: RegExp): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (e) {
    const err = e as Error & Record<string, unknown>;
    if (err.name !== name) throw new Error(`expected ${name} but got ${err.name}: ${err.message}`);
    if (message && !message.test(err.message)) throw new Error(`expected a message matching ${message} but got: ${err.message}`);
    return err;
  }
  throw new Error(`expected ${name} but the call succeeded`);
}
