// `npm start`: runs the built server (dist/skiff.mjs) without building it, so that it is ready in
// a fraction of a second. `npm install` builds once (the `prepare` script); when a source is newer
// than the build, this says so on stderr and starts the build that is there. `npm run dev` builds
// and starts.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const launcher = join(root, "dist", "skiff.mjs");
const built = join(root, "dist", "skiff-core.cjs");

if (!existsSync(launcher) || !existsSync(built)) {
  process.stderr.write("skiff: there is no build in dist/ yet: run `npm run build` (or `npm run dev` to build and start)\n");
  process.exit(1);
}

/** The newest file the bundle is made from: src/ and the two build scripts. */
function newestSource() {
  let newest = { path: "", mtimeMs: 0 };
  const consider = (path) => {
    const { mtimeMs } = statSync(path);
    if (mtimeMs > newest.mtimeMs) newest = { path, mtimeMs };
  };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) consider(path);
    }
  };
  walk(join(root, "src"));
  consider(join(root, "scripts", "bundle.mjs"));
  consider(join(root, "scripts", "launcher.mjs"));
  return newest;
}

const builtAt = statSync(built).mtimeMs;
const source = newestSource();
if (source.mtimeMs > builtAt) {
  process.stderr.write(
    `skiff: the build in dist/ is older than ${relative(root, source.path)}; starting it anyway. ` +
      "Rebuild with `npm run build`, or build and start with `npm run dev`.\n",
  );
}

await import(pathToFileURL(launcher).href);
