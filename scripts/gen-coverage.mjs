// Writes docs/coverage.md: every operation of every service Skiff routes, implemented or not,
// read from the built operation tables (dist/) through src/services/coverage.ts, so it cannot
// disagree with what the server does. test/docs/coverage.test.ts checks the committed file.
// Run: npm run coverage
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const built = join(root, "dist", "src", "services", "coverage.js");
if (!existsSync(built)) {
  console.error("gen-coverage: dist/ is missing; run `npm run build` first (npm run coverage does).");
  process.exit(1);
}
const { coverageMarkdown, serviceCoverage, sourceFileFinder } = await import(pathToFileURL(built).href);

const services = serviceCoverage();
mkdirSync(join(root, "docs"), { recursive: true });
writeFileSync(join(root, "docs", "coverage.md"), coverageMarkdown(services, sourceFileFinder(root)));
for (const s of services) {
  console.log(`docs/coverage.md: ${s.service} ${s.operations.filter((o) => o.implemented).length} of ${s.operations.length}`);
}
