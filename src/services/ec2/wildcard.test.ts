import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { wildcard } from "./wildcard.js";

describe("EC2 filter wildcards", () => {
  const cases: [string, string, boolean][] = [
    ["vol-123", "vol-123", true],
    ["vol-123", "vol-1234", false],
    ["vol-*", "vol-0abc", true],
    ["vol-*", "vol-", true],
    ["*", "", true],
    ["", "", true],
    ["", "a", false],
    ["a?c", "abc", true],
    ["a?c", "ac", true],
    ["a?c", "abbc", false],
    ["*-prod", "web-prod", true],
    ["*-prod", "web-prod-2", false],
    ["a*b*c", "aXXbYYc", true],
    ["a*b*c", "aXXcYYb", false],
    ["\\*", "*", true],
    ["\\*", "x", false],
    ["a\\?", "a?", true],
    ["a\\?", "ab", false],
    ["é?", "éé", true],
    ["?", "😀", true],
    ["??", "😀😀", true],
    ["Daily*", "daily-1", false],
  ];
  for (const [pattern, text, expected] of cases) {
    it(`${JSON.stringify(pattern)} ${expected ? "matches" : "does not match"} ${JSON.stringify(text)}`, () => {
      assert.equal(wildcard(pattern)(text), expected);
    });
  }

  it("takes linear time on patterns that make a regular expression backtrack for minutes", () => {
    const text = "a".repeat(255);
    const started = performance.now();
    assert.equal(wildcard(`${"*a".repeat(120)}*c`)(text), false);
    assert.equal(wildcard(`${"?".repeat(200)}b`)(text), false);
    assert.equal(wildcard(`${"*a".repeat(120)}*`)(text), true);
    assert.ok(performance.now() - started < 50, `took ${performance.now() - started} ms`);
  });
});
