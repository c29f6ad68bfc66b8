import { AsyncLocalStorage } from 'node:async_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authCall, authCallsRunning } from './auth-calls.ts';

const REGISTRY = Symbol.for('better-auth:global');
const registry = globalThis as unknown as Record<symbol, unknown>;

/** A continuation created inside `storage.run`, fired later: what the store looks like to it then. */
const storeSeenLater = (storage: AsyncLocalStorage<string>, delayMs: number) =>
  new Promise<string | undefined>((resolve) => setTimeout(() => resolve(storage.getStore()), delayMs));

describe('authCall', () => {
  let storage: AsyncLocalStorage<string>;
  let saved: unknown;

  beforeEach(() => {
    saved = registry[REGISTRY];
    storage = new AsyncLocalStorage<string>();
    registry[REGISTRY] = { version: 'test', epoch: 1, context: { requestStateAsyncStorage: storage } };
  });
  afterEach(() => {
    storage.disable();
    registry[REGISTRY] = saved;
  });

  it('keeps the storage on while any call runs, and switches it off when the last one ends', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const long = authCall(() =>
      storage.run('long', async () => {
        await gate;
        return storage.getStore();
      }),
    );
    let later!: Promise<string | undefined>;
    const short = await authCall(() =>
      storage.run('short', async () => {
        later = storeSeenLater(storage, 30);
        return storage.getStore();
      }),
    );
    expect(short).toBe('short');
    expect(authCallsRunning()).toBe(1);
    release();
    expect(await long).toBe('long');
    expect(authCallsRunning()).toBe(0);
    // Fired after both calls ended: the storage is off, nothing of a finished call is carried further.
    expect(await later).toBeUndefined();
  });

  it('never switches the storage off while another call still runs', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const running = authCall(() => storage.run('running', () => gate));
    let later!: Promise<string | undefined>;
    await authCall(() =>
      storage.run('ended', async () => {
        later = storeSeenLater(storage, 20);
      }),
    );
    expect(authCallsRunning()).toBe(1);
    // Fires while the first call is still running: the storage is still on.
    expect(await later).toBe('ended');
    release();
    await running;
    expect(authCallsRunning()).toBe(0);
  });

  it('counts a call that fails as ended, and passes its error on', async () => {
    await expect(
      authCall(() =>
        storage.run('failing', async () => {
          throw new Error('refused');
        }),
      ),
    ).rejects.toThrow('refused');
    expect(authCallsRunning()).toBe(0);
    expect(await storage.run('after', () => storeSeenLater(storage, 1))).toBe('after');
  });

  it('does nothing when better-auth has no storage yet', async () => {
    registry[REGISTRY] = undefined;
    await expect(authCall(async () => 42)).resolves.toBe(42);
  });
});
