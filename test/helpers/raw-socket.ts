import { connect } from "node:net";

export interface SocketReply {
  /** The status of the answer, or undefined when the connection closed without one. */
  status?: number;
  text: string;
  /** Whether the server closed the connection (within the wait). */
  closed: boolean;
}

/**
 * Writes bytes to the server as they are (for request targets and framing that fetch will not
 * send) and collects what comes back until the server closes or `waitMs` passes.
 */
export function rawExchange(endpoint: string, bytes: string | Buffer, waitMs = 2_000): Promise<SocketReply> {
  const { hostname, port } = new URL(endpoint);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let closed = false;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString("latin1");
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ status: m ? Number(m[1]) : undefined, text, closed });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on("data", (c: Buffer) => {
      chunks.push(c);
      // One whole answer with a Content-Length is enough, unless it says the server closes the connection: then the close.
      const text = Buffer.concat(chunks).toString("latin1");
      const head = text.indexOf("\r\n\r\n");
      const length = /content-length: (\d+)/i.exec(text.slice(0, head))?.[1];
      const closing = /^connection: close/im.test(text.slice(0, head));
      if (head >= 0 && length !== undefined && !closing && Buffer.byteLength(text.slice(head + 4), "latin1") >= Number(length)) finish();
    });
    socket.on("close", () => {
      closed = true;
      finish();
    });
    socket.on("error", () => undefined);
    socket.write(bytes);
  });
}
