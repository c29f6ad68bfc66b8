import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleServer } from '../../scripts/server-bundle.mjs';

describe('the bundle the `relais` command runs', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'relais-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is pure ASCII (V8 keeps a source with one other character as two bytes per character), texts escaped', async () => {
    const file = await bundleServer(path.resolve('server/src/cli.ts'), path.join(dir, 'cli.mjs'), {
      sourcemap: false,
    });
    const source = readFileSync(file, 'utf8');
    expect(source.length).toBeGreaterThan(1_000_000);
    expect(source.match(/[\u0080-\u{10ffff}]/gu) ?? []).toEqual([]);
    // The French texts are still there, escaped by esbuild rather than altered.
    expect(source).toContain('R\\xE9essayer');
  }, 60_000);
});
