import { connect, type Socket } from "node:net";
import { AnswerReader, type RawAnswer } from "./http-reader.js";
import { bodyPieces, headBytes, type FuzzRequest } from "./request.js";

/** What became of one request. */
export type Exchange =
  | { kind: "answer"; answer: RawAnswer; ms: number }
  /** The connection closed or reset before a whole answer came. */
  | { kind: "dropped"; error: string; received: number; ms: number }
  | { kind: "timeout"; received: number; ms: number };

/** A keep-alive connection, reused between requests while the server keeps it open. */
export class Connection {
  private socket?: Socket;
  private lastUsed = 0;

  constructor(private readonly port: number, private readonly timeoutMs: number) {}

  close() {
    this.socket?.destroy();
    this.socket = undefined;
  }

  /** Sends the request's exact bytes and reads one answer. */
  async send(request: FuzzRequest): Promise<Exchange> {
    // A socket idle for long may be closing on the server's side just as we write: only fresh ones then.
    if (this.socket && performance.now() - this.lastUsed > 2000) this.close();
    const socket = this.socket ?? (await this.open());
    this.socket = socket;
    const started = performance.now();
    const reader = new AnswerReader(request.method === "HEAD");
    const exchange = await new Promise<Exchange>((resolve) => {
      let settled = false;
      const finish = (e: Exchange) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.off("data", onData).off("error", onError).off("close", onClose);
        resolve(e);
      };
      const ms = () => performance.now() - started;
      const onData = (chunk: Buffer) => {
        try {
          const answer = reader.feed(chunk);
          if (answer) finish({ kind: "answer", answer, ms: ms() });
        } catch (e) {
          finish({ kind: "dropped", error: `unreadable answer: ${(e as Error).message}`, received: reader.received, ms: ms() });
        }
      };
      const onError = (e: Error) => {
        const answer = reader.end();
        finish(answer ? { kind: "answer", answer, ms: ms() } : { kind: "dropped", error: (e as NodeJS.ErrnoException).code ?? e.message, received: reader.received, ms: ms() });
      };
      const onClose = () => {
        const answer = reader.end();
        finish(answer ? { kind: "answer", answer, ms: ms() } : { kind: "dropped", error: "closed", received: reader.received, ms: ms() });
      };
      const timer = setTimeout(() => finish({ kind: "timeout", received: reader.received, ms: ms() }), this.timeoutMs);
      socket.on("data", onData).on("error", onError).on("close", onClose);
      void write(socket, request).catch(() => undefined);
    });
    this.lastUsed = performance.now();
    const keep = exchange.kind === "answer" && !socket.destroyed && reusable(request, exchange.answer);
    if (!keep) this.close();
    return exchange;
  }

  private open(): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port: this.port, host: "127.0.0.1", noDelay: true });
      // Errors after an exchange (a reset while idle) are seen by the next send's listeners or not at all.
      socket.on("error", () => undefined);
      socket.once("connect", () => resolve(socket));
      socket.once("error", reject);
    });
  }
}

const SMALL_REQUEST = 64 * 1024;

/** Writes head and body, waiting for the socket to drain between pieces of a large body. */
async function write(socket: Socket, request: FuzzRequest) {
  const wait = () => new Promise<void>((resolve) => {
    const done = () => {
      socket.off("drain", done).off("close", done);
      resolve();
    };
    socket.on("drain", done).on("close", done);
  });
  const head = headBytes(request);
  const pieces = [...bodyPieces(request)];
  // A small request goes out in one write: a server that refuses the head and closes at once
  // (Content-Length with Transfer-Encoding) would otherwise reset a second write, and the reset
  // would discard its answer before it is read.
  if (pieces.length <= 1 && head.length + (pieces[0]?.length ?? 0) <= SMALL_REQUEST) {
    socket.write(pieces.length === 0 ? head : Buffer.concat([head, pieces[0]!]));
    return;
  }
  if (!socket.write(head)) await wait();
  for (const piece of pieces) {
    if (socket.destroyed) return;
    if (!socket.write(piece)) await wait();
  }
}

/** Whether the connection may carry the next request: only after an ordinary request and a keep-alive answer. */
function reusable(request: FuzzRequest, answer: RawAnswer): boolean {
  if (request.bareErrorAllowed || request.rawHead) return false;
  if (/close/i.test(answer.headers.get("connection") ?? "")) return false;
  if (request.headers.some(([k, v]) => k.toLowerCase() === "connection" && !/^keep-alive$/i.test(v))) return false;
  // A body the server refused part-way (413) may still be on its way; start clean.
  return answer.status !== 413;
}
