import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { CreateInstancesCommand, GetInstanceCommand, GetInstancesCommand, GetOperationCommand, GetOperationsCommand } from "@aws-sdk/client-lightsail";
import { useTestSkiff } from "./helpers/skiff.js";
import { waitFor, within } from "./helpers/wait.js";

const base = { availabilityZone: "us-east-1a", blueprintId: "amazon_linux_2023", bundleId: "nano_3_0" };
const DAY = 86_400_000;
const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

interface ClockState {
  now: string;
  epochMs: number;
}

describe("admin API", () => {
  const t = useTestSkiff({}, { reset: false });

  const getJson = async (path: string, init?: RequestInit) => {
    const r = await t.admin(path, init);
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const clock = async () => (await getJson("/_skiff/clock")).body as unknown as ClockState;
  const moveClock = (body: unknown) => getJson("/_skiff/clock", { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) });

  it("reports health: version, driver, store and uptime", async () => {
    const { status, body } = await getJson("/_skiff/health");
    assert.equal(status, 200);
    assert.equal(body.status, "ok");
    assert.equal(body.version, version);
    assert.equal(body.driver, "sim");
    assert.deepEqual(body.store, { engine: "sqlite", location: ":memory:" });
    assert.ok(Number.isInteger(body.uptimeSeconds) && (body.uptimeSeconds as number) >= 0, `uptimeSeconds ${body.uptimeSeconds}`);
    assert.match((body.clock as ClockState).now, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("resets every resource, operation, job and name of every region and account", async () => {
    await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["keep-me", "and-me"] }));
    await t.lightsailAs("eu-west-1", "123456789012").send(new CreateInstancesCommand({ ...base, availabilityZone: "eu-west-1a", instanceNames: ["abroad"] }));
    const { status, body } = await getJson("/_skiff/reset", { method: "POST" });
    assert.equal(status, 200);
    assert.equal(body.status, "reset");

    assert.deepEqual((await t.lightsail.send(new GetInstancesCommand({}))).instances, []);
    assert.deepEqual((await t.lightsail.send(new GetOperationsCommand({}))).operations, []);
    const eu = t.lightsailAs("eu-west-1", "123456789012");
    assert.deepEqual((await eu.send(new GetInstancesCommand({}))).instances, []);
    const scope = { account: "000000000000", region: "us-east-1" };
    assert.equal(await t.skiff.store.read((tx) => tx.keyPairs.count(scope)), 0);
    assert.equal(await t.skiff.store.read((tx) => tx.jobs.pending()), 0);
    const again = await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["keep-me"] }));
    assert.equal(again.operations?.[0]?.resourceName, "keep-me");
  });

  it("shows the clock as an ISO time and epoch milliseconds that agree", async () => {
    const state = await clock();
    assert.equal(new Date(state.now).getTime(), state.epochMs);
  });

  const advances: [string | number, number][] = [["1d", DAY], ["90s", 90_000], [1500, 1500], ["1d12h", 1.5 * DAY], ["250ms", 250]];
  for (const [advance, ms] of advances) {
    it(`advances the clock by ${JSON.stringify(advance)}`, async () => {
      const before = await clock();
      const { status, body } = await moveClock({ advance });
      assert.equal(status, 200);
      const moved = (body as unknown as ClockState).epochMs - before.epochMs;
      assert.ok(moved >= ms && moved < ms + 5000, `moved ${moved} ms for ${advance}`);
    });
  }

  it("sets the clock to an ISO-8601 time, and to epoch milliseconds", async () => {
    const iso = await moveClock({ set: "2030-06-01T12:00:00Z" });
    assert.equal(iso.status, 200);
    const target = Date.UTC(2030, 5, 1, 12);
    const afterIso = await clock();
    assert.ok(afterIso.epochMs >= target && afterIso.epochMs < target + 5000, afterIso.now);
    assert.match(afterIso.now, /^2030-06-01T12:00:0\d/);

    const ms = await moveClock({ set: Date.UTC(2031, 0, 1) });
    assert.equal(ms.status, 200);
    assert.match((await clock()).now, /^2031-01-01T00:00:0\d/);
  });

  it("stamps new resources with the moved clock", async () => {
    await moveClock({ set: "2032-02-02T02:02:02Z" });
    const { operations } = await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["dated"] }));
    assert.equal(operations![0]!.createdAt!.toISOString().slice(0, 16), "2032-02-02T02:02");
  });

  const bad: [string, unknown, RegExp][] = [
    ["a body that is not JSON", "advance=1d", /must be JSON/],
    ["neither advance nor set", {}, /exactly one of advance .* or set/],
    ["both advance and set", { advance: "1d", set: "2030-01-01T00:00:00Z" }, /exactly one of advance .* or set/],
    ["an advance that is not a duration", { advance: "1 week" }, /advance "1 week" is not a duration/],
    ["a negative advance", { advance: -5 }, /advance -5 is not a duration/],
    ["a set that is not a time", { set: "yesterday" }, /set "yesterday" is not an ISO-8601 time/],
    ["a set of the wrong type", { set: true }, /set true is not an ISO-8601 time/],
  ];
  for (const [what, body, message] of bad) {
    it(`answers ${what} with 400 and a message, and leaves the clock alone`, async () => {
      const before = await clock();
      const reply = await moveClock(body);
      assert.equal(reply.status, 400);
      assert.match(String(reply.body.error), message);
      const now = await clock();
      assert.ok(now.epochMs - before.epochMs < 5000);
    });
  }

  it("answers an unknown admin path with 404 naming the endpoints there are", async () => {
    const reply = await getJson("/_skiff/nothing");
    assert.equal(reply.status, 404);
    assert.match(String(reply.body.error), /No admin endpoint GET \/_skiff\/nothing\. Try GET \/_skiff\/health/);
    assert.equal((await getJson("/_skiff/reset")).status, 404);
  });
});

describe("admin clock and sim transitions", () => {
  const t = useTestSkiff({ transitionMs: 3_600_000 }, { reset: false });

  /** Waits until the worker has claimed every queued job (the sim is then sleeping on the clock). */
  const claimed = () =>
    waitFor(
      () => t.skiff.store.read(async (tx) => ((await tx.jobs.pending()) > 0 && (await tx.jobs.nextRunAt()) === undefined ? true : undefined)),
      "the worker to claim the job",
    );
  const state = async (name: string) => (await t.lightsail.send(new GetInstanceCommand({ instanceName: name }))).instance?.state?.name;

  it("finishes a one-hour transition right after the clock is advanced by an hour, not before", async () => {
    const { operations } = await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["slow"] }));
    await claimed();
    await t.advance("59m");
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(await state("slow"), "pending");

    await t.advance("1m");
    await within(2000, t.skiff.idle(), "the transition finishing after the advance");
    assert.equal(await state("slow"), "running");
    const { operation } = await t.lightsail.send(new GetOperationCommand({ operationId: operations![0]!.id }));
    assert.equal(operation?.status, "Succeeded");
  });

  it("answers GET /_skiff/idle only once the background work is done", async () => {
    await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["awaited"] }));
    await claimed();
    let answered = false;
    const idle = t.admin("/_skiff/idle").then(async (r) => {
      answered = true;
      return { status: r.status, body: await r.json() };
    });
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(answered, false, "idle answered while the create was still under way");

    await t.advance("1h");
    const reply = await within(2000, idle, "the idle answer after the transition");
    assert.deepEqual(reply, { status: 200, body: { status: "idle" } });
    assert.equal(await state("awaited"), "running");
  });

  it("drops transitions under way on reset", async () => {
    await t.lightsail.send(new CreateInstancesCommand({ ...base, instanceNames: ["dropped"] }));
    await claimed();
    const started = performance.now();
    await t.reset();
    assert.ok(performance.now() - started < 900, "reset waited for a transition it throws away");
    assert.deepEqual((await t.lightsail.send(new GetInstancesCommand({}))).instances, []);
    assert.equal(await t.skiff.store.read((tx) => tx.jobs.pending()), 0);
  });
});
