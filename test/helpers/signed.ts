import { SignatureV4 } from "@smithy/signature-v4";
import type { HttpRequest } from "@smithy/types";
import { Sha256 } from "../../src/server/auth/signature-calculator.js";

export interface Key {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SignOptions {
  service: string;
  region?: string;
  method?: string;
  path?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
  signingDate?: Date;
}

function httpRequest(endpoint: string, o: SignOptions): HttpRequest {
  const url = new URL(endpoint);
  return {
    method: o.method ?? "POST",
    protocol: "http:",
    hostname: url.hostname,
    port: Number(url.port),
    path: o.path ?? "/",
    query: { ...o.query },
    headers: { host: url.host, ...o.headers },
    body: o.body,
  };
}

const urlOf = (endpoint: string, request: HttpRequest) => {
  const query = new URLSearchParams(request.query as Record<string, string>).toString();
  return `${endpoint}${request.path}${query ? `?${query}` : ""}`;
};

/** Sends a request signed with SigV4 by the Smithy signer (what the SDKs sign with). */
export async function signedFetch(endpoint: string, key: Key, o: SignOptions): Promise<Response> {
  const signer = new SignatureV4({ credentials: key, region: o.region ?? "us-east-1", service: o.service, sha256: Sha256 });
  const signed = await signer.sign(httpRequest(endpoint, o), { signingDate: o.signingDate });
  const { host: _host, ...headers } = signed.headers;
  return fetch(urlOf(endpoint, signed), { method: signed.method, headers, body: o.body });
}

/** A presigned URL (SigV4 in the query string), as EC2 accepts for GET requests. */
export async function presignedUrl(endpoint: string, key: Key, o: SignOptions & { expiresIn?: number }): Promise<string> {
  const signer = new SignatureV4({ credentials: key, region: o.region ?? "us-east-1", service: o.service, sha256: Sha256 });
  const signed = await signer.presign(httpRequest(endpoint, { method: "GET", ...o }), { expiresIn: o.expiresIn ?? 300, signingDate: o.signingDate });
  return urlOf(endpoint, signed);
}

/** The admin endpoints with an admin key: `path` under /_skiff/. */
export const adminFetch = (endpoint: string, key: Key, method: string, path: string, body?: unknown) =>
  signedFetch(endpoint, key, {
    service: "skiff",
    method,
    path,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
