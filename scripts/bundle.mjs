// Bundles the compiled server into one file (dist/skiff.mjs): loading one module instead of
// ~180 keeps start-up within budget. better-sqlite3 is native and stays in node_modules.
import { build } from "esbuild";

await build({
  entryPoints: ["dist/src/main.js"],
  outfile: "dist/skiff.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["better-sqlite3"],
  logLevel: "warning",
  banner: { js: "import { createRequire as __skiffCreateRequire } from 'node:module'; const require = __skiffCreateRequire(import.meta.url);" },
});
