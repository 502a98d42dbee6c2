import assert from "node:assert/strict";
import { connect, type Socket } from "node:net";
import { describe, it } from "node:test";
import { GetInstancesCommand } from "@aws-sdk/client-lightsail";
import { rawExchange } from "../helpers/raw-socket.js";
import { useTestSkiff } from "../helpers/skiff.js";

const open = (endpoint: string) =>
  new Promise<Socket>((resolve, reject) => {
    const { hostname, port } = new URL(endpoint);
    const s = connect(Number(port), hostname, () => resolve(s));
    s.resume();
    s.on("error", reject);
  });

const closedWithin = (socket: Socket, ms: number) =>
  new Promise<boolean>((resolve) => {
    if (socket.destroyed) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

describe("slow and idle connections", () => {
  const limits = { headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 200, maxConnections: 20 };
  const t = useTestSkiff({ limits }, { reset: false });

  it("closes a connection that never finishes its headers, answering 408", async () => {
    const reply = await rawExchange(t.skiff.endpoint, "POST / HTTP/1.1\r\nHost: skiff\r\nX-Amz-Target: Lightsail_2016", 3_000);
    assert.equal(reply.closed, true);
    assert.equal(reply.status, 408);
  });

  it("closes a connection whose body never arrives in full", async () => {
    const reply = await rawExchange(t.skiff.endpoint, "POST / HTTP/1.1\r\nHost: skiff\r\nX-Amz-Target: Lightsail_20161128.GetInstances\r\nContent-Length: 100\r\n\r\n{", 3_000);
    assert.equal(reply.closed, true);
    assert.equal(reply.status, 408);
  });

  it("closes an idle keep-alive connection after its timeout", async () => {
    const socket = await open(t.skiff.endpoint);
    socket.write("GET /_skiff/health HTTP/1.1\r\nHost: skiff\r\n\r\n");
    assert.equal(await closedWithin(socket, 2_000), true);
  });

  it("closes connections beyond the cap at once, and keeps answering once they are gone", async () => {
    const sockets = await Promise.all(Array.from({ length: 30 }, () => open(t.skiff.endpoint)));
    const closed = await Promise.all(sockets.map((s) => closedWithin(s, 150)));
    assert.ok(closed.filter(Boolean).length >= 10, `only ${closed.filter(Boolean).length} of 30 closed`);
    for (const s of sockets) s.destroy();
    await new Promise((r) => setTimeout(r, 50));
    const { instances } = await t.lightsail.send(new GetInstancesCommand({}));
    assert.deepEqual(instances, []);
  });

  it("refuses a 50 MB body with a clean 413", async () => {
    const r = await fetch(t.skiff.endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "Lightsail_20161128.GetInstances" },
      body: Buffer.alloc(50 * 1024 * 1024, 0x20),
    });
    assert.equal(r.status, 413);
    assert.equal((await r.json()).__type, "RequestEntityTooLargeException");
  });
});
