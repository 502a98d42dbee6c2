/** One HTTP/1.1 answer as read off the socket. */
export interface RawAnswer {
  status: number;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Map<string, string>;
  body: Buffer;
}

const HEAD_END = Buffer.from("\r\n\r\n");

/**
 * Reads one HTTP/1.1 answer from the bytes of a socket as they come: skips 1xx interim answers,
 * then takes a body by Content-Length, by chunks, or (with neither) up to the end of the stream.
 */
export class AnswerReader {
  private buffer: Buffer = Buffer.alloc(0);
  private answer?: { status: number; headers: Map<string, string>; bodyStart: number; length?: number; chunked: boolean };

  constructor(private readonly headRequest: boolean) {}

  /** Bytes received so far (to tell a reset before any answer from one in the middle of it). */
  get received(): number {
    return this.buffer.length;
  }

  /** Feeds bytes; returns the answer once it is complete. Throws on bytes that are not HTTP. */
  feed(chunk: Buffer): RawAnswer | undefined {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    while (!this.answer) {
      const end = this.buffer.indexOf(HEAD_END);
      if (end < 0) return undefined;
      const lines = this.buffer.subarray(0, end).toString("latin1").split("\r\n");
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? "");
      if (!m) throw new Error(`not an HTTP answer: ${JSON.stringify(lines[0]?.slice(0, 80))}`);
      const status = Number(m[1]);
      const headers = new Map<string, string>();
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(":");
        if (colon <= 0) throw new Error(`bad header line in the answer: ${JSON.stringify(line.slice(0, 80))}`);
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
      }
      if (status >= 100 && status < 200) {
        this.buffer = this.buffer.subarray(end + 4);
        continue;
      }
      const noBody = this.headRequest || status === 204 || status === 304;
      const chunked = !noBody && /chunked/i.test(headers.get("transfer-encoding") ?? "");
      const length = noBody ? 0 : chunked ? undefined : headers.has("content-length") ? Number(headers.get("content-length")) : undefined;
      this.answer = { status, headers, bodyStart: end + 4, chunked, ...(length === undefined ? {} : { length }) };
    }
    const { status, headers, bodyStart, length, chunked } = this.answer;
    if (length !== undefined) {
      if (this.buffer.length - bodyStart < length) return undefined;
      return { status, headers, body: this.buffer.subarray(bodyStart, bodyStart + length) };
    }
    if (chunked) return this.dechunk();
    return undefined;
  }

  /** At the end of the stream: the answer if it was complete (one without a length ends there). */
  end(): RawAnswer | undefined {
    const a = this.answer;
    if (!a || a.length !== undefined || a.chunked) return undefined;
    return { status: a.status, headers: a.headers, body: this.buffer.subarray(a.bodyStart) };
  }

  private dechunk(): RawAnswer | undefined {
    const a = this.answer!;
    const pieces: Buffer[] = [];
    let at = a.bodyStart;
    for (;;) {
      const eol = this.buffer.indexOf("\r\n", at);
      if (eol < 0) return undefined;
      const size = parseInt(this.buffer.subarray(at, eol).toString("latin1"), 16);
      if (!Number.isFinite(size)) throw new Error("bad chunk size in the answer");
      // The last chunk, then (trailers are not expected) the empty line.
      if (size === 0) return this.buffer.length >= eol + 4 ? { status: a.status, headers: a.headers, body: Buffer.concat(pieces) } : undefined;
      if (this.buffer.length < eol + 2 + size + 2) return undefined;
      pieces.push(this.buffer.subarray(eol + 2, eol + 2 + size));
      at = eol + 2 + size + 2;
    }
  }
}
