import { EC2_VERSION, findOperation, LIGHTSAIL_PREFIX } from "./catalog.js";
import { checkAdmin, checkJson, checkQuery, type EnvelopeCheck } from "./envelopes.js";
import type { RawAnswer } from "./http-reader.js";
import type { FuzzRequest } from "./request.js";
import type { Exchange } from "./wire.js";

export type Protocol = "json" | "query" | "admin";

/** The verdict on one exchange: `outcome` is what the figures count ("400 SerializationException", "dropped" …). */
export interface Verdict {
  outcome: string;
  /** What breaks a pass criterion, if anything. */
  failure?: { kind: "status" | "envelope" | "dropped" | "timeout"; detail: string };
}

function header(r: FuzzRequest, name: string): string | undefined {
  // Node keeps the first Content-Type and joins repeated other headers with ", ".
  const values = r.headers.filter(([k]) => k.toLowerCase() === name).map(([, v]) => v.trim());
  if (values.length === 0) return undefined;
  return name === "content-type" ? values[0] : values.join(", ");
}

/** The URL the listener reads from a request target (see src/server/request-target.ts), undefined when it is not one. */
function targetUrl(target: string): URL | undefined {
  try {
    return target.startsWith("/") ? new URL(`http://skiff${target}`) : /^https?:\/\//i.test(target) ? new URL(target) : undefined;
  } catch {
    return undefined;
  }
}

/** Which protocol must answer, by the rules of ARCHITECTURE (routing by what each client sends). */
export function expectedProtocol(r: FuzzRequest): Protocol {
  const url = targetUrl(r.target);
  if (!url) return "json";
  if (url.pathname.startsWith("/_skiff/")) return "admin";
  if (header(r, "x-amz-target") !== undefined) return "json";
  if (r.method === "POST" && (header(r, "content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded")) return "query";
  if (r.method === "GET" && url.searchParams.has("Action")) return "query";
  return "json";
}

/** The EC2 parameters as the query protocol reads them: the query string, then the form body over it, first occurrence winning in each. */
function queryParams(r: FuzzRequest): Map<string, string> {
  const params = new Map<string, string>();
  const add = (text: string, override: boolean) => {
    const seen = new Set<string>();
    for (const [k, v] of new URLSearchParams(text)) {
      if (seen.has(k)) continue;
      seen.add(k);
      if (override || !params.has(k)) params.set(k, v);
    }
  };
  add(targetUrl(r.target)?.search.slice(1) ?? "", false);
  if (r.method === "POST") add(r.body.toString("utf8"), true);
  return params;
}

/** Whether the request names an operation whose table entry is notImplemented (so a 501 is its documented answer). */
function namesUnimplemented(r: FuzzRequest, protocol: Protocol): boolean {
  if (protocol === "json") {
    const target = header(r, "x-amz-target") ?? "";
    const dot = target.lastIndexOf(".");
    if (dot < 0 || target.slice(0, dot) !== LIGHTSAIL_PREFIX) return false;
    const op = findOperation("lightsail", target.slice(dot + 1));
    return op !== undefined && !op.implemented;
  }
  if (protocol === "query") {
    const params = queryParams(r);
    if (params.get("Version") !== EC2_VERSION) return false;
    const op = findOperation("ec2", params.get("Action") ?? "");
    return op !== undefined && !op.implemented;
  }
  return false;
}

const isBare = (a: RawAnswer) => !a.headers.has("x-amzn-requestid");

function envelope(r: FuzzRequest, a: RawAnswer, protocol: Protocol): EnvelopeCheck {
  const head = r.method === "HEAD";
  if (protocol === "admin") return checkAdmin(a, head);
  if (protocol === "json") return checkJson(a, head);
  return checkQuery(a, head, queryParams(r).get("Action"));
}

/** Judges one exchange against the pass criteria of issue 10. */
export function judge(r: FuzzRequest, exchange: Exchange): Verdict {
  if (exchange.kind === "dropped") return { outcome: "dropped", failure: { kind: "dropped", detail: `${exchange.error} after ${exchange.received} bytes of answer` } };
  if (exchange.kind === "timeout") return { outcome: "timeout", failure: { kind: "timeout", detail: `no whole answer in ${Math.round(exchange.ms)} ms (${exchange.received} bytes)` } };
  const a = exchange.answer;
  const rawLevel = r.bareErrorAllowed || r.rawHead !== undefined;
  if (rawLevel && isBare(a)) {
    const outcome = `${a.status} (bare)`;
    return a.status >= 400 && a.status < 500 ? { outcome } : { outcome, failure: { kind: "status", detail: `a bare ${a.status} to a request broken at the HTTP level` } };
  }
  const protocol = expectedProtocol(r);
  // A head Skiff had to guess at (raw bytes) may be answered in any of its envelopes.
  const checks = r.rawHead ? [envelope(r, a, "json"), envelope(r, a, "query"), envelope(r, a, "admin")] : [envelope(r, a, protocol)];
  const check = checks.find((c) => c.ok) ?? checks[0]!;
  const outcome = `${a.status} ${check.ok ? check.code : "?"}`;
  if (a.status >= 500) {
    const documented = a.status === 501 && check.ok && check.code === "NotImplementedException" && namesUnimplemented(r, protocol);
    if (!documented) return { outcome, failure: { kind: "status", detail: `${a.status} ${check.ok ? check.code : ""}: ${a.body.subarray(0, 300).toString("utf8")}` } };
  }
  if (!check.ok) return { outcome, failure: { kind: "envelope", detail: `${protocol}: ${check.problem}` } };
  return { outcome };
}
