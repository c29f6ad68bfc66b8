import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Mantine's stylesheet is split in two (see main.tsx): the files the pre-rendered pages need, then the others.
// Together they must be exactly @mantine/core/styles.css, file for file and in its order, whatever version is
// installed: a file missing from both would leave a component unstyled, and a changed order changes the cascade.
const stylesDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@mantine/core/styles.css')),
  'styles',
);
const whole = readFileSync(path.join(stylesDir, '..', 'styles.css'), 'utf8');
const mantineFiles = readdirSync(stylesDir)
  .filter((f) => f.endsWith('.css') && !f.endsWith('.layer.css'))
  .map((f) => f.slice(0, -'.css'.length));

/** Where a file's rules start in styles.css (-1 if they are not there). */
const positionInWhole = (name: string) =>
  whole.indexOf(readFileSync(path.join(stylesDir, `${name}.css`), 'utf8').trim());

function imports(file: string): string[] {
  const text = readFileSync(new URL(file, import.meta.url), 'utf8');
  return [...text.matchAll(/^@import '@mantine\/core\/styles\/([A-Za-z-]+)\.css';$/gm)].map((m) => m[1]!);
}

const firstPaint = imports('./mantine.first-paint.css');
const rest = imports('./mantine.rest.css');

describe("Mantine's stylesheet in two parts", () => {
  it('has every file of @mantine/core once, in one part or the other', () => {
    expect(mantineFiles.length).toBeGreaterThan(100);
    expect([...firstPaint, ...rest].sort()).toEqual([...mantineFiles].sort());
  });

  it("keeps each part in the order of Mantine's own styles.css", () => {
    for (const part of [firstPaint, rest]) {
      const positions = part.map(positionInWhole);
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it('starts with the variables and global rules, which the first paint needs', () => {
    expect(firstPaint.slice(0, 3)).toEqual(['baseline', 'default-css-variables', 'global']);
  });
});
