import { describe, expect, it } from 'vitest';
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const get = (t: Tree, key: string) =>
  key.split('.').reduce<string | Tree>((n, p) => (n as Tree)[p]!, t) as string;

describe('French and English catalogues', () => {
  it('have exactly the same keys', () => {
    const f = keys(fr as Tree).sort();
    const e = keys(en as Tree).sort();
    expect(f.filter((k) => !e.includes(k))).toEqual([]);
    expect(e.filter((k) => !f.includes(k))).toEqual([]);
  });

  it('use the same placeholders in both languages, and no value is empty', () => {
    for (const key of keys(fr as Tree)) {
      expect(placeholders(get(en as Tree, key)), key).toEqual(placeholders(get(fr as Tree, key)));
      expect(get(fr as Tree, key).trim(), key).not.toBe('');
      expect(get(en as Tree, key).trim(), key).not.toBe('');
    }
  });
});
