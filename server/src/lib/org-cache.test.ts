import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOrgCache } from './org-cache.ts';

describe('createOrgCache', () => {
  afterEach(() => vi.useRealTimers());

  it('computes once, then serves the stored value until its organisation changes', async () => {
    const cache = createOrgCache<string>({ ttlMs: 15_000, maxEntries: 10 });
    let n = 0;
    const compute = async () => `v${++n}`;
    expect(await cache.getOrCompute('org-a', 'k', compute)).toBe('v1');
    expect(await cache.getOrCompute('org-a', 'k', compute)).toBe('v1');
    expect(await cache.getOrCompute('org-b', 'k', compute)).toBe('v2');
    cache.changed('org-a');
    expect(await cache.getOrCompute('org-a', 'k', compute)).toBe('v3');
    // The other organisation keeps its entry.
    expect(await cache.getOrCompute('org-b', 'k', compute)).toBe('v2');
  });

  it('forgets an entry older than the time to live (another instance may have written)', async () => {
    vi.useFakeTimers();
    const cache = createOrgCache<number>({ ttlMs: 1_000, maxEntries: 10 });
    let n = 0;
    const compute = async () => ++n;
    expect(await cache.getOrCompute('o', 'k', compute)).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect(await cache.getOrCompute('o', 'k', compute)).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await cache.getOrCompute('o', 'k', compute)).toBe(2);
  });

  it('never keeps a value computed before a write under the version that follows it', async () => {
    const cache = createOrgCache<string>({ ttlMs: 15_000, maxEntries: 10 });
    let release!: () => void;
    const slow = cache.getOrCompute(
      'o',
      'k',
      () => new Promise<string>((resolve) => (release = () => resolve('before the write'))),
    );
    cache.changed('o');
    release();
    expect(await slow).toBe('before the write');
    expect(await cache.getOrCompute('o', 'k', async () => 'after the write')).toBe('after the write');
  });

  it('clear forgets every organisation, including reads still computing', async () => {
    const cache = createOrgCache<string>({ ttlMs: 15_000, maxEntries: 10 });
    await cache.getOrCompute('a', 'k', async () => 'old a');
    let release!: () => void;
    const slow = cache.getOrCompute('b', 'k', () => new Promise<string>((r) => (release = () => r('old b'))));
    cache.clear();
    release();
    await slow;
    expect(await cache.getOrCompute('a', 'k', async () => 'new a')).toBe('new a');
    expect(await cache.getOrCompute('b', 'k', async () => 'new b')).toBe('new b');
  });

  it('runs one computation for requests that miss the same key at the same time', async () => {
    const cache = createOrgCache<string>({ ttlMs: 15_000, maxEntries: 10 });
    let runs = 0;
    let release!: () => void;
    const compute = () => {
      runs += 1;
      return new Promise<string>((r) => (release = () => r(`run ${runs}`)));
    };
    const waiting = [1, 2, 3].map(() => cache.getOrCompute('o', 'k', compute));
    const other = cache.getOrCompute('o', 'other key', async () => 'other');
    release();
    expect(await Promise.all(waiting)).toEqual(['run 1', 'run 1', 'run 1']);
    expect(runs).toBe(1);
    expect(await other).toBe('other');
    // A write while a computation runs: a later read does not join the computation started before it.
    const before = cache.getOrCompute('o', 'k2', compute);
    cache.changed('o');
    const after = cache.getOrCompute('o', 'k2', async () => 'after the write');
    release();
    expect(await before).toBe('run 2');
    expect(await after).toBe('after the write');
    // A value that `keep` may refuse is computed for each request.
    let fresh = 0;
    const live = async () => `fresh ${++fresh}`;
    const refuse = () => false;
    expect(await Promise.all([1, 2].map(() => cache.getOrCompute('o', 'live', live, refuse)))).toEqual([
      'fresh 1',
      'fresh 2',
    ]);
  });

  it('starts afresh when full instead of growing without bound', async () => {
    const cache = createOrgCache<string>({ ttlMs: 15_000, maxEntries: 2 });
    await cache.getOrCompute('o', 'k1', async () => 'one');
    await cache.getOrCompute('o', 'k2', async () => 'two');
    await cache.getOrCompute('o', 'k3', async () => 'three');
    expect(await cache.getOrCompute('o', 'k1', async () => 'one again')).toBe('one again');
    expect(await cache.getOrCompute('o', 'k3', async () => 'not used')).toBe('three');
  });

  it('keeps nothing that `keep` refuses, and nothing whose computation threw', async () => {
    const cache = createOrgCache<{ n: number; live: boolean }>({ ttlMs: 15_000, maxEntries: 10 });
    let n = 0;
    const live = async () => ({ n: ++n, live: true });
    const keep = (v: { live: boolean }) => !v.live;
    expect((await cache.getOrCompute('o', 'k', live, keep)).n).toBe(1);
    expect((await cache.getOrCompute('o', 'k', live, keep)).n).toBe(2);
    await expect(
      cache.getOrCompute('o', 'refused', async () => {
        throw new Error('not found');
      }),
    ).rejects.toThrow('not found');
    expect((await cache.getOrCompute('o', 'refused', async () => ({ n: 9, live: false }), keep)).n).toBe(9);
    expect((await cache.getOrCompute('o', 'refused', live, keep)).n).toBe(9);
  });
});
