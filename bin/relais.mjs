#!/usr/bin/env node
// Entry point of the `relais` command. It runs a bundle of the TypeScript sources (dist/server/cli.mjs),
// rebuilt with esbuild in well under a second whenever a source is newer, so a start pays no TypeScript cost.
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
  Math.max(...sources.map(newestSource), statSync(path.join(root, 'package.json')).mtimeMs) >
    statSync(bundle).mtimeMs;
if (stale) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(root, 'server/src/cli.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}
const { main } = await import(pathToFileURL(bundle).href);
await main(process.argv.slice(2));
