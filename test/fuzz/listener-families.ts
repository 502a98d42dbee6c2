import { EC2_VERSION, LIGHTSAIL_PREFIX } from "./catalog.js";
import { FORM_CONTENT_TYPE, formHeaders, jsonHeaders, utf8Bytes } from "./headers.js";
import { PROTOTYPE_NAMES, unicodeString } from "./nasty.js";
import type { Rng } from "./prng.js";
import type { FuzzRequest } from "./request.js";

const MiB = 1024 * 1024;

/** A request every protocol would answer normally, for the listener families to bend. */
function baseRequest(rng: Rng, family: string): FuzzRequest {
  switch (rng.int(0, 3)) {
    case 0:
      return { family, method: "POST", target: "/", headers: jsonHeaders(`${LIGHTSAIL_PREFIX}.GetInstances`), body: Buffer.from("{}") };
    case 1:
      return { family, method: "POST", target: "/", headers: formHeaders(), body: Buffer.from(`Action=DescribeKeyPairs&Version=${EC2_VERSION}`) };
    case 2:
      return { family, method: "GET", target: `/?Action=DescribeVolumes&Version=${EC2_VERSION}`, headers: formHeaders(undefined), body: Buffer.alloc(0) };
    default:
      return { family, method: "GET", target: "/_skiff/health", headers: [], body: Buffer.alloc(0) };
  }
}

const STANDARD_METHODS = ["GET", "PUT", "DELETE", "OPTIONS", "HEAD", "PATCH", "POST", "TRACE", "PROPFIND", "SEARCH", "PURGE"];
const GARBAGE_METHODS = ["FOO", "get", "G@T", "POSTX", "\u00e9", "X".repeat(100), "", "1"];

function oddPath(rng: Rng): { target: string; bare?: boolean } {
  const paths: { target: string; bare?: boolean }[] = [
    { target: "*" }, { target: "http://x/" }, { target: "http://x/_skiff/health" }, { target: "https://x:99999/?Action=DescribeKeyPairs" },
    { target: "%", bare: true }, { target: "/%" }, { target: "/%zz" }, { target: "/%00" }, { target: "/%FF" }, { target: "x", bare: true }, { target: "?x", bare: true },
    { target: "/#frag" }, { target: "/a/../_skiff/health" }, { target: "/_skiff" }, { target: "/_skiff/" }, { target: "/_skiff/health//" },
    { target: "/_skiff/nope" }, { target: `/${"a".repeat(rng.int(1000, 12000))}` }, { target: `/${"a".repeat(20000)}`, bare: true },
    { target: `/?${"Action=DescribeKeyPairs&".repeat(rng.int(1, 300))}Version=${EC2_VERSION}` }, { target: `/${utf8Bytes("\u00e9\u4e2d")}`, bare: true },
    { target: `/_skiff/${rng.pick(PROTOTYPE_NAMES)}` }, { target: "/?Action=" }, { target: "/?=&=&" }, { target: "/a b", bare: true },
    { target: "http://[", bare: false }, { target: "example.com:443", bare: true },
    { target: "//" }, { target: "///" }, { target: "//a@" }, { target: "//:99999" }, { target: "//[::1" }, { target: "//x/_skiff/health" },
  ];
  return rng.pick(paths);
}

type ListenerFamily = (rng: Rng) => FuzzRequest;

const families: Record<string, ListenerFamily> = {
  methods(rng) {
    const r = baseRequest(rng, "listener.methods");
    if (rng.chance(0.8)) r.method = rng.pick(STANDARD_METHODS);
    else {
      r.method = utf8Bytes(rng.pick(GARBAGE_METHODS));
      r.bareErrorAllowed = true;
    }
    return r;
  },

  connect(rng) {
    const r = baseRequest(rng, "listener.connect");
    r.method = "CONNECT";
    r.target = rng.pick(["127.0.0.1:443", "x:1", "/"]);
    r.bareErrorAllowed = true;
    return r;
  },

  paths(rng) {
    const r = baseRequest(rng, "listener.paths");
    const { target, bare } = oddPath(rng);
    r.target = target;
    if (bare) r.bareErrorAllowed = true;
    return r;
  },

  headers(rng) {
    const r = baseRequest(rng, "listener.headers");
    const odd: (() => void)[] = [
      () => r.headers.push(["X-Fuzz", "v".repeat(rng.int(1000, 12000))]),
      () => {
        r.headers.push(["X-Fuzz", "v".repeat(20000)]);
        r.bareErrorAllowed = true;
      },
      () => {
        for (let i = 0; i < 1500; i++) r.headers.push([`X-F${i}`, "1"]);
      },
      () => r.headers.push(["X-Fuzz", utf8Bytes(unicodeString(rng).replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, ""))]),
      () => {
        r.headers.push(["X-Fuzz", `a${String.fromCharCode(rng.pick([0, 1, 0x7f, 0x0b]))}b`]);
        r.bareErrorAllowed = true;
      },
      () => r.headers.push(["Authorization", `${"Credential=".repeat(rng.int(100, 1200))}x`]),
      () => r.headers.push(["Authorization", `AWS4-HMAC-SHA256 Credential=${"a".repeat(8000)}`]),
      () => r.headers.push(["Authorization", `AWS4-HMAC-SHA256 Credential=123456789012/20260101/${unicodeString(rng, 2).replace(/[^\x20-\x7e]/g, "")}/lightsail/aws4_request`]),
      () => r.headers.push(["Authorization", rng.pick(["", "Bearer x", "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 Credential=/", "Basic Og=="])]),
      () => r.headers.push(["X-Amz-Date", rng.pick(["", "garbage", "99999999T999999Z"])], ["X-Amz-Security-Token", "x".repeat(rng.int(1, 4000))]),
      () => r.headers.push(["Content-Encoding", rng.pick(["gzip", "br", "identity", "x"])]),
      () => r.headers.push(["Expect", "100-continue"]),
      () => {
        r.headers.push(["Expect", "something-else"]);
        r.bareErrorAllowed = true;
      },
      () => {
        r.headers.push(["Content-Length", "5"], ["Content-Length", "6"]);
        r.bareErrorAllowed = true;
      },
      () => {
        r.headers.push(["Content-Length", rng.pick(["-1", "abc", "1e3", "99999999999999999999"])]);
        r.bareErrorAllowed = true;
      },
      () => {
        r.chunked = true;
        r.headers.push(["Content-Length", String(r.body.length)]);
        r.bareErrorAllowed = true;
      },
      () => {
        r.headers.push(["Transfer-Encoding", rng.pick(["gzip", "chunked, gzip", "identity"])]);
        r.bareErrorAllowed = true;
      },
      () => {
        r.chunked = true;
      },
      () => {
        r.headers.unshift(["Host", ""]);
      },
      () => {
        r.headers.unshift(["Host", "a"], ["Host", "b"]);
        r.bareErrorAllowed = true;
      },
      () => {
        r.headers.push(["Upgrade", rng.pick(["websocket", "h2c"])], ["Connection", "Upgrade"]);
        r.bareErrorAllowed = true;
      },
      () => r.headers.push(["Connection", rng.pick(["close", "keep-alive, close", "x"])]),
      () => r.headers.push(["x-amzn-RequestId", "fz"], ["X-Forwarded-For", "1.2.3.4"], [rng.pick(PROTOTYPE_NAMES), "1"]),
    ];
    rng.pick(odd)();
    return r;
  },

  rawHead(rng) {
    const heads = [
      "GET / HTTP/1.0\r\n\r\n", "GET / HTTP/9.9\r\nHost: x\r\n\r\n", "GET /\r\n\r\n", "\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: x\r\nX: a\r\n b\r\n\r\n", "GET / HTTP/1.1\nHost: x\n\n", "GET / HTTP/1.1\r\nHost x\r\n\r\n",
      "GET / HTTP/1.1\r\n: x\r\nHost: x\r\n\r\n", "GET  /  HTTP/1.1\r\nHost: x\r\n\r\n", "\u0000\u0001\u0002\r\n\r\n", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
      "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabc\r\n0\r\n\r\n",
      "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nabcde\r\n0\r\nTrailer: x\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    ];
    return { family: "listener.rawHead", method: "GET", target: "/", headers: [], body: Buffer.alloc(0), rawHead: Buffer.from(rng.pick(heads), "latin1"), bareErrorAllowed: true };
  },

  admin(rng) {
    const bodies = [
      "", "{", "[]", "null", '{"advance":"1e400"}', '{"advance":"__proto__"}', '{"__proto__":{"advance":"1s"}}', '{"advance":"1s","set":0}',
      '{"set":"yesterday"}', '{"advance":{}}', '{"advance":[]}', '{"set":"+275760-09-13T00:00:00.001Z"}', '{"set":1e400}', '{"advance":"-"}',
      '{"constructor":{"prototype":{"polluted":"yes"}}}', '{"advance":"1s"}', '{"advance":"1h"}',
    ];
    const routes: [string, string, string][] = [
      ["GET", "/_skiff/health", ""], ["GET", "/_skiff/clock", ""], ["POST", "/_skiff/clock", rng.pick(bodies)], ["GET", "/_skiff/idle", ""],
      ["DELETE", "/_skiff/clock", ""], ["GET", `/_skiff/${rng.pick(PROTOTYPE_NAMES)}`, ""], ["POST", "/_skiff/health", "{}"], ["GET", "/_skiff/health?x=1", ""],
    ];
    const [method, target, body] = rng.pick(routes);
    return { family: "listener.admin", method, target, headers: body ? [["Content-Type", "application/json"]] : [], body: Buffer.from(body) };
  },

  bodySize(rng) {
    const r = baseRequest(rng, "listener.bodySize");
    r.method = "POST";
    if (r.target !== "/" && !r.target.startsWith("/_skiff")) {
      r.target = "/";
      r.headers = formHeaders();
    }
    const size = rng.pick([4 * MiB, 4 * MiB + 1, 5 * MiB, 4 * MiB - 1]);
    const isForm = r.headers.some(([, v]) => v === FORM_CONTENT_TYPE);
    const prefix = isForm ? `Action=DescribeKeyPairs&Version=${EC2_VERSION}&KeyName.1=` : '{"pageToken":"';
    const suffix = isForm ? "" : '"}';
    r.body = Buffer.alloc(size, "a");
    r.body.write(prefix, 0, "latin1");
    r.body.write(suffix, size - suffix.length, "latin1");
    r.chunked = rng.chance(0.3);
    return r;
  },
};

const WEIGHTS: [string, number][] = [["methods", 6], ["connect", 1], ["paths", 8], ["headers", 10], ["rawHead", 3], ["admin", 3], ["bodySize", 0.5]];

export const listenerFamilyNames = Object.keys(families);

export function listenerRequest(rng: Rng, family?: string): FuzzRequest {
  return families[family ?? rng.weighted(WEIGHTS)]!(rng);
}

/** A 50 MB body: refused with a 413 after the first 4 MiB, the connection drained, the process unmoved. */
export function fiftyMegabytes(rng: Rng): FuzzRequest {
  const r = baseRequest(rng, "listener.fiftyMegabytes");
  r.method = "POST";
  r.target = "/";
  if (!r.headers.some(([k]) => k === "X-Amz-Target")) r.headers = jsonHeaders(`${LIGHTSAIL_PREFIX}.GetInstances`);
  r.body = Buffer.alloc(50 * 1000 * 1000, "a");
  return r;
}
