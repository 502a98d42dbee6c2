import type { RawAnswer } from "./http-reader.js";

/** What an envelope check makes of an answer: its error code (or "ok"), or what is wrong with it. */
export type EnvelopeCheck = { ok: true; code: string } | { ok: false; problem: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });

function text(answer: RawAnswer): string | undefined {
  try {
    return utf8.decode(answer.body);
  } catch {
    return undefined;
  }
}

const bad = (problem: string): EnvelopeCheck => ({ ok: false, problem });

function jsonObject(answer: RawAnswer): Record<string, unknown> | string {
  const body = text(answer);
  if (body === undefined) return "the body is not UTF-8";
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `the body is not JSON: ${JSON.stringify(body.slice(0, 120))}`;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return "the body is not a JSON object";
  return parsed as Record<string, unknown>;
}

/** awsJson1_1: application/x-amz-json-1.1; errors carry `__type`, the same in x-amzn-ErrorType, and a message. */
export function checkJson(answer: RawAnswer, head: boolean): EnvelopeCheck {
  if (answer.headers.get("content-type") !== "application/x-amz-json-1.1") return bad(`content-type ${answer.headers.get("content-type")}`);
  if (!answer.headers.get("x-amzn-requestid")) return bad("no x-amzn-RequestId");
  const errorType = answer.headers.get("x-amzn-errortype");
  if (answer.status < 300) return head ? { ok: true, code: "ok" } : typeof jsonObject(answer) === "string" ? bad(jsonObject(answer) as string) : { ok: true, code: "ok" };
  if (!errorType) return bad("an error without x-amzn-ErrorType");
  if (head) return { ok: true, code: errorType };
  const body = jsonObject(answer);
  if (typeof body === "string") return bad(body);
  if (typeof body.__type !== "string" || body.__type === "") return bad("an error without __type");
  if (body.__type !== errorType) return bad(`__type ${body.__type} differs from x-amzn-ErrorType ${errorType}`);
  if (typeof body.message !== "string") return bad("an error without a message");
  return { ok: true, code: body.__type };
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const ERROR_XML = /^<Response><Errors><Error><Code>([^<>&]+)<\/Code><Message>([^<>]*)<\/Message><\/Error><\/Errors><RequestID>([^<>&]+)<\/RequestID><\/Response>$/;
// Characters XML 1.0 cannot carry, raw: C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Well-formed enough for any XML parser: tags nest and close, text has no raw `<`, entities are known ones. */
function xmlProblem(xml: string): string | undefined {
  if (NOT_XML_CHAR.test(xml)) return "a character XML 1.0 cannot carry";
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[2] === undefined) return `a stray ${JSON.stringify(m[0])} at ${m.index}`;
    if (m[4]) continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) return `</${m[2]}> closes nothing open`;
    } else stack.push(m[2]);
  }
  return stack.length > 0 ? `<${stack[stack.length - 1]}> is never closed` : undefined;
}

/** EC2 query: text/xml; an error is `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>`. */
export function checkQuery(answer: RawAnswer, head: boolean, action: string | undefined): EnvelopeCheck {
  if (!(answer.headers.get("content-type") ?? "").startsWith("text/xml")) return bad(`content-type ${answer.headers.get("content-type")}`);
  if (!answer.headers.get("x-amzn-requestid")) return bad("no x-amzn-RequestId");
  if (head) return { ok: true, code: answer.status < 300 ? "ok" : "?" };
  const body = text(answer);
  if (body === undefined) return bad("the body is not UTF-8");
  if (!body.startsWith(XML_DECLARATION)) return bad("no XML declaration");
  const xml = body.slice(XML_DECLARATION.length);
  const problem = xmlProblem(xml);
  if (problem) return bad(`not well-formed XML: ${problem}`);
  if (answer.status >= 300) {
    const m = ERROR_XML.exec(xml);
    return m ? { ok: true, code: m[1]! } : bad(`not EC2's error envelope: ${JSON.stringify(xml.slice(0, 160))}`);
  }
  if (action === undefined || !xml.startsWith(`<${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">`)) {
    return bad(`a success not rooted at <${action}Response>: ${JSON.stringify(xml.slice(0, 120))}`);
  }
  return { ok: true, code: "ok" };
}

/** /_skiff/*: JSON objects; its own errors carry `error`, errors from the protocol layer are awsJson1_1 ones. */
export function checkAdmin(answer: RawAnswer, head: boolean): EnvelopeCheck {
  const type = answer.headers.get("content-type");
  if (type === "application/x-amz-json-1.1") return checkJson(answer, head);
  if (type !== "application/json") return bad(`content-type ${type}`);
  if (head) return { ok: true, code: answer.status < 300 ? "ok" : "admin" };
  const body = jsonObject(answer);
  if (typeof body === "string") return bad(body);
  if (answer.status >= 300 && typeof body.error !== "string") return bad("an admin error without `error`");
  return { ok: true, code: answer.status < 300 ? "ok" : "admin" };
}
