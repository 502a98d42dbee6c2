import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { AwsError } from "../core/errors.js";
import { requestId as newRequestId } from "../core/ids.js";
import { handleAdmin } from "./admin.js";
import { readBody, send, type Reply } from "./http.js";
import { jsonProtocol, unknownProtocol } from "./json-protocol.js";
import type { IncomingCall, ListenerDeps, WireProtocol } from "./protocol.js";
import { queryProtocol } from "./query-protocol.js";

export type { ListenerDeps } from "./protocol.js";

/** One port for everything; requests are routed by protocol, not by path (ARCHITECTURE). */
export function createListener(deps: ListenerDeps): Server {
  return createServer((req, res) => void route(req, res, deps));
}

const adminProtocol: WireProtocol = {
  async handle({ req, url, trace }, deps) {
    trace.operation = `admin ${url.pathname}`;
    return handleAdmin(req.method ?? "GET", url.pathname, await readBody(req), deps.admin);
  },
  errorReply: jsonProtocol.errorReply,
  internalError: jsonProtocol.internalError,
};

/** Detects the protocol from what every client of it sends, before reading the body. */
function detectProtocol(req: IncomingMessage, url: URL): WireProtocol {
  if (url.pathname.startsWith("/_skiff/")) return adminProtocol;
  if (typeof req.headers["x-amz-target"] === "string") return jsonProtocol;
  const contentType = req.headers["content-type"] ?? "";
  if (req.method === "POST" && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) return queryProtocol;
  if (req.method === "GET" && url.searchParams.has("Action")) return queryProtocol;
  return unknownProtocol;
}

async function route(req: IncomingMessage, res: ServerResponse, deps: ListenerDeps) {
  const started = performance.now();
  const call: IncomingCall = { req, url: new URL(req.url ?? "/", "http://skiff"), requestId: newRequestId(), trace: { operation: "" } };
  const protocol = detectProtocol(req, call.url);
  let reply: Reply;
  try {
    reply = await protocol.handle(call, deps);
  } catch (e) {
    reply = protocol.errorReply(e instanceof AwsError ? e : logged(e, deps, call, protocol), call.requestId);
  }
  reply.headers["x-amzn-RequestId"] = call.requestId;
  send(res, reply);
  deps.log.info("request", { requestId: call.requestId, operation: call.trace.operation, status: reply.status, ms: +(performance.now() - started).toFixed(3) });
}

function logged(e: unknown, deps: ListenerDeps, call: IncomingCall, protocol: WireProtocol) {
  deps.log.error("bug", { requestId: call.requestId, operation: call.trace.operation, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  return protocol.internalError();
}
