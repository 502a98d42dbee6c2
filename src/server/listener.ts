import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { AwsError } from "../core/errors.js";
import { requestId as newRequestId } from "../core/ids.js";
import { adminProtocol } from "./admin-protocol.js";
import { readBody, send, type Reply } from "./http.js";
import { jsonProtocol, unknownProtocol } from "./json-protocol.js";
import type { ListenerDeps, RequestTrace, WireProtocol } from "./protocol.js";
import { queryProtocol } from "./query-protocol.js";
import { requestUrl } from "./request-target.js";

export type { ListenerDeps } from "./protocol.js";

/** How long a client may take, and how many may be connected at once (see README: limits). */
export interface ListenerLimits {
  /** Time to send the request line and headers. */
  headersTimeoutMs: number;
  /** Time to send the whole request, body included. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Connections beyond this are closed as they arrive. */
  maxConnections: number;
}

export const defaultLimits: ListenerLimits = { headersTimeoutMs: 20_000, requestTimeoutMs: 60_000, keepAliveTimeoutMs: 15_000, maxConnections: 4096 };

/** One port for everything; requests are routed by protocol, not by path (ARCHITECTURE). */
export function createListener(deps: ListenerDeps, limits: ListenerLimits = defaultLimits): Server {
  const server = createServer({
    requestTimeout: limits.requestTimeoutMs,
    headersTimeout: limits.headersTimeoutMs,
    // How often Node looks for requests past those timeouts (its default, 30 s, lets a slow client keep a socket that long).
    connectionsCheckingInterval: Math.max(10, Math.min(1_000, limits.headersTimeoutMs / 4)),
  }, (req, res) => {
    route(req, res, deps).catch((e) => lastResort(e, res, deps));
  });
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  // Without these listeners Node closes such connections without a word; they get a plain answer instead.
  server.on("connect", (_req: IncomingMessage, socket: Duplex) => refuseRaw(socket, 405, "Method Not Allowed"));
  server.on("upgrade", (_req: IncomingMessage, socket: Duplex) => refuseRaw(socket, 400, "Bad Request"));
  server.on("clientError", answerClientError);
  return server;
}

const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, "Request Header Fields Too Large"],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "Request Timeout"],
};

/**
 * Bytes that are not an HTTP request Skiff can read (bad framing, Content-Length with
 * Transfer-Encoding, headers too large, too slow) get Node's status, then the connection is ended
 * rather than destroyed: destroying it with unread bytes resets it, and the reset can overtake the
 * answer on its way to the client.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex) {
  socket.on("error", () => undefined);
  if (error.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
  const [status, reason] = (error.code && Object.hasOwn(CLIENT_ERRORS, error.code) ? CLIENT_ERRORS[error.code] : undefined) ?? [400, "Bad Request"];
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  setTimeout(() => socket.destroy(), 1_000).unref();
}

function refuseRaw(socket: Duplex, status: number, reason: string) {
  const body = `Skiff answers AWS API requests over plain HTTP; it does not ${status === 405 ? "tunnel (CONNECT)" : "upgrade connections"}.\n`;
  socket.on("error", () => undefined);
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** Detects the protocol from what every client of it sends. */
function detectProtocol(req: IncomingMessage, url: URL): WireProtocol {
  if (url.pathname.startsWith("/_skiff/")) return adminProtocol;
  if (typeof req.headers["x-amz-target"] === "string") return jsonProtocol;
  const contentType = req.headers["content-type"] ?? "";
  if (req.method === "POST" && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) return queryProtocol;
  if (req.method === "GET" && url.searchParams.has("Action")) return queryProtocol;
  return unknownProtocol;
}

const badTarget = (target: string | undefined) =>
  new AwsError("InvalidRequestTarget", `The request target ${JSON.stringify(String(target).slice(0, 200))} is not a path: send requests to / of this endpoint.`, 400);

async function route(req: IncomingMessage, res: ServerResponse, deps: ListenerDeps) {
  const started = performance.now();
  const requestId = newRequestId();
  const trace: RequestTrace = { operation: "" };
  const url = requestUrl(req.url);
  const protocol = url ? detectProtocol(req, url) : unknownProtocol;
  let reply: Reply;
  try {
    if (!url) {
      req.resume();
      throw badTarget(req.url);
    }
    const body = await readBody(req);
    reply = await protocol.handle({ req, url, body, requestId, trace }, deps);
  } catch (e) {
    // A client that went away before its body arrived has no one to answer. (`req.destroyed` is no
    // test: a request whose body was read to the end is destroyed too, and its failure needs an answer.)
    if (!(e instanceof AwsError) && !req.complete && req.destroyed) return deps.log.info("request", { requestId, ...trace, status: "aborted by the client" });
    reply = protocol.errorReply(e instanceof AwsError ? e : logged(e, deps, requestId, trace.operation, protocol), requestId);
  }
  reply.headers["x-amzn-RequestId"] = requestId;
  send(res, reply);
  deps.log.info("request", { requestId, ...trace, status: reply.status, ms: +(performance.now() - started).toFixed(3) });
}

function logged(e: unknown, deps: ListenerDeps, requestId: string, operation: string, protocol: WireProtocol) {
  deps.log.error("bug", { requestId, operation, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  return protocol.internalError();
}

/** A bug in answering itself (the reply could not be sent): logged, and the request answered if it still can be. */
function lastResort(e: unknown, res: ServerResponse, deps: ListenerDeps) {
  deps.log.error("bug", { operation: "listener", error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  if (res.headersSent) res.destroy();
  else res.writeHead(500, { "Content-Type": "text/plain" }).end("Internal error\n");
}
