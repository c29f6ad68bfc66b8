import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { pauseAfterTurnUs, registerTurnLinger } from './turn-linger.ts';

describe('pauseAfterTurnUs', () => {
  it('never pauses after a turn that started fewer than 8 requests, however long it took', () => {
    expect(pauseAfterTurnUs(0, 0)).toBe(0);
    expect(pauseAfterTurnUs(1, 40_000)).toBe(0);
    expect(pauseAfterTurnUs(7, 100_000)).toBe(0);
  });

  it('never pauses after a turn shorter than 5 ms, however many requests it started', () => {
    expect(pauseAfterTurnUs(50, 4_999)).toBe(0);
    expect(pauseAfterTurnUs(500, 1_000)).toBe(0);
  });

  it('sleeps 0.15 ms after a busy turn', () => {
    expect(pauseAfterTurnUs(8, 5_000)).toBe(150);
    expect(pauseAfterTurnUs(50, 25_000)).toBe(150);
  });
});

describe('registerTurnLinger', () => {
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await close?.();
    close = null;
  });

  it('answers every request of a burst arriving in one turn, each with its own body', async () => {
    const app = Fastify();
    registerTurnLinger(app);
    app.get('/echo/:n', async (req) => ({ n: Number((req.params as { n: string }).n) }));
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    close = () => app.close();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, n) => fetch(`${base}/echo/${n}`).then((r) => r.json())),
    );
    expect(answers).toEqual(Array.from({ length: 40 }, (_, n) => ({ n })));
  });
});
