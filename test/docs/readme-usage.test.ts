import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { USAGE } from "../../src/config.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));

describe("README.md", () => {
  it("shows the options exactly as `skiff --help` prints them", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const start = readme.indexOf("```\nUsage: skiff [options]\n");
    assert.ok(start >= 0, "README.md has no ``` block starting with the usage line");
    const block = readme.slice(start + 4, readme.indexOf("\n```", start + 4));
    assert.equal(block, USAGE, "README.md's options block differs from USAGE (src/config.ts): paste `skiff --help` into it");
  });
});
