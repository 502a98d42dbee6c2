#!/usr/bin/env node
// Skiff's entry point, copied to dist/skiff.mjs by scripts/bundle.mjs. It runs the bundled server
// (dist/skiff-core.cjs) from V8's code cache (dist/skiff-core.cache): compiling the half-megabyte
// bundle and the functions start-up runs is a fifth of the cold start otherwise. A cache that is
// missing or made by another Node version is rejected by V8 and written again once the server has
// started; where dist/ cannot be written (a read-only install) Skiff simply starts without it.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

const filename = fileURLToPath(new URL("./skiff-core.cjs", import.meta.url));
const cacheFile = fileURLToPath(new URL("./skiff-core.cache", import.meta.url));
/** Start-up is over well before this; what it compiled goes into the cache. */
const CACHE_AFTER_MS = 1000;

let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(filename, "utf8")}\n})`;
const script = new Script(source, { filename, cachedData });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(filename), module, filename, dirname(filename));

if (cachedData === undefined || script.cachedDataRejected) {
  setTimeout(() => {
    try {
      const partial = `${cacheFile}.${process.pid}`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, cacheFile);
    } catch {
      // No cache this time.
    }
  }, CACHE_AFTER_MS).unref();
}
