import { INVALID_UTF8_MARK } from "./nasty.js";

/** One generated request, exactly as it goes on the wire. */
export interface FuzzRequest {
  /** Which mutation family made it (for the figures and the replay). */
  family: string;
  /** The operation it aims at, when it aims at one (for the figures). */
  operation?: string;
  method: string;
  /** The request target as sent: `/`, `//a@`, `*`, `http://x/` … */
  target: string;
  /** Header lines in order, as sent (names and values may hold bytes no client would send). */
  headers: [string, string][];
  body: Buffer;
  /** Send the body with chunked transfer coding instead of a Content-Length. */
  chunked?: boolean;
  /** Not an AWS request at the HTTP level (broken HTTP/1.1, CONNECT, Upgrade): a bare HTTP error without an AWS envelope is a fair answer. */
  bareErrorAllowed?: boolean;
  /** Replaces the whole head (request line and headers), for garbage no well-formed head can carry. */
  rawHead?: Buffer;
}

const MARK_BYTES = Buffer.from(INVALID_UTF8_MARK, "utf8");
const INVALID_UTF8 = [Buffer.from([0xff]), Buffer.from([0xc0, 0x80]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xe2, 0x82]), Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80])];

/** UTF-8 of text, with each invalid-UTF-8 mark turned into a different invalid sequence. */
export function bodyBytes(text: string): Buffer {
  const utf8 = Buffer.from(text, "utf8");
  if (!text.includes(INVALID_UTF8_MARK)) return utf8;
  const parts: Buffer[] = [];
  let from = 0;
  let n = 0;
  for (let at = utf8.indexOf(MARK_BYTES); at >= 0; at = utf8.indexOf(MARK_BYTES, from)) {
    parts.push(utf8.subarray(from, at), INVALID_UTF8[n++ % INVALID_UTF8.length]!);
    from = at + MARK_BYTES.length;
  }
  parts.push(utf8.subarray(from));
  return Buffer.concat(parts);
}

const hasHeader = (r: FuzzRequest, name: string) => r.headers.some(([k]) => k.toLowerCase() === name);

/** The request's head: request line, the headers given, then Host and the body's framing unless given. */
export function headBytes(r: FuzzRequest): Buffer {
  if (r.rawHead) return r.rawHead;
  const lines = [`${r.method} ${r.target} HTTP/1.1`];
  if (!hasHeader(r, "host")) lines.push("Host: 127.0.0.1");
  for (const [k, v] of r.headers) lines.push(`${k}: ${v}`);
  if (r.chunked) {
    if (!hasHeader(r, "transfer-encoding")) lines.push("Transfer-Encoding: chunked");
  } else if (!hasHeader(r, "content-length") && (r.body.length > 0 || r.method !== "GET")) {
    lines.push(`Content-Length: ${r.body.length}`);
  }
  // latin1: header text is bytes as written, so odd bytes go out as themselves.
  return Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1");
}

/** The body as it goes out: as is, or in chunks of up to 64 KiB with the terminating chunk. */
export function* bodyPieces(r: FuzzRequest): Generator<Buffer> {
  if (!r.chunked) {
    if (r.body.length > 0) yield r.body;
    return;
  }
  for (let at = 0; at < r.body.length; at += 65536) {
    const piece = r.body.subarray(at, at + 65536);
    yield Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n")]);
  }
  yield Buffer.from("0\r\n\r\n");
}

/** How a request reads in a report: the head as text, the body's size and its start. */
export function describeRequest(r: FuzzRequest, bodyPreview = 300): string {
  const head = headBytes(r).toString("latin1").replace(/\r\n$/, "");
  const preview = r.body.subarray(0, bodyPreview).toString("utf8");
  return `${head}\r\n${preview}${r.body.length > bodyPreview ? `… (${r.body.length} bytes)` : ""}`;
}
