import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodePageToken } from "../../core/paging.js";
import type { Positioned } from "../../state/store.js";
import { collectPage } from "./paging.js";

async function* records(n: number): AsyncIterable<Positioned<number>> {
  for (let seq = 1; seq <= n; seq++) yield { seq, record: seq };
}

const after = (token: string | undefined) => decodePageToken(token!, (v): v is number => typeof v === "number");

describe("collectPage", () => {
  it("stops at MaxResults with a NextToken only when another match follows", async () => {
    const even = (r: number) => r % 2 === 0;
    const first = await collectPage(records(10), even, 3);
    assert.deepEqual(first, { items: [2, 4, 6], nextToken: first.nextToken });
    assert.equal(after(first.nextToken), 7);
    assert.deepEqual(await collectPage(records(10), even, 5), { items: [2, 4, 6, 8, 10] });
  });

  it("answers a short page with a NextToken once it has read its budget, and the pages together hold every match", async () => {
    const rare = (r: number) => r % 7 === 0;
    const page = await collectPage(records(30), rare, 5, 10);
    assert.deepEqual(page.items, [7]);
    assert.equal(after(page.nextToken), 10);

    const found: number[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const from = token === undefined ? 0 : after(token)!;
      async function* rest() {
        for await (const p of records(30)) if (p.seq > from) yield p;
      }
      const next = await collectPage(rest(), rare, 5, 10);
      found.push(...next.items);
      token = next.nextToken;
      pages++;
    } while (token);
    assert.deepEqual(found, [7, 14, 21, 28]);
    assert.equal(pages, 3);
  });

  it("reads everything, without a budget, when no MaxResults was given", async () => {
    const page = await collectPage(records(50), (r) => r === 50, undefined, 10);
    assert.deepEqual(page, { items: [50] });
  });
});
