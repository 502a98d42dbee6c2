import type { Clock } from "../core/clock.js";
import { parseDuration } from "../core/duration.js";
import { publicView } from "../core/access-keys.js";
import { KeyError, type KeyAdmin } from "./auth/key-admin.js";
import { json, type Reply } from "./http.js";

export interface AdminDeps {
  clock: Clock;
  version: string;
  driver: string;
  store: { engine: string; location: string };
  startedAt: number;
  /** Removes every resource, row and job; the server keeps running. */
  reset(): Promise<void>;
  /** Resolves when the worker has no job running, due, or queued (recurring jobs count only once due). */
  idle(): Promise<void>;
  keys: KeyAdmin;
}

const clockState = (clock: Clock) => ({ now: clock.date().toISOString(), epochMs: clock.now() });

const KEY_PATH = /^\/_skiff\/keys\/([A-Za-z0-9]{1,128})$/;

/** /_skiff/health, /_skiff/reset, /_skiff/idle, /_skiff/clock and /_skiff/keys. */
export async function handleAdmin(method: string, path: string, body: string, deps: AdminDeps): Promise<Reply> {
  const route = `${method} ${path.replace(/\/+$/, "")}`;
  const key = KEY_PATH.exec(path);
  if (method === "DELETE" && key) {
    return (await deps.keys.delete(key[1]!)) ? json(200, { deleted: key[1] }) : json(404, { error: `No access key ${key[1]}.` });
  }
  switch (route) {
    case "GET /_skiff/health":
      return json(200, {
        status: "ok",
        version: deps.version,
        driver: deps.driver,
        store: deps.store,
        // eslint-disable-next-line no-restricted-properties -- uptime is host time, not service time
        uptimeSeconds: Math.round((performance.now() - deps.startedAt) / 1000),
        clock: clockState(deps.clock),
      });
    case "POST /_skiff/reset":
      await deps.reset();
      return json(200, { status: "reset" });
    case "GET /_skiff/idle":
      await deps.idle();
      return json(200, { status: "idle" });
    case "GET /_skiff/clock":
      return json(200, clockState(deps.clock));
    case "POST /_skiff/clock":
      return moveClock(body, deps.clock);
    case "GET /_skiff/keys":
      return json(200, { keys: (await deps.keys.list()).map(publicView) });
    case "POST /_skiff/keys":
      return createKey(body, deps.keys);
    default:
      return json(404, {
        error: `No admin endpoint ${route.slice(0, 200)}. Try GET /_skiff/health, POST /_skiff/reset, GET /_skiff/idle, GET or POST /_skiff/clock, GET or POST /_skiff/keys, DELETE /_skiff/keys/<id>.`,
      });
  }
}

/** An admin request's body: a JSON object (empty body: {}), else undefined. */
function jsonObject(body: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = body.trim() ? JSON.parse(body) : {};
  } catch {
    return undefined;
  }
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** POST /_skiff/keys {"account": "123456789012", "admin": false}: the new key, with its secret (shown this once). */
async function createKey(body: string, keys: KeyAdmin): Promise<Reply> {
  const request = jsonObject(body);
  if (!request) return json(400, { error: 'The body must be JSON, an object such as {"account": "123456789012", "admin": false}.' });
  if (typeof request.account !== "string") return json(400, { error: "Give the key's account: 12 digits as a string." });
  if (request.admin !== undefined && typeof request.admin !== "boolean") return json(400, { error: "admin must be true or false." });
  try {
    const key = await keys.create(request.account, request.admin === true);
    return json(200, { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey, account: key.account, admin: key.admin });
  } catch (e) {
    if (e instanceof KeyError) return json(400, { error: e.message });
    throw e;
  }
}

function moveClock(body: string, clock: Clock): Reply {
  const request = jsonObject(body);
  if (!request) return json(400, { error: "The body must be JSON, an object such as {\"advance\": \"1d\"} or {\"set\": \"2026-01-01T06:00:00Z\"}." });
  if ((request.advance === undefined) === (request.set === undefined)) {
    return json(400, { error: "Give exactly one of advance (a duration such as \"90s\", \"3h\", \"1d\" or milliseconds) or set (an ISO-8601 time or epoch milliseconds)." });
  }
  if (request.advance !== undefined) {
    const ms = parseDuration(request.advance);
    if (ms === undefined) return json(400, { error: `advance ${JSON.stringify(request.advance)} is not a duration such as "90s", "3h", "1d" or a number of milliseconds.` });
    clock.advance(ms);
  } else {
    const t = typeof request.set === "number" ? request.set : typeof request.set === "string" ? Date.parse(request.set) : NaN;
    if (!Number.isFinite(t)) return json(400, { error: `set ${JSON.stringify(request.set)} is not an ISO-8601 time or epoch milliseconds.` });
    clock.set(t);
  }
  return json(200, clockState(clock));
}
