import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { AwsError, internalFailure } from "../core/errors.js";
import { requestId as newRequestId } from "../core/ids.js";
import type { Logger } from "../core/log.js";
import type { Scope } from "../core/scope.js";
import { encodeJsonError } from "../protocol/awsjson11/errors.js";
import type { RequestContext } from "../services/context.js";
import { jsonServices } from "../services/index.js";
import { handleAdmin, type AdminDeps } from "./admin.js";
import { readBody, send, type Reply } from "./http.js";
import { handleJsonRequest, JSON_CONTENT_TYPE } from "./json-protocol.js";
import { resolveScope } from "./scope.js";

export interface ListenerDeps {
  admin: AdminDeps;
  makeContext: (scope: Scope, requestId: string) => RequestContext;
  log: Logger;
  now: () => number;
}

/** One port for everything; requests are routed by protocol, not by path (ARCHITECTURE). */
export function createListener(deps: ListenerDeps): Server {
  return createServer((req, res) => void route(req, res, deps));
}

async function route(req: IncomingMessage, res: ServerResponse, deps: ListenerDeps) {
  const requestId = newRequestId();
  const started = performance.now();
  const url = req.url ?? "/";
  const path = url.split("?")[0]!;
  let reply: Reply;
  let operation = "";
  try {
    const body = await readBody(req);
    if (path.startsWith("/_skiff/")) {
      operation = `admin ${path}`;
      reply = await handleAdmin(req.method ?? "GET", path, body, deps.admin);
    } else {
      const target = req.headers["x-amz-target"];
      if (typeof target === "string") {
        operation = target;
        reply = await json11(target, body, req, requestId, deps);
      } else {
        throw new AwsError(
          "UnknownOperationException",
          "Skiff speaks the AWS wire protocols: send an X-Amz-Target header (Lightsail) through an AWS client pointed at this endpoint.",
        );
      }
    }
  } catch (e) {
    reply = errorReply(e, deps, operation, requestId);
  }
  reply.headers["x-amzn-RequestId"] = requestId;
  send(res, reply);
  deps.log.info("request", { requestId, operation, status: reply.status, ms: +(performance.now() - started).toFixed(3) });
}

async function json11(target: string, body: string, req: IncomingMessage, requestId: string, deps: ListenerDeps): Promise<Reply> {
  const dot = target.lastIndexOf(".");
  const service = jsonServices[target.slice(0, dot)];
  if (!service || dot < 0) throw new AwsError("UnknownOperationException", `No service answers the target ${target}.`, 400);
  const scope = resolveScope(req.headers.authorization);
  return handleJsonRequest(service, target.slice(dot + 1), body, deps.makeContext, scope, requestId);
}

function logged(e: unknown, deps: ListenerDeps, operation: string, requestId: string) {
  deps.log.error("bug", { requestId, operation, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  return internalFailure();
}

function errorReply(e: unknown, deps: ListenerDeps, operation: string, requestId: string): Reply {
  const error = e instanceof AwsError ? e : logged(e, deps, operation, requestId);
  const encoded = encodeJsonError(error);
  return { status: encoded.status, headers: { ...encoded.headers, "Content-Type": JSON_CONTENT_TYPE }, body: encoded.body };
}
