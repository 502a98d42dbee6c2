import type { IncomingMessage, ServerResponse } from "node:http";
import { requestTooLarge } from "../core/errors.js";

export interface Reply {
  status: number;
  headers: Record<string, string>;
  /** The body, or pieces of it (see protocol/awsjson11/encode.ts `encodeJsonChunks`). */
  body: string | string[];
}

export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The whole body, at most MAX_BODY_BYTES (a larger one is drained and refused with a 413). */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners("data");
        req.resume();
        reject(requestTooLarge(MAX_BODY_BYTES));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** The body goes out as one Buffer: Node writes a large string answer at several times the cost. */
export function send(res: ServerResponse, reply: Reply) {
  const body = typeof reply.body === "string" ? Buffer.from(reply.body) : Buffer.concat(reply.body.map((piece) => Buffer.from(piece)));
  res.writeHead(reply.status, { ...reply.headers, "Content-Length": String(body.length) });
  res.end(body);
}

export const json = (status: number, value: unknown): Reply => ({
  status,
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(value),
});
