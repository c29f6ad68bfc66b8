import { describe, expect, it } from 'vitest';
import { kept } from './kept.ts';

describe('kept', () => {
  it('computes each key once, and starts over when the limit is reached', () => {
    const calls: string[] = [];
    const answer = kept<string>(2);
    const ask = (key: string) => answer(key, () => (calls.push(key), key.toUpperCase()));
    expect([ask('a'), ask('a'), ask('b'), ask('a')]).toEqual(['A', 'A', 'B', 'A']);
    expect(calls).toEqual(['a', 'b']);
    expect(ask('c')).toBe('C'); // full: everything kept so far is dropped
    expect(ask('a')).toBe('A');
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
