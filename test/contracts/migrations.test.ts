import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { migrationDialects } from "../../src/state/migrations/dialects.js";
import { inOrder, migrationIds, versionOf } from "../../src/state/migrations/index.js";

describe("migrations", () => {
  it("are numbered once each, in increasing order", () => {
    const versions = migrationIds.map(versionOf);
    assert.ok(versions.every((v, i) => Number.isInteger(v) && v > 0 && (i === 0 || v > versions[i - 1]!)), versions.join(", "));
  });

  for (const [dialect, migrations] of Object.entries(migrationDialects)) {
    it(`${dialect} writes every migration, and only those`, () => {
      assert.deepEqual(Object.keys(migrations).sort(), [...migrationIds].sort());
      for (const m of inOrder(migrations)) assert.ok(m.sql.trim().length > 0, `${dialect} ${m.id} is empty`);
    });
  }
});
