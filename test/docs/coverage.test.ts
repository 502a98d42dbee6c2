import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { operationNames as ec2Operations } from "../../src/services/ec2/generated/operations.js";
import { operationNames as lightsailOperations } from "../../src/services/lightsail/generated/operations.js";
import { coverageMarkdown, serviceCoverage, sourceFileFinder } from "../../src/services/coverage.js";

// dist/test/docs/ → the repository root.
const root = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..", "..");

describe("docs/coverage.md", () => {
  it("is what `npm run coverage` generates from the operation tables", () => {
    const committed = readFileSync(join(root, "docs", "coverage.md"), "utf8");
    const fresh = coverageMarkdown(serviceCoverage(), sourceFileFinder(root));
    assert.ok(committed === fresh, "docs/coverage.md differs from the operation tables: run `npm run coverage` and commit docs/coverage.md");
  });

  it("lists every operation of both official models", () => {
    const byService = new Map(serviceCoverage().map((s) => [s.service, s.operations.map((o) => o.operation)]));
    assert.deepEqual(byService.get("Lightsail"), [...lightsailOperations].sort());
    assert.deepEqual(byService.get("EC2"), [...ec2Operations].sort());
  });

  it("links every implemented operation to its one file", () => {
    const sourceOf = sourceFileFinder(root);
    const missing = serviceCoverage()
      .flatMap((s) => s.operations)
      .filter((o) => o.implemented && !sourceOf(o.service, o.operation))
      .map((o) => `${o.service} ${o.operation}`);
    assert.deepEqual(missing, []);
  });
});
