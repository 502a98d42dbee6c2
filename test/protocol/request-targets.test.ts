import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GetInstancesCommand } from "@aws-sdk/client-lightsail";
import { rawExchange } from "../helpers/raw-socket.js";
import { useTestSkiff } from "../helpers/skiff.js";

const request = (method: string, target: string, headers: Record<string, string> = {}, body = "") =>
  `${method} ${target} HTTP/1.1\r\nHost: skiff\r\n${Object.entries({ "Content-Length": String(Buffer.byteLength(body)), ...headers })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("")}\r\n${body}`;

describe("every request target gets an answer", () => {
  const t = useTestSkiff({}, { reset: false });

  // These threw "Invalid URL" while routing; the rejection was unhandled and Node exited.
  const odd = ["//", "///", "//a@", "//:99999", "//[::1", "http://[", "*", "%", "http://"];
  for (const method of ["GET", "POST"]) {
    for (const target of odd) {
      it(`${method} ${target} is answered with a 4xx, and the server goes on`, async () => {
        const reply = await rawExchange(t.skiff.endpoint, request(method, target));
        assert.ok(reply.status !== undefined && reply.status >= 400 && reply.status < 500, `answered ${reply.status}: ${reply.text.slice(0, 200)}`);
        const { instances } = await t.lightsail.send(new GetInstancesCommand({}));
        assert.deepEqual(instances, []);
      });
    }
  }

  it("answers a target that is not a path with a JSON error saying so", async () => {
    const reply = await rawExchange(t.skiff.endpoint, request("POST", "*", { "X-Amz-Target": "Lightsail_20161128.GetInstances" }));
    assert.equal(reply.status, 400);
    assert.match(reply.text, /"__type":"InvalidRequestTarget"/);
    assert.match(reply.text, /is not a path/);
  });

  it("serves a Lightsail call sent to a path of slashes, as AWS routes by header", async () => {
    const reply = await rawExchange(t.skiff.endpoint, request("POST", "//", { "X-Amz-Target": "Lightsail_20161128.GetInstances", "Content-Type": "application/x-amz-json-1.1" }, "{}"));
    assert.equal(reply.status, 200);
    assert.match(reply.text, /\{"instances":\[\]\}/);
  });

  it("serves an absolute-form target like an origin-form one", async () => {
    const reply = await rawExchange(t.skiff.endpoint, request("GET", "http://skiff.example/_skiff/health"));
    assert.equal(reply.status, 200);
    assert.match(reply.text, /"status":"ok"/);
  });

  it("answers CONNECT with 405 and an upgrade request with 400 instead of dropping the connection", async () => {
    const tunnel = await rawExchange(t.skiff.endpoint, "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");
    assert.equal(tunnel.status, 405);
    const upgrade = await rawExchange(t.skiff.endpoint, request("GET", "/", { Connection: "Upgrade", Upgrade: "websocket" }));
    assert.equal(upgrade.status, 400);
  });

  it("answers Content-Length with Transfer-Encoding with 400 and ends the connection without resetting it", async () => {
    for (let i = 0; i < 20; i++) {
      const reply = await rawExchange(t.skiff.endpoint, request("POST", "/", { "X-Amz-Target": "Lightsail_20161128.GetInstances", "Transfer-Encoding": "chunked" }, "{}"));
      assert.equal(reply.status, 400, `try ${i}: ${JSON.stringify(reply.text)}`);
      assert.equal(reply.closed, true);
    }
  });

  it("answers bytes that are not HTTP with 400", async () => {
    const reply = await rawExchange(t.skiff.endpoint, "\x00\x01\x02 garbage\r\n\r\n");
    assert.equal(reply.status, 400);
  });

  it("answers methods it has no use for in the JSON envelope", async () => {
    for (const method of ["OPTIONS", "PUT", "DELETE", "PATCH"]) {
      const reply = await rawExchange(t.skiff.endpoint, request(method, "/"));
      assert.equal(reply.status, 400, `${method}: ${reply.text.slice(0, 120)}`);
      assert.match(reply.text, /"__type":"UnknownOperationException"/);
    }
  });

  it("answers a method HTTP does not know with Node's plain 400", async () => {
    const reply = await rawExchange(t.skiff.endpoint, request("FOO", "/"));
    assert.equal(reply.status, 400);
  });
});
