import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardRows } from './delegation.repository.ts';
import { cachedCardRows, cardChanged, cardsChanged, patchCard, withCardLock } from './card.cache.ts';

const rowsNamed = (outcome: string) => ({ card: { outcome } }) as unknown as CardRows;
const outcomeOf = (rows: CardRows | undefined) => rows?.card.outcome;

describe('card cache', () => {
  afterEach(() => {
    vi.useRealTimers();
    cardsChanged();
  });

  it('reads a card once, then serves it until the card or anything else changes', async () => {
    let reads = 0;
    const load = async () => rowsNamed(`read ${++reads}`);
    expect(outcomeOf(await cachedCardRows('a', load))).toBe('read 1');
    expect(outcomeOf(await cachedCardRows('a', load))).toBe('read 1');
    cardChanged('a');
    expect(outcomeOf(await cachedCardRows('a', load))).toBe('read 2');
    expect(outcomeOf(await cachedCardRows('b', load))).toBe('read 3');
    cardsChanged();
    expect(outcomeOf(await cachedCardRows('a', load))).toBe('read 4');
    expect(outcomeOf(await cachedCardRows('b', load))).toBe('read 5');
  });

  it('never keeps rows read before a change, nor a card that does not exist', async () => {
    let release!: () => void;
    const slow = cachedCardRows(
      'a',
      () => new Promise<CardRows>((r) => (release = () => r(rowsNamed('old')))),
    );
    cardChanged('a');
    release();
    expect(outcomeOf(await slow)).toBe('old');
    expect(outcomeOf(await cachedCardRows('a', async () => rowsNamed('new')))).toBe('new');
    expect(await cachedCardRows('gone', async () => undefined)).toBeUndefined();
    expect(outcomeOf(await cachedCardRows('gone', async () => rowsNamed('created')))).toBe('created');
  });

  it('reads again after five seconds (another instance may have written)', async () => {
    vi.useFakeTimers();
    let reads = 0;
    const load = async () => rowsNamed(`read ${++reads}`);
    await cachedCardRows('a', load);
    vi.advanceTimersByTime(5_000);
    expect(outcomeOf(await cachedCardRows('a', load))).toBe('read 1');
    vi.advanceTimersByTime(1);
    expect(outcomeOf(await cachedCardRows('a', load))).toBe('read 2');
  });

  it('applies a known change to stored rows, and forgets them when the patch cannot tell', async () => {
    let reads = 0;
    const load = async () => rowsNamed(`read ${++reads}`);
    await cachedCardRows('a', load);
    patchCard('a', (rows) => rowsNamed(`${rows.card.outcome}, patched`));
    expect(outcomeOf(await cachedCardRows('a', load))).toBe('read 1, patched');
    patchCard('a', () => null);
    expect(outcomeOf(await cachedCardRows('a', load))).toBe('read 2');
    // Nothing stored: nothing to patch, and the next read goes to the database.
    patchCard('never read', () => rowsNamed('invented'));
    expect(outcomeOf(await cachedCardRows('never read', load))).toBe('read 3');
  });

  it('runs the work on one card in order, even when some of it fails', async () => {
    const done: string[] = [];
    const step = (name: string, ms: number, fail = false) =>
      withCardLock('a', async () => {
        await new Promise((r) => setTimeout(r, ms));
        done.push(name);
        if (fail) throw new Error(name);
        return name;
      });
    const other = withCardLock('b', async () => {
      done.push('other card');
      return 'other card';
    });
    const results = await Promise.allSettled([step('first', 30), step('second', 1, true), step('third', 1)]);
    await other;
    expect(done).toEqual(['other card', 'first', 'second', 'third']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
