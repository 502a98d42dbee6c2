// Bundles the compiled server into one file, dist/skiff-core.cjs (loading one module instead of
// ~180 keeps start-up within budget; better-sqlite3 is native and stays in node_modules), puts the
// launcher beside it as dist/skiff.mjs, and starts Skiff once so that the launcher writes V8's code
// cache of the bundle (see scripts/launcher.mjs).
import { spawn } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const CORE = "dist/skiff-core.cjs";
const CACHE = "dist/skiff-core.cache";
const LAUNCHER = "dist/skiff.mjs";

await build({
  entryPoints: ["dist/src/main.js"],
  outfile: CORE,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: ["better-sqlite3"],
  logLevel: "warning",
  // The sources are ES modules: import.meta.url is the bundle's own URL.
  define: { "import.meta.url": "__skiffModuleUrl" },
  banner: { js: "const __skiffModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// The launcher wraps the bundle in a function: the shebang of main.js cannot stay at its top.
writeFileSync(CORE, readFileSync(CORE, "utf8").replace(/^#!.*\n/, ""));
copyFileSync("scripts/launcher.mjs", LAUNCHER);
chmodSync(LAUNCHER, 0o755);
rmSync(CACHE, { force: true });
await writeCodeCache();

/** Starts Skiff in memory until the launcher has written the cache (or gives up after 10 s; Skiff starts without one). */
async function writeCodeCache() {
  const child = spawn(process.execPath, [LAUNCHER, "--in-memory", "--port", "0", "--quiet"], { stdio: "ignore" });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  for (let waited = 0; waited < 10_000 && !existsSync(CACHE) && child.exitCode === null; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill("SIGTERM");
  await exited;
  if (!existsSync(CACHE)) console.warn(`bundle: no code cache written (${CACHE}); Skiff will write it on its first start`);
}
