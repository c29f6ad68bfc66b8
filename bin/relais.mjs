#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --max-semi-space-size=8 --heap-growing-percent=50
// Entry point of the `relais` command. `npm start` passes the same flags and variable:
// - the young generation is capped at 8 MB per semi-space (V8's default, 16 MB, let the resident memory of a
//   server under load reach 260–300 MB instead of ~150 MB, for no measurable gain in throughput);
// - the old generation may grow to 1.5× what survived the last full collection before the next one (V8 lets it
//   reach ~3.5× while collections are cheap: under a write load, 260 MB resident instead of 198 MB, at the same
//   throughput);
// - MALLOC_ARENA_MAX=2: the C allocator keeps two arenas instead of one per thread that ever allocated
//   (checkpoint worker, libuv's pool): ~10 MB less resident memory under a write load, same throughput.
// It runs a bundle of the TypeScript sources (dist/server/cli.mjs), rebuilt with esbuild
// (scripts/server-bundle.mjs) whenever a source is newer, so a start pays no TypeScript cost.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist/server/cli.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(ts|json)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name))
      newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const sources = ['server/src', 'core', 'web/src/i18n'].map((d) => path.join(root, d));
const stale =
  !existsSync(bundle) ||
  Math.max(
    ...sources.map(newestSource),
    ...['package.json', 'scripts/server-bundle.mjs'].map((f) => statSync(path.join(root, f)).mtimeMs),
  ) > statSync(bundle).mtimeMs;
if (stale) {
  const { bundleServer } = await import('../scripts/server-bundle.mjs');
  await bundleServer(path.join(root, 'server/src/cli.ts'), bundle);
}
const { main } = await import(pathToFileURL(bundle).href);
await main(process.argv.slice(2));
