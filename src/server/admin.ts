import type { Clock } from "../core/clock.js";
import { parseDuration } from "../core/duration.js";
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
}

const clockState = (clock: Clock) => ({ now: clock.date().toISOString(), epochMs: clock.now() });

/** /_skiff/health, /_skiff/reset, /_skiff/idle and /_skiff/clock. */
export async function handleAdmin(method: string, path: string, body: string, deps: AdminDeps): Promise<Reply> {
  const route = `${method} ${path.replace(/\/+$/, "")}`;
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
    default:
      return json(404, { error: `No admin endpoint ${route}. Try GET /_skiff/health, POST /_skiff/reset, GET /_skiff/idle, GET or POST /_skiff/clock.` });
  }
}

function moveClock(body: string, clock: Clock): Reply {
  let request: { advance?: unknown; set?: unknown };
  try {
    request = body.trim() ? JSON.parse(body) : {};
  } catch {
    return json(400, { error: "The body must be JSON: {\"advance\": \"1d\"} or {\"set\": \"2026-01-01T06:00:00Z\"}." });
  }
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
