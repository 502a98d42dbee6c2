/** What a hand-made awsJson1_1 request got back. */
export interface RawReply {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  body: Record<string, unknown> | undefined;
}

/** A SigV4 Authorization header naming this access key and region (the signature is not checked). */
export const authorization = (accessKeyId: string, region: string, service = "lightsail") =>
  `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260101/${region}/${service}/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${"0".repeat(64)}`;

/**
 * Sends what an SDK will not: malformed bodies, wrong types, unknown targets. `target` is the whole
 * X-Amz-Target value (omitted when undefined); `body` is sent as is.
 */
export async function rawCall(endpoint: string, target: string | undefined, body: string, headers: Record<string, string> = {}): Promise<RawReply> {
  const r = await fetch(endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/x-amz-json-1.1", ...(target === undefined ? {} : { "X-Amz-Target": target }), ...headers },
    body,
  });
  const text = await r.text();
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = undefined;
  }
  return { status: r.status, headers: r.headers, text, body: parsed };
}

/** A Lightsail operation by name, with a JSON value as body. */
export const lightsailCall = (endpoint: string, operation: string, input: unknown, headers?: Record<string, string>) =>
  rawCall(endpoint, `Lightsail_20161128.${operation}`, JSON.stringify(input), headers);
